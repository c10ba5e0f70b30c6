package be.stek.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * "Somewhere on the internet" for a test: an https server on loopback (port 0) with a certificate made for it by
 * the JDK's keytool, serving a few fixed files and counting requests. Browsers must be told to accept its
 * certificate ({@code --ignore-certificate-errors}).
 */
public final class HttpsStub implements AutoCloseable {
    private final Server server;
    private final AtomicInteger hits = new AtomicInteger();

    private HttpsStub(Server server) {
        this.server = server;
    }

    /** Serves {@code files} (path → JavaScript source) over https; {@code dir} holds the key store. */
    public static HttpsStub start(Path dir, Map<String, String> files) throws Exception {
        Path store = keyStore(dir);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(store.toString());
        ssl.setKeyStorePassword("stubstub");
        ssl.setKeyStoreType("PKCS12");
        Server server = new Server();
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        HttpsStub stub = new HttpsStub(server);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String body = files.get(request.getHttpURI().getPath());
                stub.hits.incrementAndGet();
                if (body == null) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript;charset=utf-8");
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
        return stub;
    }

    private static Path keyStore(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("stub.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "stubstub", "-alias", "stub", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(store)) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    /** {@code https://127.0.0.1:port}. */
    public String origin() {
        return "https://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** How many requests reached the stub. */
    public int hits() {
        return hits.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
