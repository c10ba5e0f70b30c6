package be.stek;

import be.stek.certificate.CertificatePersonalData;
import be.stek.certificate.CertificateRepository;
import be.stek.certificate.CertificateRoutes;
import be.stek.cohort.CohortPersonalData;
import be.stek.cohort.CohortRepository;
import be.stek.cohort.CohortReviewRoutes;
import be.stek.cohort.CohortRoutes;
import be.stek.cohort.CohortCache;
import be.stek.cohort.DashboardRoutes;
import be.stek.cohort.InviteRoutes;
import be.stek.cohort.ItemRoutes;
import be.stek.cohort.MemberSessionRoutes;
import be.stek.cohort.LearnerRoutes;
import be.stek.cohort.PackageAssignments;
import be.stek.cohort.TeamSessionRepository;
import be.stek.cohort.TeamSessionRoutes;
import be.stek.course.Catalogue;
import be.stek.course.CatalogueRoutes;
import be.stek.course.CourseLoader;
import be.stek.handout.Handouts;
import be.stek.learner.AccountPersonalData;
import be.stek.learner.AccountRoutes;
import be.stek.learner.AdminRoutes;
import be.stek.learner.DataRoutes;
import be.stek.learner.Invitations;
import be.stek.learner.LearnerRepository;
import be.stek.learner.LoginThrottle;
import be.stek.learner.PersonalData;
import be.stek.learner.ResetRoutes;
import be.stek.mail.Mailer;
import be.stek.notify.MailPersonalData;
import be.stek.notify.MailPreferences;
import be.stek.notify.PreferenceRoutes;
import be.stek.notify.Reminders;
import be.stek.notify.SessionNews;
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
import be.stek.review.ReviewPersonalData;
import be.stek.review.ReviewReport;
import be.stek.review.Reviews;
import be.stek.learner.Learner;
import be.stek.scorm.ContentSite;
import be.stek.scorm.PackageStandings;
import be.stek.scorm.Scorm;
import be.stek.scorm.ScormPersonalData;
import be.stek.store.Database;
import be.stek.web.Access;
import be.stek.web.ClientAddress;
import be.stek.web.FrontServlet;
import be.stek.web.Organisation;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds the store, the features and their routes, and an unstarted server. */
public final class App {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    private final Database db;
    private final Server server;
    private final String setupPath;
    private final Reminders reminders;

    private App(Database db, Server server, String setupPath, Reminders reminders) {
        this.db = db;
        this.server = server;
        this.setupPath = setupPath;
        this.reminders = reminders;
    }

    public static App build(Config config, Clock clock) throws IOException {
        if (!Files.isDirectory(config.coursesDir())) {
            throw new IllegalStateException("courses folder not found: " + config.coursesDir().toAbsolutePath());
        }
        Files.createDirectories(config.mediaDir());
        if (config.orgLogo() != null && !Files.isRegularFile(config.orgLogo())) {
            throw new IllegalStateException("organisation logo not found: " + config.orgLogo().toAbsolutePath());
        }
        Path uploads = Files.createDirectories(config.dataDir().resolve("tmp"));
        Database db = Database.open(config.database());
        Catalogue catalogue = new Catalogue(courseLoader(config), config.devMode());
        CohortRepository cohorts = new CohortRepository(db);
        LearnerRepository learners = new LearnerRepository(db);
        ContentSite site = new ContentSite(config.content().baseUrl(), config.baseUrl(), config.content().csp());
        Scorm scorm = Scorm.open(db, catalogue, config.dataDir(), config.coursesDir(), config.mediaDir(),
                WebServer.MAX_UPLOAD, cohorts::follows, id -> learners.byId(id).map(Learner::name).orElse(""), site);
        Sessions sessions = new Sessions(db, clock);
        SetupRoutes setup = new SetupRoutes(new LearnerRepository(db), sessions, db, clock);
        Mailer mailer = Mailer.create(config.mail().smtp(), config.dataDir().resolve("outbox"), config.orgName(),
                config.baseUrl(), clock);
        Templates templates = new Templates();
        Router router = routes(config, clock, db, catalogue, cohorts, scorm, sessions, setup, mailer, templates);
        Reminders reminders = new Reminders(db, catalogue,
                new Standings(new ProgressRepository(db), new AttemptRepository(db)), mailer, clock,
                config.mail().reminderDays(), config.baseUrl());

        ClientAddress clients = new ClientAddress(config.trustedProxies());
        FrontServlet front = new FrontServlet(router, templates, sessions, clock, config.secureCookies(), clients,
                new Organisation(config.orgName(), config.orgLogo() != null));
        Server server = WebServer.newServer(config.host(), config.port(), front, config.mediaDir(), uploads,
                router.uploadPaths());
        Router contentRouter = new Router();
        scorm.registerContent(contentRouter);
        ServerConnector content = WebServer.addContentOrigin(server, config.host(), config.content().port(),
                FrontServlet.withoutSessions(contentRouter, templates, clock, clients));
        site.bind(content::getLocalPort);
        server.addBean(new AbstractLifeCycle() {
            @Override
            protected void doStop() {
                db.close();
            }
        });
        // Added after the database, so stopped before it: the sweep and the mail thread end while it is still open.
        server.addBean(new AbstractLifeCycle() {
            @Override
            protected void doStart() {
                reminders.start();
            }

            @Override
            protected void doStop() {
                reminders.close();
                mailer.close();
            }
        });
        log.info("Mail goes to the {}", mailer.describe());
        return new App(db, server, setup.announce(config.baseUrl()), reminders);
    }

