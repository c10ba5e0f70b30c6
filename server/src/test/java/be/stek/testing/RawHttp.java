package be.stek.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A request sent exactly as written, for what an HTTP client will not send (a lying length, a broken path). */
public final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code request} to the server and reads the answer up to the end of its page (or of the stream). */
    public static String exchange(TestServer server, String request) throws IOException {
        URI uri = URI.create(server.url("/"));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return readPage(socket.getInputStream());
        }
    }

    static String readPage(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.toString(StandardCharsets.UTF_8).contains("</html>")) {
                break;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
