package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * Answers that Jetty gives before Stek's own pages run (a node that is stopping refuses new requests with 503, the
 * limits at the edge refuse with 413 or 503) speak Dutch first, then English, like every other page, and say what
 * happened: not Jetty's English "HTTP ERROR 503".
 */
class EdgeErrorPageTest {

    @Test
    void a_refusal_at_the_edge_says_in_dutch_and_english_what_happened() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Response.writeError(request, response, callback, Integer.parseInt(Request.getPathInContext(request)
                        .substring(1)));
                return true;
            }
        });
        server.setErrorHandler(SecurityHeaders.errorHandler());
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (int status : new int[] {503, 413}) {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + connector.getLocalPort() + "/" + status)).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(status, page.statusCode());
                String title = Messages.of("nl").get("error.title." + status);
                assertTrue(page.body().contains("<html lang=\"nl\"") && page.body().contains(title), page.body());
                assertTrue(page.body().contains(Messages.of("en").get("error.title." + status)), page.body());
                assertFalse(page.body().contains("HTTP ERROR"), page.body());
            }
        } finally {
            server.stop();
        }
    }
}