    /** Every feature's routes, wired to the repositories they use. */
    private static Router routes(Config config, Clock clock, Database db, Catalogue catalogue, CohortRepository cohorts,
                                 Scorm scorm, Sessions sessions, SetupRoutes setup, Mailer mailer,
                                 Templates templates) {
        LearnerRepository learners = new LearnerRepository(db);
        AttemptRepository attempts = new AttemptRepository(db);
        ReflectionRepository reflections = new ReflectionRepository(db);
        ProgressRepository progress = new ProgressRepository(db);
        Standings standings = new Standings(progress, attempts);
        TeamSessionRepository teamSessions = new TeamSessionRepository(db);
        PackageStandings packages = scorm.standings();

        Router router = new Router();
        router.get("/healthz", Access.PUBLIC, ctx -> health(db));
        if (config.orgLogo() != null) {
            Path logo = config.orgLogo().toAbsolutePath();
            String type = logo.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg") ? "image/svg+xml"
                    : logo.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
            router.get(Organisation.LOGO_PATH, Access.PUBLIC, ctx -> new Result.File(logo.getParent(), logo, type));
        }
        new CatalogueRoutes(catalogue, config.coursesDir(), packages::catalogue).register(router);
        LoginThrottle throttle = new LoginThrottle(clock, db);
        MailPreferences mailPreferences = new MailPreferences(db);
        new AccountRoutes(learners, sessions, throttle, new Invitations(db), mailPreferences::of).register(router);
        new ResetRoutes(db, sessions, throttle, mailer, config.baseUrl()).register(router);
        new PreferenceRoutes(mailPreferences).register(router);
        new AdminRoutes(learners, sessions).register(router);
        setup.register(router);
        Reviews reviews = new Reviews(db, catalogue, clock);
        PackageAssignments packageCards = new PackageAssignments(cohorts, packages);
        LearningRoutes learning = new LearningRoutes(catalogue, progress, attempts, standings,
                new ActivityViews(attempts, reflections), teamSessions::openFor,
                me -> packageCards.of(me, clock.instant()), cohorts::assignedTo,
                me -> reviews.summary(me, clock.instant()));
        learning.register(router);
        new AttemptRoutes(catalogue, attempts, reviews).register(router);
        reviews.register(router);
        new ReflectionRoutes(catalogue, reflections, learning::lessonPage).register(router);
        new CohortRoutes(cohorts, catalogue, learners, packages, config.baseUrl()).register(router);
        CohortCache cohortCache = new CohortCache(db, cohorts, new GroupStandings(db), attempts);
        new DashboardRoutes(cohorts, catalogue, cohortCache, packages, templates).register(router);
        new ItemRoutes(cohorts, catalogue, cohortCache).register(router);
        new LearnerRoutes(cohorts, catalogue, standings, packages, db).register(router);
        new CohortReviewRoutes(cohorts, catalogue, new ReviewReport(db)).register(router);
        new InviteRoutes(cohorts, mailer, config.baseUrl()).register(router);
        new TeamSessionRoutes(cohorts, teamSessions, catalogue, config.baseUrl(),
                new SessionNews(db, mailer, config.baseUrl())).register(router);
        new MemberSessionRoutes(cohorts, teamSessions, catalogue, db, clock).register(router);
        new CertificateRoutes(catalogue, standings, progress, new CertificateRepository(db), config.baseUrl(),
                config.orgName())
                .register(router);
        new Handouts(catalogue, config.mediaDir()).register(router);
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
                new CertificatePersonalData(new CertificateRepository(db), config.baseUrl()), new ScormPersonalData(db),
                new ReviewPersonalData(db), new MailPersonalData(db));
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

    /** The reminder sweep (tests run it by hand). */
    public Reminders reminders() {
        return reminders;
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

    /** The port of the package content origin actually bound. */
    public int contentPort() {
        return ((ServerConnector) server.getConnectors()[1]).getLocalPort();
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        server.stop();
    }
}
