package be.stek;

import be.stek.certificate.CertificatePersonalData;
import be.stek.certificate.CertificateRepository;
import be.stek.certificate.CertificateRoutes;
import be.stek.cohort.CohortPersonalData;
import be.stek.cohort.CohortRepository;
import be.stek.cohort.CohortRoutes;
import be.stek.cohort.DashboardRoutes;
import be.stek.cohort.ItemRoutes;
import be.stek.cohort.TeamSessionRepository;
import be.stek.cohort.TeamSessionRoutes;
import be.stek.course.Catalogue;
import be.stek.course.CatalogueRoutes;
import be.stek.course.CourseLoader;
import be.stek.learner.AccountPersonalData;
import be.stek.learner.AccountRoutes;
import be.stek.learner.AdminRoutes;
import be.stek.learner.DataRoutes;
import be.stek.learner.Invitations;
import be.stek.learner.LearnerRepository;
import be.stek.learner.LoginThrottle;
import be.stek.learner.PersonalData;
import be.stek.learner.Sessions;
import be.stek.learner.SetupRoutes;
import be.stek.progress.GroupStandings;
import be.stek.progress.LearningRoutes;
import be.stek.progress.ProgressRepository;
import be.stek.progress.Standings;
import be.stek.quiz.ActivityViews;
import be.stek.quiz.AttemptRepository;
import be.stek.quiz.AttemptRoutes;
import be.stek.quiz.QuizBlocks;
import be.stek.quiz.QuizPersonalData;
import be.stek.quiz.ReflectionRepository;
import be.stek.quiz.ReflectionRoutes;
import be.stek.scorm.PackageStandings;
import be.stek.scorm.Scorm;
import be.stek.scorm.ScormPersonalData;
import be.stek.store.Database;
import be.stek.web.Access;
import be.stek.web.ClientAddress;
import be.stek.web.FrontServlet;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.web.Templates;
import be.stek.web.WebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/** The composition root: builds the store, the features and their routes, and an unstarted server. */
public final class App {
    private final Database db;
    private final Server server;
    private final String setupPath;

    private App(Database db, Server server, String setupPath) {
        this.db = db;
        this.server = server;
        this.setupPath = setupPath;
    }

    public static App build(Config config, Clock clock) throws IOException {
        if (!Files.isDirectory(config.coursesDir())) {
            throw new IllegalStateException("courses folder not found: " + config.coursesDir().toAbsolutePath());
        }
        Files.createDirectories(config.mediaDir());
        Path uploads = Files.createDirectories(config.dataDir().resolve("tmp"));
        Database db = Database.open(config.database());
        Catalogue catalogue = new Catalogue(courseLoader(config), config.devMode());
        CohortRepository cohorts = new CohortRepository(db);
        Scorm scorm = Scorm.open(db, catalogue, config.dataDir(), config.coursesDir(), config.mediaDir(),
                WebServer.MAX_UPLOAD, cohorts::follows);
        Sessions sessions = new Sessions(db, clock);
        SetupRoutes setup = new SetupRoutes(new LearnerRepository(db), sessions, db, clock);
        Router router = routes(config, clock, db, catalogue, cohorts, scorm, sessions, setup);

        FrontServlet front = new FrontServlet(router, new Templates(), sessions, clock, config.secureCookies(),
                new ClientAddress(config.trustedProxies()));
        Server server = WebServer.newServer(config.host(), config.port(), front, config.mediaDir(), uploads,
                router.uploadPaths());
        WebServer.mount(server, "/scorm/content/*",
                WebServer.resources("scorm-content", scorm.contentRoot().toUri().toString()));
        server.addBean(new AbstractLifeCycle() {
            @Override
            protected void doStop() {
                db.close();
            }
        });
        return new App(db, server, setup.announce(config.baseUrl()));
    }

    /** Every feature's routes, wired to the repositories they use. */
    private static Router routes(Config config, Clock clock, Database db, Catalogue catalogue, CohortRepository cohorts,
                                 Scorm scorm, Sessions sessions, SetupRoutes setup) {
        LearnerRepository learners = new LearnerRepository(db);
        AttemptRepository attempts = new AttemptRepository(db);
        ReflectionRepository reflections = new ReflectionRepository(db);
        ProgressRepository progress = new ProgressRepository(db);
        Standings standings = new Standings(progress, attempts);
        TeamSessionRepository teamSessions = new TeamSessionRepository(db);
        PackageStandings packages = scorm.standings();

        Router router = new Router();
        router.get("/healthz", Access.PUBLIC, ctx -> health(db));
        new CatalogueRoutes(catalogue, config.coursesDir(), packages::catalogue).register(router);
        LoginThrottle throttle = new LoginThrottle(clock, db);
        new AccountRoutes(learners, sessions, throttle, new Invitations(db)).register(router);
        new AdminRoutes(learners, sessions).register(router);
        setup.register(router);
        new LearningRoutes(catalogue, progress, attempts, standings, new ActivityViews(attempts, reflections),
                teamSessions::openFor, packages::of).register(router);
        new AttemptRoutes(catalogue, attempts).register(router);
        new ReflectionRoutes(catalogue, reflections).register(router);
        new CohortRoutes(cohorts, catalogue, learners, config.baseUrl()).register(router);
        new DashboardRoutes(cohorts, catalogue, new GroupStandings(db), packages).register(router);
        new ItemRoutes(cohorts, catalogue, attempts).register(router);
        new TeamSessionRoutes(cohorts, teamSessions, catalogue).register(router);
        new CertificateRoutes(catalogue, standings, progress, new CertificateRepository(db), config.baseUrl())
                .register(router);
        new DataRoutes(db, learners, sessions, personalData(db, config), throttle).register(router);
        scorm.register(router);
        return router;
    }

    /** The course loader with every kind of activity block this server understands. */
    public static CourseLoader courseLoader(Config config) {
        return courseLoader(config, new QuizBlocks());
    }

    static CourseLoader courseLoader(Config config, QuizBlocks blocks) {
        return new CourseLoader(config.coursesDir(), config.mediaDir(), List.of(blocks));
    }

    /** Every section of a person's data export, one per feature that stores something about people. */
    public static List<PersonalData> personalData(Database db, Config config) {
        return List.of(new AccountPersonalData(db), new CohortPersonalData(db),
                PersonalData.ofTable(db, "lesson_progress", "lesson_progress", "course, first_seen, lesson"),
                new QuizPersonalData(db), PersonalData.ofTable(db, "reflections", "reflection", "written_at, id"),
                new CertificatePersonalData(new CertificateRepository(db), config.baseUrl()), new ScormPersonalData(db));
    }

    /** 200 when the database reads and writes within two seconds; 503 otherwise (also while writes fail). */
    private static Result health(Database db) {
        if (!db.healthy(Duration.ofSeconds(2))) {
            throw new HttpError(503, "error.databaseDown");
        }
        return Result.json(Map.of("status", "ok"));
    }

    public Server server() {
        return server;
    }

    public Database database() {
        return db;
    }

    /** The one-time path to create the first admin, or null when an admin exists. */
    public String setupPath() {
        return setupPath;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        server.stop();
    }
}
