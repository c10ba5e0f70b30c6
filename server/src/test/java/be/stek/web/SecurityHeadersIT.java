package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer carries the security headers, error pages included (404, 413, 500, and Jetty's own 400 for a request
 * it cannot parse), and none says which server software and version runs Stek. The 500 page does not claim that
 * nothing was lost.
 */
class SecurityHeadersIT {
    private static final Map<String, String> EXPECTED = Map.of("x-content-type-options", "nosniff",
            "x-frame-options", "SAMEORIGIN", "referrer-policy", "same-origin",
            "content-security-policy", "default-src 'self'");

    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(data);
        server.addUser("an@example.be", "An", Role.LEARNER);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void pages_files_and_404s_carry_the_headers_and_no_server_version() {
        Http http = new Http(server);
        for (String path : new String[] {"/", "/static/stek.css", "/media/proef/schema.svg", "/bestaat-niet",
                "/courses/bestaat-niet", "/media/bestaat-niet.png", "/static/bestaat-niet.js"}) {
            HttpResponse<String> r = http.get(path);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + ": " + r.statusCode());
            assertSecurityHeaders(r.headers(), path);
            assertFalse(r.headers().firstValue("server").isPresent(), path + " names the server: " + r.headers());
        }
    }

    @Test
    void a_500_keeps_the_headers_and_says_the_action_may_not_have_been_saved() {
        Http an = new Http(server).signIn("an@example.be");
        server.db().write(c -> {
            // A failing write, as a full disk would make it fail: the page must not claim the data is safe.
            if (TestDatabases.sqlite()) {
                c.createStatement().execute("CREATE TRIGGER full_disk BEFORE INSERT ON lesson_progress "
                        + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
            } else {
                c.createStatement().execute("CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$BEGIN RAISE EXCEPTION 'database or disk is full'; END$$");
                c.createStatement().execute("CREATE TRIGGER full_disk BEFORE INSERT ON lesson_progress "
                        + "FOR EACH ROW EXECUTE FUNCTION full_disk()");
            }
            return null;
        });
        try {
            HttpResponse<String> r = an.post("/courses/proef/lessons/eerste-les/done", Map.of());
            assertEquals(500, r.statusCode(), r.body());
            assertSecurityHeaders(r.headers(), "500 page");
            assertTrue(r.body().contains("misschien niet bewaard") && r.body().contains("probeer het opnieuw"),
                    r.body());
            assertFalse(r.body().contains("niet verloren"), "claims nothing was lost:\n" + r.body());
            assertEquals(0, server.count("SELECT COUNT(*) FROM lesson_progress"));
        } finally {
            server.db().write(c -> c.createStatement().execute(TestDatabases.sqlite() ? "DROP TRIGGER full_disk"
                    : "DROP TRIGGER full_disk ON lesson_progress"));
        }
    }

    @Test
    void a_413_keeps_the_headers() throws IOException {
        String answer = raw("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + 2 * 1024 * 1024 + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertRawHeaders(answer);
    }

    @Test
    void jettys_own_400_for_a_malformed_request_keeps_the_headers() throws IOException {
        String answer = raw("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertRawHeaders(answer);
    }

    private static void assertSecurityHeaders(HttpHeaders headers, String what) {
        EXPECTED.forEach((name, value) -> assertTrue(headers.firstValue(name).orElse("").startsWith(value),
                what + " lacks " + name + ": " + headers.map()));
    }

    private static void assertRawHeaders(String answer) {
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
        EXPECTED.forEach((name, value) -> assertTrue(head.contains("\r\n" + name + ": " + value.toLowerCase(Locale.ROOT)),
                "lacks " + name + ":\n" + head));
        assertFalse(head.contains("\r\nserver:"), head);
    }

    private static String raw(String request) throws IOException {
        return be.stek.testing.RawHttp.exchange(server, request);
    }
}
