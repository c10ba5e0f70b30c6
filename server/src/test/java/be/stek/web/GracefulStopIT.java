package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that stops (an update rolled out one node at a time, a restart) first finishes what it is answering: a form
 * a learner is sending at that moment is saved and answered, not cut off with the connection, and the database
 * closes only after that.
 */
class GracefulStopIT {

    @Test
    void a_form_arriving_while_the_node_stops_is_saved_and_answered(@TempDir Path data) throws Exception {
        long an;
        TestServer server = TestServer.start(data);
        CompletableFuture<Void> stopped;
        String answer;
        try {
            an = server.addUser("an@example.be", "An", Role.LEARNER);
            Http learner = new Http(server).signIn("an@example.be");
            byte[] body = ("_csrf=" + learner.csrf()).getBytes(StandardCharsets.UTF_8);
            URI uri = URI.create(server.url("/courses/proef/lessons/eerste-les/done"));
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nCookie: stek_session=" + learner.cookie("stek_session") + "; stek_csrf="
                        + learner.cookie("stek_csrf") + "\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                GracefulHandler graceful = server.app().server().getDescendant(GracefulHandler.class);
                await(() -> graceful.getCurrentRequestCount() == 1, "the request is being handled");
                // The node is told to stop while the form is half sent.
                stopped = CompletableFuture.runAsync(() -> {
                    try {
                        server.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                await(graceful::isShutdown, "the node is stopping");
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            stopped.get(30, TimeUnit.SECONDS);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        assertTrue(answer.startsWith("HTTP/1.1 303"), "the form is answered as usual: " + answer);

        try (TestServer again = TestServer.start(data)) {
            assertEquals(1, again.count("SELECT count(*) FROM lesson_progress WHERE learner_id = ? AND lesson = ?"
                    + " AND done_at IS NOT NULL", an, "eerste-les"), "and what it said is saved");
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
