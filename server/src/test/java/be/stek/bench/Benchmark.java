package be.stek.bench;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Measures Stek on loopback: requests per second and latency of a static file, a signed-in lesson page and a
 * durable progress write, all served by the same server in the same run. Reports ratios against the static file,
 * so that the figures compare across machines. Bounded in time: a few seconds of warm-up and measurement each.
 * The load comes from {@code wrk} when it is installed (it costs the server's cores least); otherwise from Java's
 * HTTP client, whose own cost caps every figure and so flatters the ratios.
 * Run with {@code server/bench/run.sh}; it is not a test.
 */
public final class Benchmark {
    private static final int WORKERS = Integer.getInteger("bench.workers", 32);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 2));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
    /** Scenarios run in interleaved rounds; the median ratio of the rounds is reported (two shared cores are noisy). */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    record Figures(String name, double perSecond, double p50, double p99, long errors) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("stek-bench");
        try (TestServer server = TestServer.start(data)) {
            List<String> cookies = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                server.addUser("bench" + i + "@example.be", "Bench " + i, Role.LEARNER);
                Http h = new Http(server).signIn("bench" + i + "@example.be");
                cookies.add("stek_session=" + h.cookie("stek_session") + "; stek_csrf=" + h.cookie("stek_csrf")
                        + "|" + h.cookie("stek_csrf"));
            }
            if (Wrk.available() && !"java".equals(System.getProperty("bench.tool"))) {
                String cookie = cookies.get(0).split("\\|")[0];
                String csrf = cookies.get(0).split("\\|")[1];
                List<List<Benchmark.Figures>> rounds = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    rounds.add(List.of(
                            Wrk.run("static file (/static/stek.css)", server.url("/static/stek.css"), null, null, WORKERS, WARMUP, MEASURE),
                            Wrk.run("lesson page, signed in", server.url("/courses/proef/lessons/eerste-les"), cookie, null, WORKERS, WARMUP, MEASURE),
                            Wrk.run("progress write (POST, durable)", server.url("/courses/proef/lessons/tweede-les/done"), cookie,
                                    "_csrf=" + csrf, WORKERS, WARMUP, MEASURE)));
                }
                long rows = server.count("SELECT count(*) FROM lesson_progress WHERE lesson = 'tweede-les' AND state = 'done'");
                reportRounds(rounds, rows);
                return;
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            IntFunction<HttpRequest> staticFile = w -> HttpRequest.newBuilder(URI.create(server.url("/static/stek.css"))).build();
            IntFunction<HttpRequest> lesson = w -> HttpRequest.newBuilder(URI.create(server.url("/courses/proef/lessons/eerste-les")))
                    .header("Cookie", cookies.get(w).split("\\|")[0]).build();
            IntFunction<HttpRequest> progress = w -> HttpRequest.newBuilder(URI.create(server.url("/courses/proef/lessons/tweede-les/done")))
                    .header("Cookie", cookies.get(w).split("\\|")[0])
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + cookies.get(w).split("\\|")[1])).build();

            Figures base = run("static file (/static/stek.css)", client, staticFile, 200);
            Figures page = run("lesson page, signed in", client, lesson, 200);
            Figures write = run("progress write (POST, durable)", client, progress, 303);
            long rows = server.count("SELECT count(*) FROM lesson_progress WHERE lesson = 'tweede-les' AND state = 'done'");
            report("Java HttpClient", List.of(base, page, write), base, rows);
        }
    }

    static Figures run(String name, HttpClient client, IntFunction<HttpRequest> request, int expected) throws Exception {
        load(client, request, expected, WARMUP, new ArrayList<>());
        List<long[]> perWorker = new ArrayList<>();
        long[] errors = load(client, request, expected, MEASURE, perWorker);
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).filter(x -> x > 0).sorted().toArray();
        return new Figures(name, all.length / (MEASURE.toMillis() / 1000.0), percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6, errors[0]);
    }

    /** Runs WORKERS threads sending requests back to back for a while; returns the error count. */
    private static long[] load(HttpClient client, IntFunction<HttpRequest> request, int expected, Duration duration,
                               List<long[]> latencies) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(WORKERS);
        long[] errors = {0};
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            long[] mine = new long[2_000_000];
            synchronized (latencies) {
                latencies.add(mine);
            }
            Thread t = new Thread(() -> {
                int n = 0;
                while (!stop.get() && n < mine.length) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> r = client.send(request.apply(worker), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != expected) {
                            synchronized (errors) {
                                errors[0]++;
                            }
                        }
                    } catch (Exception e) {
                        synchronized (errors) {
                            errors[0]++;
                        }
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                done.countDown();
            });
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        done.await();
        return errors;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
    }

    /** Each round's figures and ratios, then per scenario the median requests per second and median ratio. */
    static void reportRounds(List<List<Figures>> rounds, long rows) {
        for (int r = 0; r < rounds.size(); r++) {
            report("wrk, round " + (r + 1), rounds.get(r), rounds.get(r).get(0), rows);
        }
        System.out.printf("%nMedian of %d rounds%n%-34s %10s %8s%n", rounds.size(), "request", "req/s", "ratio");
        for (int i = 0; i < rounds.get(0).size(); i++) {
            int col = i;
            double[] rates = rounds.stream().mapToDouble(r -> r.get(col).perSecond()).sorted().toArray();
            double[] ratios = rounds.stream().mapToDouble(r -> r.get(col).perSecond() / r.get(0).perSecond()).sorted().toArray();
            System.out.printf("%-34s %10.0f %7.2fx%n", rounds.get(0).get(col).name(), rates[rates.length / 2],
                    ratios[ratios.length / 2]);
        }
    }

    static void report(String tool, List<Figures> figures, Figures base, long rows) {
        System.out.printf("%nStek benchmark (%s): %d connections, %ds per scenario after %ds warm-up, loopback, same server%n",
                tool, WORKERS, MEASURE.toSeconds(), WARMUP.toSeconds());
        System.out.printf("%-34s %10s %8s %9s %9s %7s%n", "request", "req/s", "ratio", "p50 ms", "p99 ms", "errors");
        for (Figures f : figures) {
            System.out.printf("%-34s %10.0f %7.2fx %9.2f %9.2f %7d%n", f.name(), f.perSecond(),
                    f.perSecond() / base.perSecond(), f.p50(), f.p99(), f.errors());
        }
        System.out.printf("learners whose progress write is on disk: %d%n", rows);
    }
}
