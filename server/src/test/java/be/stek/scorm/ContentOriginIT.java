package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.Config;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Package content lives on its own origin and opens only with a launch token: without one (or with a forged one)
 * every content address answers 403, Stek's own origin serves no package files, a token opens only its own
 * package, and content pages carry the package policy (https allowed, framed only by the player) and set no cookie.
 */
class ContentOriginIT {

    @Test
    void content_urls_without_a_valid_launch_token_answer_403(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            String key = contentKey(server, slug);
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http lotte = new Http(server).signIn("lotte@example.be");
            String runtime = CommitEndpointIT.runtimeUrl(lotte, slug, "sco");
            String token = runtime.substring(runtime.lastIndexOf('/') + 1);

            assertEquals(200, lotte.get(server.contentUrl("/c/" + token + "/sco/index.html")).statusCode());
            assertEquals(403, lotte.get(server.contentUrl("/" + key + "/sco/index.html")).statusCode());
            assertEquals(403, lotte.get(server.contentUrl("/c/" + key + "/sco/index.html")).statusCode());
            assertEquals(403, lotte.get(server.contentUrl("/c/x" + token + "/sco/index.html")).statusCode(),
                    "a token with a signature that does not match");
            assertEquals(403, lotte.get(server.contentUrl("/launch/" + token.replace('.', 'x'))).statusCode());
            assertEquals(403, lotte.get("/scorm/content/" + key + "/sco/index.html").statusCode(),
                    "Stek's own origin serves no package files, even to the signed-in learner");
            assertEquals(403, lotte.get(server.contentUrl("/me/data/export")).statusCode(),
                    "Stek's session cookie means nothing on the content origin");
            assertEquals(403, new Http(server).get(server.contentUrl("/scorm/content/" + key + "/sco/index.html"))
                    .statusCode());
        }
    }

    @Test
    void a_token_opens_only_its_own_package_and_content_pages_set_no_cookie(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String resume = ResumeIT.importAsAdmin(server, "resume-2004");
            Http admin = new Http(server).signIn("beheer@example.be");
            String other = TestPackages.imported(admin, server, "multi.zip", TestPackages.zip("multi-sco-2004"));
            String runtime = CommitEndpointIT.runtimeUrl(admin, resume, "sco");
            String token = runtime.substring(runtime.lastIndexOf('/') + 1);

            assertEquals(404, admin.get(server.contentUrl("/c/" + token + "/content/one.html")).statusCode(),
                    "a file of another package, through this package's token");
            int escape = admin.get(server.contentUrl("/c/" + token + "/%2e%2e/" + contentKey(server, other)
                    + "/content/one.html")).statusCode();
            assertTrue(escape == 400 || escape == 404, "a path out of the package: " + escape);
            HttpResponse<String> page = admin.get(runtime);
            assertEquals(200, page.statusCode());
            HttpResponse<String> file = admin.get(server.contentUrl("/c/" + token + "/sco/index.html"));
            for (HttpResponse<String> r : java.util.List.of(page, file)) {
                String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
                assertTrue(csp.startsWith(Config.Content.DEFAULT_CSP) && csp.contains("https:")
                        && csp.contains("frame-ancestors 'self' " + server.url("")), csp);
                assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElseThrow());
                assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), r.headers().toString());
                assertFalse(r.headers().firstValue("X-Frame-Options").isPresent());
            }
            String player = admin.get("/scorm/packages/" + resume + "/play/sco").headers()
                    .firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(player.contains("frame-src 'self' " + server.contentUrl("") + ";"), player);
        }
    }

    @Test
    void the_package_policy_and_content_address_are_the_admins_to_set(@TempDir Path data) throws Exception {
        String closed = "default-src 'self' 'unsafe-inline'; object-src 'none'";
        try (TestServer server = TestServer.start(data, c -> c.withContent(
                new Config.Content(0, "http://inhoud.stek.test:8443", closed)))) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            Http admin = new Http(server).signIn("beheer@example.be");
            String runtime = CommitEndpointIT.runtimeUrl(admin, slug, "sco");
            assertTrue(runtime.startsWith("http://inhoud.stek.test:8443/launch/"), runtime);
            String csp = admin.get(server.contentUrl(runtime.substring(runtime.indexOf("/launch/"))))
                    .headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.startsWith(closed + "; frame-ancestors 'self' "), csp);
        }
    }

    private static String contentKey(TestServer server, String slug) {
        return server.db().read(c -> be.stek.store.Sql.one(c, "SELECT content_key FROM scorm_package WHERE slug = ?",
                rs -> rs.getString(1), slug).orElseThrow());
    }
}
