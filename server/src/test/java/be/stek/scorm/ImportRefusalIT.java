package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Messages;
import be.stek.web.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad packages are refused through the admin's import form, each with its own message, and leave nothing behind:
 * no package row, no unpacked folder, no staging folder, no upload copy. That includes a zip that lies about its
 * sizes (refused by the bytes really unpacked) and a manifest nested 10,000 deep (a 400 with a message, not a 500).
 * Good packages import; learners cannot.
 */
class ImportRefusalIT {

    @Test
    void every_bad_package_is_refused_with_its_own_message_and_leaves_nothing_behind(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("beheer@example.be", "Bea Beheer", Role.ADMIN);
            Http admin = new Http(server).signIn("beheer@example.be");
            Messages nl = Messages.of("nl");
            for (var bad : badPackages().entrySet()) {
                HttpResponse<String> r = TestPackages.upload(admin, server, bad.getKey() + ".zip", bad.getValue().zip());
                assertEquals(400, r.statusCode(), bad.getKey());
                String message = nl.get("scorm.refused", bad.getKey() + ".zip", nl.get(bad.getValue().key(),
                        (Object[]) bad.getValue().args()));
                String why = message.contains("{") ? message.substring(0, message.indexOf('{')) : message;
                assertTrue(r.body().contains(html(why)),
                        bad.getKey() + " should say: " + why + "\n" + r.body());
                assertNothingLeft(server, data, bad.getKey());
            }
        }
    }

    @Test
    void an_upload_over_the_limit_is_refused_before_it_is_read(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("beheer@example.be", "Bea Beheer", Role.ADMIN);
            Http admin = new Http(server).signIn("beheer@example.be");
            URI uri = URI.create(server.url("/admin/scorm/import"));
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /admin/scorm/import?_csrf=" + admin.csrf() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Cookie: stek_session=" + admin.cookie("stek_session") + "; stek_csrf=" + admin.csrf()
                        + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + 300L * 1024 * 1024
                        + "\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = statusLine(socket.getInputStream());
                assertTrue(head.startsWith("HTTP/1.1 413"), head);
            }
            assertNothingLeft(server, data, "oversized");
        }
    }

    @Test
    void a_good_package_imports_for_admins_only_and_can_be_archived_without_losing_it(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http learner = new Http(server).signIn("lotte@example.be");
            assertEquals(403, TestPackages.upload(learner, server, "ok.zip", TestPackages.zip("resume-2004")).statusCode());
            assertEquals(0, server.count("SELECT COUNT(*) FROM scorm_package"));

            String slug = ResumeIT.importAsAdmin(server, "multi-sco-2004");
            try (Stream<Path> dirs = Files.list(data.resolve("scorm"))) {
                assertEquals(1, dirs.count(), "one unpacked package, nothing else");
            }
            String page = learner.get("/scorm/packages/" + slug).body();
            assertTrue(page.contains("Deel 1: kennismaken") && page.contains("Tweede SCO") && page.contains("Meer lezen"));
            assertTrue(learner.get("/scorm").body().contains("Twee delen"));

            Http admin = new Http(server).signIn("beheer@example.be");
            assertEquals(303, admin.post("/admin/scorm/" + slug + "/archive", Map.of()).statusCode());
            assertEquals(404, learner.get("/scorm/packages/" + slug).statusCode());
            assertTrue(admin.get("/admin/scorm").body().contains("gearchiveerd"));
        }
    }

    /** The bad packages, each built from a good one, with the message key (and argument) it must be refused with. */
    static Map<String, Bad> badPackages() {
        Map<String, Bad> bad = new LinkedHashMap<>();
        Map<String, byte[]> good = TestPackages.files("resume-2004");
        bad.put("no-manifest", new Bad(without(good, "imsmanifest.xml"), "scorm.refused.noManifest"));
        Map<String, byte[]> nested = new LinkedHashMap<>();
        good.forEach((k, v) -> nested.put("cursus/" + k, v));
        bad.put("nested-manifest", new Bad(TestPackages.zip(nested), "scorm.refused.nestedManifest",
                "cursus/imsmanifest.xml"));
        Map<String, byte[]> slip = new LinkedHashMap<>(good);
        slip.put("sco/../../../evil.html", "<p>out</p>".getBytes(StandardCharsets.UTF_8));
        bad.put("zip-slip", new Bad(TestPackages.zip(slip), "scorm.refused.unsafePath", "sco/../../../evil.html"));
        Map<String, byte[]> bomb = new LinkedHashMap<>(good);
        bomb.put("sco/padding.bin", new byte[20 * 1024 * 1024]);
        bad.put("zip-bomb", new Bad(TestPackages.zip(bomb), "scorm.refused.bomb"));
        Map<String, byte[]> broken = new LinkedHashMap<>(good);
        broken.put("imsmanifest.xml", "<manifest><organizations></manifest>".getBytes(StandardCharsets.UTF_8));
        bad.put("broken-xml", new Bad(TestPackages.zip(broken), "scorm.refused.brokenXml"));
        bad.put("missing-launch-file", new Bad(without(good, "sco/index.html"), "scorm.refused.missingLaunch",
                "Hervatten", "sco/index.html"));
        bad.put("not-a-zip", new Bad("just some text".getBytes(StandardCharsets.UTF_8), "scorm.refused.notAZip"));
        Map<String, byte[]> padded = new LinkedHashMap<>(good);
        padded.put("sco/padding.bin", new byte[20 * 1024 * 1024]);
        bad.put("lying-sizes", new Bad(TestPackages.lyingAboutSize(padded, "sco/padding.bin", 1024),
                "scorm.refused.lyingSizes", "sco/padding.bin"));
        Map<String, byte[]> deep = new LinkedHashMap<>(good);
        deep.put("imsmanifest.xml", TestPackages.deepManifest(10_000));
        bad.put("deep-manifest", new Bad(TestPackages.zip(deep), "scorm.refused.tooDeep", "64"));
        return bad;
    }

    record Bad(byte[] zip, String key, String... args) {
    }

    private static byte[] without(Map<String, byte[]> files, String name) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.remove(name);
        return TestPackages.zip(copy);
    }

    private static void assertNothingLeft(TestServer server, Path data, String what) throws IOException {
        assertEquals(0, server.count("SELECT COUNT(*) FROM scorm_package"), what);
        assertEquals(0, server.count("SELECT COUNT(*) FROM scorm_item"), what);
        try (Stream<Path> left = Files.list(data.resolve("scorm"))) {
            List<Path> files = left.toList();
            assertTrue(files.isEmpty(), what + " left " + files);
        }
    }

    /** A message as the auto-escaping templates write it, for the parts that show up in these messages. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.write(c);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }
}
