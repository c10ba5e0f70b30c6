package be.stek.scale;

import be.stek.App;
import be.stek.Config;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.course.Lesson;
import be.stek.quiz.Reflection;
import be.stek.quiz.Vignette;
import be.stek.learner.Passwords;
import be.stek.scorm.ScormClient;
import be.stek.store.Database;
import be.stek.store.DatabaseUrl;
import be.stek.store.Sql;
import be.stek.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learner journeys of {@code deploy/scale-test.sh}: learners sign up with an invitation code, sign in, read and
 * finish lessons, answer a vignette question, write a reflection and commit SCORM run-time data (a package an admin
 * imported through nginx at the start; the player and its commits go through nginx's SCORM content origin), all
 * through nginx in front of two Stek nodes (so
 * consecutive requests land on alternating nodes). When half of all steps are done, one node is killed with
 * {@code kill -9}. A request that fails because its node died is sent again, as a learner would (Stek stores a
 * resent form once). At the end every write that Stek acknowledged is looked up in the database.
 * Arguments: NGINX_URL DATABASE_URL PID_TO_KILL LEARNERS. Exits 1 on any failure.
 */
public final class ScaleJourneys {
    private static final Pattern QUESTION = Pattern.compile("action=\"(/courses/[^\"]+/attempts/(\\d+)/questions/([a-z0-9-]+))\"");
    private static final String PASSWORD = "een lang wachtwoord voor de schaaltest";

    private final String nginx;
    private final Course course;
    private final Vignette vignette;
    private final Reflection reflection;
    private final List<Lesson> lessons;
    private final long victim;
    private final int totalSteps;
    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicInteger resent = new AtomicInteger();
    private final Set<String> nodesBefore = ConcurrentHashMap.newKeySet();
    private final Set<String> nodesAfter = ConcurrentHashMap.newKeySet();

    /** What one learner got acknowledged. */
    record Acknowledged(String email, List<String> lessonsDone, long attempt, String question, String reflection,
                        String scormLocation) {
    }

    private String slug;

    private ScaleJourneys(String nginx, Course course, long victim, int learners) {
        this.nginx = nginx;
        this.course = course;
        this.vignette = course.activities().values().stream().filter(a -> a instanceof Vignette v && !v.questions()
                .isEmpty()).map(Vignette.class::cast).findFirst().orElseThrow();
        this.reflection = course.activities().values().stream().filter(a -> a instanceof Reflection)
                .map(Reflection.class::cast).findFirst().orElseThrow();
        this.lessons = course.lessons().subList(0, Math.min(4, course.lessons().size()));
        this.victim = victim;
        this.totalSteps = learners * (4 + 2 * lessons.size() + 4);
    }

    public static void main(String[] args) throws Exception {
        String nginx = args[0];
        DatabaseUrl url = DatabaseUrl.parse(args[1], System.getenv("STEK_DATABASE_PASSWORD"));
        long victim = Long.parseLong(args[2]);
        int learners = Integer.parseInt(args[3]);
        Config config = new Config("127.0.0.1", 0, Path.of("target"), Path.of("courses"), Path.of("media"),
                "http://localhost", false);
        Course course = new Catalogue(App.courseLoader(config), false).courses().stream()
                .filter(c -> c.activities().values().stream().anyMatch(a -> a instanceof Vignette)
                        && c.activities().values().stream().anyMatch(a -> a instanceof Reflection))
                .findFirst().orElseThrow(() -> new IllegalStateException("no course with a vignette and a reflection"));
        try (Database db = Database.open(url)) {
            String code = "SCHAAL" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
            db.write(c -> {
                long cohort = Sql.insert(c, "INSERT INTO cohort (name, created_at) VALUES (?, ?)", "Schaaltest",
                        Instant.now());
                return Sql.update(c, "INSERT INTO invitation (code, cohort_id, created_at) VALUES (?, ?, ?)", code,
                        cohort, Instant.now());
            });
            ScaleJourneys run = new ScaleJourneys(nginx, course, victim, learners);
            db.write(c -> Sql.update(c, """
                    INSERT INTO learner (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'admin', ?)""",
                    "beheer@example.org", "Beheer", Passwords.hash(be.stek.testing.TestServer.PASSWORD), Instant.now()));
            run.slug = ScormClient.importPackage(Http.at(path -> nginx + path).signIn("beheer@example.org"),
                    path -> nginx + path, "resume-2004");
            List<Acknowledged> done = run.journeys(code, learners);
            List<String> problems = run.check(db, done, learners);
            System.out.printf("%d journeys finished in course %s; %d steps; node %d killed: %s; requests sent again"
                    + " after a node died: %d; nodes that answered before the kill %s, after %s%n", done.size(), course.slug(),
                    run.steps.get(), victim, run.killed.get(), run.resent.get(), run.nodesBefore, run.nodesAfter);
            if (!problems.isEmpty()) {
                problems.forEach(p -> System.out.println("FAIL " + p));
                System.exit(1);
            }
            System.out.println("OK: every acknowledged write is in the database");
        }
    }

    private List<Acknowledged> journeys(String code, int learners) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(learners);
        List<Future<Acknowledged>> futures = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            int n = i;
            futures.add(pool.submit(() -> journey(code, n)));
        }
        List<Acknowledged> out = new ArrayList<>();
        for (Future<Acknowledged> f : futures) {
            out.add(f.get(100, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return out;
    }

    private Acknowledged journey(String code, int n) {
        Http http = Http.at(path -> nginx + path);
        String email = "schaal" + n + "." + System.nanoTime() % 100_000 + "@example.org";
        send(http, "/signup", Map.of("code", code, "name", "Leerling " + n, "email", email, "password", PASSWORD,
                "password2", PASSWORD), 303);
        send(http, "/login", Map.of("email", email, "password", PASSWORD), 303);
        List<String> done = new ArrayList<>();
        for (Lesson lesson : lessons) {
            String path = "/courses/" + course.slug() + "/lessons/" + lesson.slug();
            send(http, path, null, 200);
            send(http, path + "/done", Map.of(), 303);
            done.add(lesson.slug());
        }
        HttpResponse<String> started = send(http, "/courses/" + course.slug() + "/activities/" + vignette.id()
                + "/start", Map.of(), 303);
        String attemptPage = started.headers().firstValue("Location").orElseThrow();
        Matcher m = QUESTION.matcher(send(http, attemptPage, null, 200).body());
        if (!m.find()) {
            throw new IllegalStateException("no question on " + attemptPage);
        }
        String question = m.group(3);
        String option = vignette.question(question).orElseThrow().options().get(0).id();
        send(http, m.group(1), Map.of("option", option), 303);
        String body = "Schaaltest: leerling " + n + " schrijft dit om " + Instant.now();
        send(http, "/courses/" + course.slug() + "/reflections/" + reflection.id(),
                Map.of("body", body, "nonce", "n" + n + "-" + System.nanoTime()), 303);
        send(http, "/me", null, 200);
        return new Acknowledged(email, done, Long.parseLong(m.group(2)), question, body, scorm(http, n));
    }

    /**
     * Opens the SCORM player (through nginx) and commits to the content origin its launcher names (nginx's, as
     * deploy/scale-test.sh starts the nodes with --content-base-url).
     * When that node is dead, the learner opens the player again, as they would after an error.
     */
    private String scorm(Http http, int n) {
        String location = "schaal-" + n;
        for (int attempt = 1; attempt <= 20; attempt++) {
            try {
                if (ScormClient.commit(http, ScormClient.launch(http, slug, "sco"), 1, location)) {
                    steps.incrementAndGet();
                    return location;
                }
            } catch (IllegalStateException nodeDied) {
                resent.incrementAndGet();
            }
            pause(100L * attempt);
        }
        throw new IllegalStateException("no SCORM commit was acknowledged for learner " + n);
    }

    /**
     * Sends a request until the expected status comes back; a 502/503/504 or a lost connection (the node died) is
     * sent again, up to 20 times. Half-way through all steps, the victim node is killed.
     */
    private HttpResponse<String> send(Http http, String path, Map<String, String> form, int expected) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = null;
            try {
                r = form == null ? http.get(path) : http.post(path, form);
            } catch (IllegalStateException lost) {
                if (attempt >= 20) {
                    throw lost;
                }
            }
            if (r != null && r.statusCode() == expected) {
                // nginx names every node it tried ("a, b" when a did not answer); the last one answered.
                String tried = r.headers().firstValue("X-Stek-Node").orElse("?");
                (killed.get() ? nodesAfter : nodesBefore).add(tried.substring(tried.lastIndexOf(',') + 1).strip());
                if (steps.incrementAndGet() >= totalSteps / 2 && killed.compareAndSet(false, true)) {
                    kill();
                }
                return r;
            }
            if (r != null && (r.statusCode() < 502 || r.statusCode() > 504) || attempt >= 20) {
                throw new IllegalStateException((form == null ? "GET " : "POST ") + path + " answered "
                        + (r == null ? "nothing" : r.statusCode() + ": " + r.body().substring(0,
                        Math.min(300, r.body().length()))));
            }
            resent.incrementAndGet();
            pause(100L * attempt);
        }
    }

    private void kill() {
        try {
            Process p = new ProcessBuilder("kill", "-9", Long.toString(victim)).inheritIO().start();
            p.waitFor(5, TimeUnit.SECONDS);
            System.out.println("killed node " + victim + " with kill -9 after " + steps.get() + " steps");
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + victim, e);
        }
    }

    private List<String> check(Database db, List<Acknowledged> done, int learners) {
        List<String> problems = new ArrayList<>();
        if (done.size() != learners) {
            problems.add(done.size() + " of " + learners + " journeys finished");
        }
        if (!killed.get()) {
            problems.add("no node was killed");
        }
        if (nodesBefore.size() < 2) {
            problems.add("before the kill, requests reached only " + nodesBefore);
        }
        for (Acknowledged a : done) {
            db.read(c -> {
                long learner = Sql.one(c, "SELECT id FROM learner WHERE email = ?", rs -> rs.getLong(1), a.email())
                        .orElse(-1L);
                if (learner < 0) {
                    problems.add(a.email() + ": account missing");
                    return null;
                }
                for (String lesson : a.lessonsDone()) {
                    if (Sql.one(c, "SELECT state FROM lesson_progress WHERE learner_id = ? AND course = ? AND lesson = ?",
                            rs -> rs.getString(1), learner, course.slug(), lesson).filter("done"::equals).isEmpty()) {
                        problems.add(a.email() + ": lesson " + lesson + " not done");
                    }
                }
                if (Sql.one(c, """
                        SELECT count(*) FROM answer a JOIN quiz_attempt t ON t.id = a.attempt_id
                        WHERE t.id = ? AND t.learner_id = ? AND a.question = ?""", rs -> rs.getLong(1), a.attempt(),
                        learner, a.question()).orElse(0L) != 1) {
                    problems.add(a.email() + ": answer to " + a.question() + " missing or stored twice");
                }
                if (Sql.one(c, "SELECT count(*) FROM reflection WHERE learner_id = ? AND body = ?", rs -> rs.getLong(1),
                        learner, a.reflection()).orElse(0L) != 1) {
                    problems.add(a.email() + ": reflection missing or stored twice");
                }
                if (Sql.one(c, "SELECT count(*) FROM scorm_attempt WHERE learner_id = ? AND location = ?",
                        rs -> rs.getLong(1), learner, a.scormLocation()).orElse(0L) < 1) {
                    problems.add(a.email() + ": SCORM commit (location " + a.scormLocation() + ") missing");
                }
                return null;
            });
        }
        return problems;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
