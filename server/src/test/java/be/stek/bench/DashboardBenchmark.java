package be.stek.bench;

import be.stek.cohort.CohortRepository;
import be.stek.progress.ProgressRepository;
import be.stek.testing.Http;
import be.stek.testing.LargeCohort;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures the pages that grow with a cohort: the facilitator dashboard's first page, the item analysis and the CSV,
 * at 1,000 and 10,000 learners (-Dbench.learners=1000,10000), on SQLite or, with STEK_TEST_DATABASE, PostgreSQL.
 * The learners are made by {@link LargeCohort}. Reports the median and slowest of 15 sequential requests after 5
 * warm-up requests, in milliseconds and as a ratio to the static file measured the same way. Not a test: run it
 * with {@code server/bench/run.sh dashboard}.
 */
public final class DashboardBenchmark {
    private static final int WARMUP = 5;
    private static final int MEASURED = 15;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        header(TestDatabases.postgresql() ? "PostgreSQL" : "SQLite");
        for (String size : System.getProperty("bench.learners", "1000,10000").split(",")) {
            run(Integer.parseInt(size.strip()), c -> c);
        }
    }

    static void header(String store) {
        System.out.printf("%-12s %-28s %9s %9s %9s%n", "learners", "request (" + store + ")", "median ms", "max ms",
                "× static");
    }

    /** Fills a cohort of {@code learners} on the store {@code store} chooses and times its pages. */
    static void run(int learners, java.util.function.UnaryOperator<be.stek.Config> store) throws Exception {
        Path data = Files.createTempDirectory("stek-bench-dashboard");
        try (TestServer server = TestServer.start(data, store)) {
            long trainer = server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            long t0 = System.nanoTime();
            long cohort = LargeCohort.fill(server, trainer, learners);
            System.out.printf("%-12d %-28s %9.0f%n", learners, "(filled in ms)", (System.nanoTime() - t0) / 1e6);
            Http http = new Http(server).signIn("trainer@example.be");
            double staticMs = measure(http, "/static/stek.css", () -> { })[0];
            String[][] pages = {{"dashboard, first page", "/cohorts/" + cohort + "/dashboard"},
                    {"dashboard, name search", "/cohorts/" + cohort + "/dashboard?q=deelnemer%20123"},
                    {"item analysis", "/cohorts/" + cohort + "/items?course=proef"},
                    {"CSV of every learner", "/cohorts/" + cohort + "/dashboard.csv"}};
            System.out.printf("%-12d %-28s %9.2f %9.2f %9s%n", learners, "static file", staticMs, staticMs, "1.0");
            for (String[] page : pages) {
                double[] ms = measure(http, page[1], () -> { });
                System.out.printf("%-12d %-28s %9.2f %9.2f %9.1f%n", learners, page[0], ms[0], ms[1], ms[0] / staticMs);
            }
            // The same two pages while the class works: before each view, 20 learners finish a lesson (through the
            // repository, as the lesson page does), so the cache must read those 20 again.
            List<Long> ids = new CohortRepository(server.db()).members(cohort).stream()
                    .filter(m -> m.role().equals("learner")).map(CohortRepository.Member::id).toList();
            ProgressRepository progress = new ProgressRepository(server.db());
            Random random = new Random(learners);
            Runnable work = () -> {
                for (int i = 0; i < 20; i++) {
                    progress.markDone(ids.get(random.nextInt(ids.size())), "proef", "derde-les", Instant.now());
                }
            };
            String[][] working = {{"dashboard, 20 worked before", pages[0][1]}, {"item analysis, 20 worked", pages[2][1]}};
            for (String[] page : working) {
                double[] ms = measure(http, page[1], work);
                System.out.printf("%-12d %-28s %9.2f %9.2f %9.1f%n", learners, page[0], ms[0], ms[1], ms[0] / staticMs);
            }
        }
    }

    /**
     * Median and maximum milliseconds of {@value #MEASURED} sequential requests, after {@value #WARMUP}; {@code before}
     * runs before each request, outside the time measured.
     */
    private static double[] measure(Http http, String path, Runnable before) {
        double[] ms = new double[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            before.run();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.get(path);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode());
            }
            if (i >= WARMUP) {
                ms[i - WARMUP] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new double[] {ms[MEASURED / 2], ms[MEASURED - 1]};
    }
}
