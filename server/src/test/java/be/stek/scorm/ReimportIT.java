package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Map.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a zip with the manifest identifier of a package learners see offers to replace it: the new version takes
 * over the address and new launches, finished (and interrupted) attempts stay with the version they were made in and
 * still count for the same item; the admin may also keep both, or drop the upload without a trace.
 */
class ReimportIT {

    @Test
    void a_new_version_replaces_the_package_and_earlier_attempts_stay_with_their_version(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            long v1 = packageId(server, slug);
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            server.addUser("jonas@example.be", "Jonas Maes", Role.LEARNER);
            Http lotte = new Http(server).signIn("lotte@example.be");
            Http jonas = new Http(server).signIn("jonas@example.be");
            commit(lotte, slug, "completed", "normal", true);
            commit(jonas, slug, "incomplete", "suspend", false);

            Http admin = new Http(server).signIn("beheer@example.be");
            HttpResponse<String> upload = TestPackages.upload(admin, server, "v2.zip", version2());
            assertEquals(303, upload.statusCode());
            String decision = upload.headers().firstValue("Location").orElseThrow();
            assertTrue(admin.get(decision).body().contains("stek.test.resume2004"));
            String waiting = decision.replaceAll(".*/admin/scorm/([^/]+)/version", "$1");
            assertTrue(!lotte.get("/scorm").body().contains("/scorm/packages/" + waiting + "\""),
                    "learners do not see the waiting upload");
            assertEquals(404, lotte.get("/scorm/packages/" + waiting).statusCode());

            assertEquals(303, admin.post(decision, Map.of("choice", "replace")).statusCode());
            long v2 = packageId(server, slug);
            assertTrue(v2 != v1, "the address now leads to the new version");
            assertEquals(v2, server.count("SELECT replaced_by FROM scorm_package WHERE id = ?", v1));
            assertEquals(2, server.count("SELECT COUNT(*) FROM scorm_attempt WHERE package_id = ?", v1),
                    "attempts stay with the version they were made in");

            String page = lotte.get("/scorm/packages/" + slug).body();
            assertTrue(page.contains("id=\"package-status\">Afgerond<"), "the finished attempt still counts: " + page);
            assertTrue(CommitEndpointIT.runtimeUrl(jonas, slug, "sco").contains("/launch/"));
            String runtime = jonas.get(CommitEndpointIT.runtimeUrl(jonas, slug, "sco")).body();
            assertTrue(runtime.contains("data-entry=\"ab-initio\"") && runtime.contains("Versie twee"),
                    "a new launch starts afresh in the new version");
            commit(jonas, slug, "incomplete", "suspend", false);
            assertEquals(1, server.count("SELECT COUNT(*) FROM scorm_attempt WHERE package_id = ?", v2));
            assertTrue(admin.get("/scorm/packages/" + slug + "/results").body().contains("Eerdere versies"));
        }
    }

    @Test
    void the_admin_may_keep_both_versions_or_drop_the_upload_without_a_trace(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            Http admin = new Http(server).signIn("beheer@example.be");
            String decision = TestPackages.upload(admin, server, "v2.zip", version2()).headers()
                    .firstValue("Location").orElseThrow();
            assertEquals(303, admin.post(decision, Map.of("choice", "apart")).statusCode());
            assertEquals(2, server.count("SELECT COUNT(*) FROM scorm_package WHERE pending = 0 AND replaced_by IS NULL"));

            long folders;
            try (var s = Files.list(data.resolve("scorm"))) {
                folders = s.count();
            }
            decision = TestPackages.upload(admin, server, "v3.zip", version2()).headers().firstValue("Location")
                    .orElseThrow();
            assertEquals(303, admin.post(decision, Map.of("choice", "discard")).statusCode());
            assertEquals(2, server.count("SELECT COUNT(*) FROM scorm_package"));
            try (var s = Files.list(data.resolve("scorm"))) {
                assertEquals(folders, s.count(), "the dropped upload's files are gone");
            }
            assertEquals(404, admin.get(decision).statusCode());
            assertEquals(200, admin.get("/scorm/packages/" + slug).statusCode());
        }
    }

    /** The test package with a changed page, the same manifest identifier. */
    private static byte[] version2() {
        Map<String, byte[]> files = TestPackages.files("resume-2004");
        for (Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith("index.html")) {
                f.setValue(new String(f.getValue(), StandardCharsets.UTF_8).replace("<body", "<body data-v=\"2\"")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        files.put("imsmanifest.xml", new String(files.get("imsmanifest.xml"), StandardCharsets.UTF_8)
                .replace("<title>Hervatten</title>", "<title>Versie twee</title>").getBytes(StandardCharsets.UTF_8));
        return TestPackages.zip(files);
    }

    /** One launch of the package's SCO by {@code http}, committing once (finally when {@code last}). */
    private static void commit(Http http, String slug, String completion, String exit, boolean last) {
        String url = CommitEndpointIT.launch(http, slug);
        String body = "{\"commitSequence\":1,\"cmi\":{\"completion_status\":\"" + completion + "\",\"exit\":\"" + exit
                + "\",\"location\":\"p1\"}}";
        assertEquals(200, http.postRaw(url + (last ? "?final=true" : ""), body, "application/json").statusCode());
    }

    private static long packageId(TestServer server, String slug) {
        return server.count("SELECT id FROM scorm_package WHERE slug = ?", slug);
    }
}
