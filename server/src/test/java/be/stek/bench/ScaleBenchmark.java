package be.stek.bench;

import be.stek.store.DatabaseUrl;
import be.stek.testing.Http;
import be.stek.testing.LargeCohort;
import be.stek.testing.Nginx;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One run of everything the scale-out is judged by (issue 11), on loopback: per setup (SQLite with one node,
 * PostgreSQL with one node, PostgreSQL with two nodes behind nginx) the requests per second and latencies of a static
 * file, a signed-in lesson page, a durable progress write, {@code /me} and a dashboard's first page (a cohort of
 * {@code bench.cohort} learners, default 1,000), as ratios against the static file served the same way, at
 * {@code bench.workers} connections (default 50) with wrk; then the dashboard, item analysis and CSV at 1,000 and
 * 10,000 learners on both stores ({@link DashboardBenchmark}); then the resident memory of a separate Stek process,
 * started as an operator would (no JVM flags), under 500 connections ({@link MemoryBenchmark}). PostgreSQL parts run
 * when STEK_TEST_DATABASE names a server (server/bench/run.sh scale starts a throw-away one). Not a test.
 */
public final class ScaleBenchmark {
    private static final int CONNECTIONS = Integer.getInteger("bench.workers", 50);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 2));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
    private static final int COHORT = Integer.getInteger("bench.cohort", 1000);
    /** Learners whose progress writes are measured (each wrk thread takes turns over its half of them). */
    private static final int VISITORS = 64;
    private static final boolean THROUGHPUT = !"false".equals(System.getProperty("bench.throughput"));

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("wrk -t2 -c%d, %ds after %ds warm-up per request; cohort of %d learners for the dashboard%n",
                CONNECTIONS, MEASURE.toSeconds(), WARMUP.toSeconds(), COHORT);
        System.out.printf("%-36s %-32s %9s %7s %8s %8s %6s%n", "setup", "request", "req/s", "ratio", "p50 ms",
                "p99 ms", "errors");
        if (THROUGHPUT) {
            throughputs();
        }
        if (System.getProperty("bench.learners", "x").isBlank()) {
            return;
        }
        dashboardsAndMemory();
    }

    private static void throughputs() throws Exception {
        throughput("SQLite, one node", 1, true);
        if (TestDatabases.postgresql()) {
            throughput("PostgreSQL, one node", 1, false);
            throughput("PostgreSQL, two nodes behind nginx", 2, false);
        } else {
            System.out.println("(PostgreSQL skipped: set STEK_TEST_DATABASE, or use server/bench/run.sh scale)");
        }
    }

    private static void dashboardsAndMemory() throws Exception {
        System.out.println();
        DashboardBenchmark.header("SQLite");
        for (String size : System.getProperty("bench.learners", "1000,10000").split(",")) {
            DashboardBenchmark.run(Integer.parseInt(size.strip()), sqlite());
        }
        if (TestDatabases.postgresql()) {
            DashboardBenchmark.header("PostgreSQL");
            for (String size : System.getProperty("bench.learners", "1000,10000").split(",")) {
                DashboardBenchmark.run(Integer.parseInt(size.strip()), c -> c);
            }
        }
        System.out.println();
        MemoryBenchmark.main(new String[0]);
    }

    /** A SQLite file in the server's data folder, whatever STEK_TEST_DATABASE says. */
    static UnaryOperator<be.stek.Config> sqlite() {
        return c -> c.withDatabase(DatabaseUrl.sqlite(c.dataDir().resolve("stek.db")));
    }

    private static void throughput(String setup, int nodes, boolean onSqlite) throws Exception {
        Path data = Files.createTempDirectory("stek-bench-scale");
        List<TestServer> servers = new ArrayList<>();
        Nginx nginx = null;
        try {
            for (int i = 0; i < nodes; i++) {
                servers.add(TestServer.start(data, onSqlite ? sqlite() : c -> c));
            }
            TestServer first = servers.get(0);
            UnaryOperator<String> base = first::url;
            if (nodes > 1) {
                Path dir = Files.createTempDirectory("stek-bench-nginx");
                nginx = Nginx.start(dir, servers.stream().map(s -> s.app().port()).toList(),
                        servers.stream().map(s -> s.app().contentPort()).toList());
                base = nginx::url;
            }
            List<String> cookies = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < VISITORS; i++) {
                first.addUser("lerende" + i + "@example.be", "Lerende " + i, Role.LEARNER);
                Http h = Http.at(base).signIn("lerende" + i + "@example.be");
                cookies.add(cookie(h));
                bodies.add("_csrf=" + h.csrf());
            }
            long trainer = first.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            long cohort = LargeCohort.fill(first, trainer, COHORT);
            String learner = cookies.get(0);
            String facilitator = cookie(Http.at(base).signIn("trainer@example.be"));
            List<Benchmark.Figures> figures = List.of(
                    wrk("static file", base.apply("/static/stek.css"), null, null),
                    wrk("lesson page, signed in", base.apply("/courses/proef/lessons/eerste-les"), learner, null),
                    Wrk.runAs("progress write (POST, durable)", base.apply("/courses/proef/lessons/tweede-les/done"),
                            cookies, bodies, CONNECTIONS, WARMUP, MEASURE),
                    wrk("/me", base.apply("/me"), learner, null),
                    wrk("dashboard, first page (" + COHORT + ")", base.apply("/cohorts/" + cohort + "/dashboard"),
                            facilitator, null));
            double ceiling = figures.get(0).perSecond();
            for (Benchmark.Figures f : figures) {
                System.out.printf("%-36s %-32s %9.0f %6.2fx %8.2f %8.2f %6d%n", setup, f.name(), f.perSecond(),
                        f.perSecond() / ceiling, f.p50(), f.p99(), f.errors());
            }
        } finally {
            if (nginx != null) {
                nginx.close();
            }
            for (TestServer s : servers) {
                s.close();
            }
        }
    }

    private static String cookie(Http h) {
        return "stek_session=" + h.cookie("stek_session") + "; stek_csrf=" + h.cookie("stek_csrf");
    }

    private static Benchmark.Figures wrk(String name, String url, String cookie, String body) throws Exception {
        return Wrk.run(name, url, cookie, body, CONNECTIONS, WARMUP, MEASURE);
    }
}
