package be.stek.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.CourseTree;
import be.stek.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media and files kept in course folders are streamed as a video player asks for them: byte ranges (206, and 416 for
 * a range outside the file), cache validators (304), and never a file that a symbolic link brings in from outside
 * the folder.
 */
class CourseFilesIT {
    private static final byte[] VIDEO = new byte[300_000];
    private static final String SECRET = "root:x:0:0:geheim";

    @TempDir
    static Path root;
    static TestServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        new Random(7).nextBytes(VIDEO);
        CourseTree tree = CourseTree.copyOfFixture(root.resolve("site"));
        tree.write("media/proef/film.mp4", VIDEO);
        tree.write("courses/proef/film.mp4", VIDEO);
        Path outside = Files.createDirectories(root.resolve("elders"));
        Files.writeString(outside.resolve("passwd.png"), SECRET);
        tree.link("media/proef/lek.png", outside.resolve("passwd.png"));
        tree.link("media/map", outside);
        tree.link("courses/proef/lek.png", outside.resolve("passwd.png"));
        server = TestServer.start(root.resolve("data"), tree.courses(), tree.media(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void a_range_request_gets_206_with_exactly_those_bytes() {
        for (String path : new String[] {"/media/proef/film.mp4", "/courses/proef/files/film.mp4"}) {
            HttpResponse<byte[]> r = get(path, "Range", "bytes=1000-1999");
            assertEquals(206, r.statusCode(), path);
            assertArrayEquals(Arrays.copyOfRange(VIDEO, 1000, 2000), r.body(), path);
            assertEquals("bytes 1000-1999/300000", r.headers().firstValue("Content-Range").orElse(""), path);
            HttpResponse<byte[]> tail = get(path, "Range", "bytes=-10");
            assertArrayEquals(Arrays.copyOfRange(VIDEO, VIDEO.length - 10, VIDEO.length), tail.body(), path);
        }
    }

    @Test
    void a_whole_file_says_it_accepts_ranges_and_can_be_validated() {
        for (String path : new String[] {"/media/proef/film.mp4", "/courses/proef/files/film.mp4"}) {
            HttpResponse<byte[]> r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertArrayEquals(VIDEO, r.body(), path);
            assertEquals("video/mp4", r.headers().firstValue("Content-Type").orElse(""), path);
            assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""), path);
            assertTrue(r.headers().firstValue("ETag").isPresent(), path);
            assertTrue(r.headers().firstValue("Last-Modified").isPresent(), path);
            assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("max-age"), path);
        }
    }

    @Test
    void a_range_outside_the_file_gets_416() {
        for (String path : new String[] {"/media/proef/film.mp4", "/courses/proef/files/film.mp4"}) {
            HttpResponse<byte[]> r = get(path, "Range", "bytes=400000-400100");
            assertEquals(416, r.statusCode(), path);
            assertEquals("bytes */300000", r.headers().firstValue("Content-Range").orElse(""), path);
        }
    }

    @Test
    void a_conditional_get_of_an_unchanged_file_gets_304_without_a_body() {
        for (String path : new String[] {"/media/proef/film.mp4", "/courses/proef/files/film.mp4"}) {
            HttpResponse<byte[]> first = get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String modified = first.headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<byte[]> byTag = get(path, "If-None-Match", etag);
            assertEquals(304, byTag.statusCode(), path);
            assertEquals(0, byTag.body().length, path);
            assertEquals(304, get(path, "If-Modified-Since", modified).statusCode(), path);
            assertEquals(200, get(path, "If-None-Match", "\"iets-anders\"").statusCode(), path);
        }
    }

    @Test
    void a_symbolic_link_out_of_media_or_a_course_folder_is_not_served() {
        for (String path : new String[] {"/media/proef/lek.png", "/media/map/passwd.png", "/courses/proef/files/lek.png",
                "/courses/proef/files/..%2F..%2F..%2Felders%2Fpasswd.png", "/courses/proef/files/%2E%2E/lek.png"}) {
            HttpResponse<byte[]> r = get(path);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + ": " + r.statusCode());
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains(SECRET), path + " served the secret");
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
