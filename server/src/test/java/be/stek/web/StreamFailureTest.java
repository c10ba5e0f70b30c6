package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download written while it is sent (the dashboard's CSV) that fails half-way — the database goes away after the
 * first hundred kilobytes, say — must reach the browser as a failed download, never as a shorter file that looks
 * whole: the response is cut off without its last chunk.
 */
class StreamFailureTest {
    private static final byte[] LINE = "\"Deelnemer\";\"deelnemer@example.be\";\"Proefcursus\";\"33\"\n".getBytes();

    @Test
    void a_stream_that_fails_after_its_first_bytes_is_cut_off_not_ended(@TempDir Path dir) throws Exception {
        Router router = new Router()
                .get("/heel", Access.PUBLIC, ctx -> new Result.Stream("heel.csv", "text/csv", out -> {
                    for (int i = 0; i < 4000; i++) {
                        out.write(LINE);
                    }
                }))
                .get("/half", Access.PUBLIC, ctx -> new Result.Stream("half.csv", "text/csv", out -> {
                    for (int i = 0; i < 2000; i++) {
                        out.write(LINE);
                    }
                    throw new IllegalStateException("the database went away");
                }));
        FrontServlet front = FrontServlet.withoutSessions(router, new Templates(), Clock.systemUTC(),
                new ClientAddress(List.of()));
        Server server = WebServer.newServer("127.0.0.1", 0, front, dir, dir, List.of());
        server.start();
        try {
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<byte[]> whole = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/heel")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, whole.statusCode());
            assertEquals(4000 * LINE.length, whole.body().length, "a stream that ends well arrives whole");
            assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/half")).build(), HttpResponse.BodyHandlers.ofByteArray()),
                    "a stream that fails is a failed download, not a shorter file");
        } finally {
            server.stop();
        }
    }
}
