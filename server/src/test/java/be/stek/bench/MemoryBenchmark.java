package be.stek.bench;

import be.stek.learner.LearnerRepository;
import be.stek.learner.Passwords;
import be.stek.store.Database;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The resident memory of Stek under 500 connections: a separate Stek process, started as an operator starts it
 * ({@code java -cp … be.stek.Main}, with the README's {@code -Xmx256m -XX:+UseSerialGC}, then with no flags at all),
 * on SQLite with the fixture course;
 * wrk holds 500 connections on a signed-in lesson page (and then on /me) for {@code bench.seconds} each; the
 * process's peak resident set (VmHWM) is read from /proc. Linux only. Not a test.
 */
public final class MemoryBenchmark {
    private static final int CONNECTIONS = Integer.getInteger("bench.memory.connections", 500);
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 5) * 2);

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        measure(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        measure(List.of());
    }

    /** Starts Stek in a process of its own with these JVM flags and loads it with 500 connections. */
    private static void measure(List<String> flags) throws Exception {
        Path data = Files.createTempDirectory("stek-bench-memory");
        try (Database db = Database.open(data.resolve("stek.db"))) {
            new LearnerRepository(db).create("lerende@example.be", "Lerende", Passwords.hash(TestServer.PASSWORD),
                    Role.LEARNER, Instant.now());
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(flags);
        cmd.addAll(List.of("-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", "logback.xml"),
                "-cp", System.getProperty("java.class.path"), "be.stek.Main", "serve", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--content-port", Integer.toString(freePort()), "--data",
                data.toString(), "--courses", TestServer.fixture("courses").toString(), "--media",
                TestServer.fixture("media").toString()));
        Process stek = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve("stek.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(base);
            Http learner = Http.at(path -> base + path).signIn("lerende@example.be");
            String cookie = "stek_session=" + learner.cookie("stek_session") + "; stek_csrf=" + learner.cookie("stek_csrf");
            System.out.printf("RSS of a separate Stek process (SQLite, JVM flags: %s) at %d connections:%n",
                    flags.isEmpty() ? "none" : String.join(" ", flags), CONNECTIONS);
            System.out.printf("  after start-up and sign-in: %d MB%n", rss(stek.pid(), "VmRSS"));
            for (String path : List.of("/courses/proef/lessons/eerste-les", "/me")) {
                Benchmark.Figures f = Wrk.run(path, base + path, cookie, null, CONNECTIONS, Duration.ofSeconds(1),
                        MEASURE);
                System.out.printf("  %-34s %8.0f req/s, p99 %7.1f ms, errors %d; peak RSS so far %d MB%n", path,
                        f.perSecond(), f.p99(), f.errors(), rss(stek.pid(), "VmHWM"));
            }
            System.out.printf("  JVM default max heap here: %d MB (a quarter of the machine's memory)%n",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            stek.destroy();
            if (!stek.waitFor(10, TimeUnit.SECONDS)) {
                stek.destroyForcibly();
            }
        }
    }

    private static void awaitHealthy(String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (Http.at(p -> base + p).get("/healthz").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Stek did not start within 60 s");
    }

    /** A line of /proc/PID/status in MB (VmRSS: now, VmHWM: peak). */
    private static long rss(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
