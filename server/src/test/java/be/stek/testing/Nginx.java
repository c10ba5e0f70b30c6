package be.stek.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx on loopback in front of Stek nodes, configured with the shipped {@code deploy/nginx/stek.conf}
 * (the upstream servers of both origins and their listen addresses replaced), its pid, logs and temporary files in a
 * folder of the test.
 */
public final class Nginx implements AutoCloseable {
    private final Process process;
    private final int port;
    private final int contentPort;
    private final Path dir;

    private Nginx(Process process, int port, int contentPort, Path dir) {
        this.process = process;
        this.port = port;
        this.contentPort = contentPort;
        this.dir = dir;
    }

    /** True when an nginx binary is installed. */
    public static boolean installed() {
        return Files.isExecutable(binary());
    }

    /**
     * Skips the test when nginx is not installed, or fails it when {@code STEK_REQUIRE_NGINX=1} (CI, which installs
     * it), so that a missing nginx cannot turn the PostgreSQL run's two-node test into a silent skip.
     */
    public static void assumeInstalled() {
        String missing = "needs Debian's nginx (apt-get install nginx); .ci/run installs it";
        if (!installed() && "1".equals(System.getenv("STEK_REQUIRE_NGINX"))) {
            throw new AssertionError(missing + " (STEK_REQUIRE_NGINX=1)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(installed(), missing);
    }

    private static Path binary() {
        return Path.of("/usr/sbin/nginx");
    }

    /**
     * Starts nginx on two free loopback ports with the shipped configuration: Stek's pages from these nodes, and the
     * SCORM content origin from the nodes' {@code contentNodes} ports.
     */
    public static Nginx start(Path dir, List<Integer> nodes, List<Integer> contentNodes)
            throws IOException, InterruptedException {
        return start(dir, nodes, contentNodes, freePort(), freePort());
    }

    /** The same on ports chosen beforehand (nodes started with their content base URL need to know it). */
    public static Nginx start(Path dir, List<Integer> nodes, List<Integer> contentNodes, int port, int contentPort)
            throws IOException, InterruptedException {
        String site = Files.readString(Path.of("deploy/nginx/stek.conf"), StandardCharsets.UTF_8);
        site = site.replaceAll("(?m)^\\s*server stek-node-\\d+:808[01][^\\n]*$\\n?", "")
                .replace("upstream stek {", "upstream stek {\n" + servers(nodes))
                .replace("upstream stek_content {", "upstream stek_content {\n" + servers(contentNodes))
                .replaceFirst("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replaceFirst("listen 80;", "listen 127.0.0.1:" + contentPort + ";");
        // As root, nginx would run its workers as nobody, who cannot enter the test's private folder.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String main = user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(dir.toAbsolutePath(), site);
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, main, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(binary().toString(), "-c", conf.toAbsolutePath().toString(), "-p",
                dir.toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(p, port, contentPort, dir);
        nginx.awaitListening();
        return nginx;
    }

    private static String servers(List<Integer> ports) {
        return ports.stream().map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=2s;")
                .collect(Collectors.joining("\n"));
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx stopped: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        close();
        throw new IOException("nginx did not listen within 10 s: " + log());
    }

    private String log() throws IOException {
        Path out = dir.resolve("nginx.out");
        Path err = dir.resolve("error.log");
        return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(err) ? Files.readString(err) : "");
    }

    /** A free loopback port (for {@link #start(Path, List, List, int, int)}). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** An address on the content origin. */
    public String contentUrl(String path) {
        return "http://127.0.0.1:" + contentPort + path;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
