package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults and abuse, injected on loopback and bounded in time: a full disk, bodies that never end, clients that
 * send one byte at a time. Stek must answer clearly, store nothing it did not confirm, and recover by itself.
 */
class FaultInjectionIT {
    /** Longer than a database page, so storing it needs new pages (reflections take up to 20,000 characters). */
    private static final String BIG_REFLECTION = "Ik zag vandaag hoe een kleine blik alles veranderde. ".repeat(360);

    @Test
    void a_full_disk_gives_503_pages_that_claim_nothing_and_the_next_write_succeeds_once_there_is_room(
            @TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", be.stek.web.Role.LEARNER);
            Http an = new Http(server).signIn("an@example.be");
            assertEquals(200, an.get("/healthz").statusCode());

            // SQLite: a page limit answers SQLITE_FULL as a full disk does. PostgreSQL: a read-only transaction
            // fails as a full disk or a server that turned read-only (a failed-over replica) does.
            if (TestDatabases.sqlite()) {
                long pages = server.db().read(c -> be.stek.store.Sql.one(c, "PRAGMA page_count",
                        rs -> rs.getLong(1)).orElseThrow());
                server.db().injectWriterSetup("PRAGMA max_page_count = " + pages);
            } else {
                server.db().injectWriterSetup("SET LOCAL transaction_read_only = on");
            }
            HttpResponse<String> failed = reflect(an);
            assertEquals(503, failed.statusCode(), failed.body());
            assertTrue(failed.body().contains("misschien niet bewaard"), "says it may not be saved: " + failed.body());
            assertTrue(!failed.body().contains("niet verloren"), "claims nothing: " + failed.body());
            assertTrue(failed.headers().firstValue("Retry-After").isPresent(), "says when to try again");
            assertEquals(503, an.get("/healthz").statusCode(), "/healthz reports that writes fail");
            assertEquals(0, server.count("SELECT count(*) FROM reflection"));

            server.db().injectWriterSetup(TestDatabases.sqlite() ? "PRAGMA max_page_count = 1073741823" : null);
            assertEquals(200, an.get("/healthz").statusCode(), "/healthz is green again once the disk takes writes");
            assertEquals(303, reflect(an).statusCode(), "the next write succeeds");
            assertEquals(1, server.count("SELECT count(*) FROM reflection"));
        }
    }

    private static HttpResponse<String> reflect(Http an) {
        return an.post("/courses/proef/reflections/kleine-dingen", Map.of("body", BIG_REFLECTION,
                "nonce", "n-" + System.nanoTime()));
    }

    @Test
    void an_endless_chunked_form_post_to_login_is_refused_early_and_nothing_large_is_written(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz")) {
                Endless post = Endless.post(server, "/login", type, 20L * 1024 * 1024);
                assertTrue(post.status() == 413 || post.status() == 415, type + ": " + post.status());
                assertTrue(post.sent() < 20L * 1024 * 1024, type + ": the server stopped reading");
                assertTrue(largestFile(data) < 1024 * 1024, type + ": nothing large under data/: " + largestFile(data));
            }
        }
    }

    @Test
    void an_endless_chunked_scorm_commit_is_refused_at_its_limit(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", be.stek.web.Role.LEARNER);
            Http an = new Http(server).signIn("an@example.be");
            Endless post = Endless.post(server, "/api/scorm/sessions/1/commit?_csrf=" + an.csrf(), "application/json",
                    50L * 1024 * 1024, "stek_session=" + an.cookie("stek_session") + "; stek_csrf=" + an.csrf());
            assertEquals(413, post.status());
            assertTrue(post.sent() < 50L * 1024 * 1024, "the server stopped reading");
        }
    }

    @Test
    void three_hundred_slow_posts_leave_healthz_and_pages_answering_within_a_second(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", be.stek.web.Role.LEARNER);
            Http an = new Http(server).signIn("an@example.be");
            URI uri = URI.create(server.url("/"));
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket s = new Socket(uri.getHost(), uri.getPort());
                    s.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\ne")
                            .getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
                for (int round = 0; round < 5; round++) {
                    long t0 = System.nanoTime();
                    assertEquals(200, new Http(server).get("/healthz").statusCode());
                    assertEquals(200, an.get("/me").statusCode());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(ms < 1000, "healthz and a signed-in page took " + ms + " ms with 300 slow posts open");
                }
                // A client that keeps trickling is cut off well before it finishes its body.
                Socket first = slow.get(0);
                first.setSoTimeout(30_000);
                long t0 = System.nanoTime();
                boolean cut = false;
                for (int i = 0; i < 60 && !cut; i++) {
                    try {
                        first.getOutputStream().write('x');
                        first.getOutputStream().flush();
                        Thread.sleep(500);
                        cut = first.getInputStream().available() > 0;
                    } catch (IOException e) {
                        cut = true;
                    }
                }
                assertTrue(cut, "a trickling client is cut off");
                assertTrue(System.nanoTime() - t0 < 25_000_000_000L, "within the idle timeout");
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    private static long largestFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
    }

    /** A POST whose chunked body goes on until the server answers or stops reading, up to {@code max} bytes. */
    record Endless(int status, long sent) {
        static Endless post(TestServer server, String path, String type, long max) throws Exception {
            return post(server, path, type, max, null);
        }

        static Endless post(TestServer server, String path, String type, long max, String cookie) throws Exception {
            URI uri = URI.create(server.url("/"));
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                        + "\r\nTransfer-Encoding: chunked\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                        + "\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                InputStream in = socket.getInputStream();
                long sent = 0;
                try {
                    while (sent < max && in.available() == 0) {
                        out.write(chunk);
                        sent += 0x10000;
                    }
                } catch (IOException e) {
                    // the server closed the connection: it stopped reading
                }
                return new Endless(status(in), sent);
            }
        }

        private static int status(InputStream in) throws IOException {
            byte[] head = new byte[12];
            int n = 0;
            try {
                while (n < 12) {
                    int r = in.read(head, n, 12 - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                return -1;
            }
            String line = new String(head, 0, n, StandardCharsets.US_ASCII);
            return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : -1;
        }
    }
}
