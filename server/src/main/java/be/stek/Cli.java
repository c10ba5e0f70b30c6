package be.stek;

import be.stek.course.Catalogue;
import be.stek.course.Problems;
import be.stek.handout.Handouts;
import be.stek.quiz.ItemForm;
import be.stek.quiz.QuizBlocks;
import be.stek.learner.LearnerRepository;
import be.stek.learner.Passwords;
import be.stek.mail.SmtpSettings;
import be.stek.store.Database;
import be.stek.store.DatabaseUrl;
import be.stek.web.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command-line face of the jar: serve (default), check, user add, backup, handout, demo-data, copy-data. */
@Command(name = "stek", mixinStandardHelpOptions = true, version = "Stek 1.0",
        description = "Stek: e-learning modules on infant mental health.",
        subcommands = {Cli.Serve.class, Cli.Check.class, Cli.User.class, Cli.Backup.class, Cli.Handout.class,
                DemoDataCommand.class, CopyDataCommand.class})
final class Cli implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Mixin
    Options options = new Options();

    @Override
    public Integer call() throws Exception {
        return serve(options.toConfig());
    }

    static int serve(Config config) throws Exception {
        log.info("Stek starting with {}", config);
        App app = App.build(config, Clock.systemUTC());
        app.start();
        log.info("Stek is listening on {} (port {}); SCORM package content on port {}", config.baseUrl(), app.port(),
                app.contentPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.stop();
            } catch (Exception e) {
                log.warn("stopping: {}", e.getMessage());
            }
        }));
        app.server().join();
        return 0;
    }

    /** Settings shared by every command; each flag defaults to an environment variable, then to a default. */
    static final class Options {
        @Option(names = "--host", defaultValue = "${env:STEK_HOST:-0.0.0.0}", description = "address to listen on (STEK_HOST)")
        String host;
        @Option(names = "--port", defaultValue = "${env:STEK_PORT:-8080}", description = "port (STEK_PORT)")
        int port;
        @Option(names = "--data", defaultValue = "${env:STEK_DATA:-data}", description = "data folder with the SQLite database (STEK_DATA)")
        Path data;
        @Option(names = "--courses", defaultValue = "${env:STEK_COURSES:-courses}", description = "courses folder (STEK_COURSES)")
        Path courses;
        @Option(names = "--media", defaultValue = "${env:STEK_MEDIA:-media}", description = "media folder (STEK_MEDIA)")
        Path media;
        @Option(names = "--base-url", defaultValue = "${env:STEK_BASE_URL:-}", description = "public base URL, e.g. https://stek.example.be (STEK_BASE_URL)")
        String baseUrl;
        @Option(names = "--dev", defaultValue = "${env:STEK_DEV:-false}", description = "re-render a course file when it changes (STEK_DEV)")
        boolean dev;
        @Option(names = "--trusted-proxy", split = ",", defaultValue = "${env:STEK_TRUSTED_PROXIES:-}",
                description = "reverse proxies (addresses or CIDR ranges, comma-separated) whose Forwarded/X-Forwarded-For"
                        + " headers name the real client (STEK_TRUSTED_PROXIES)")
        List<String> trustedProxies = new ArrayList<>();
        @Option(names = "--org-name", defaultValue = "${env:STEK_ORG_NAME:-}",
                description = "your organisation's name, shown in the header and on certificates (STEK_ORG_NAME)")
        String orgName;
        @Option(names = "--org-logo", defaultValue = "${env:STEK_ORG_LOGO:-}",
                description = "an SVG or PNG logo of your organisation, shown in the header (STEK_ORG_LOGO)")
        String orgLogo;
        @Option(names = "--content-port", defaultValue = "${env:STEK_CONTENT_PORT:-}",
                description = "port for SCORM package content, its own origin (STEK_CONTENT_PORT; default: port + 1)")
        String contentPort;
        @Option(names = "--content-base-url", defaultValue = "${env:STEK_CONTENT_BASE_URL:-}",
                description = "public base URL of the package content origin, e.g. https://inhoud.stek.example.be"
                        + " (STEK_CONTENT_BASE_URL; default: the host name Stek is reached at, on the content port)")
        String contentBaseUrl;
        @Option(names = "--package-csp", defaultValue = "${env:STEK_PACKAGE_CSP:-}",
                description = "Content-Security-Policy for package content (STEK_PACKAGE_CSP; default: "
                        + Config.Content.DEFAULT_CSP + ")")
        String packageCsp;
        @Option(names = "--database", defaultValue = "${env:STEK_DATABASE:-}", description = "sqlite:FILE (default"
                + " sqlite:<data>/stek.db) or postgresql://USER@HOST:PORT/DATABASE (STEK_DATABASE)")
        String database;
        @Option(names = "--database-password-file", defaultValue = "${env:STEK_DATABASE_PASSWORD_FILE:-}",
                description = "file holding the PostgreSQL password (STEK_DATABASE_PASSWORD_FILE); or set"
                        + " STEK_DATABASE_PASSWORD")
        Path passwordFile;
        @Option(names = "--smtp", defaultValue = "${env:STEK_SMTP:-}", description = "SMTP server for mail:"
                + " smtp://[USER@]HOST[:PORT]?tls=none|starttls|tls&from=ADDRESS (STEK_SMTP; default: mail is written"
                + " to <data>/outbox/)")
        String smtp;
        @Option(names = "--smtp-password-file", defaultValue = "${env:STEK_SMTP_PASSWORD_FILE:-}",
                description = "file holding the SMTP password (STEK_SMTP_PASSWORD_FILE); or set STEK_SMTP_PASSWORD")
        Path smtpPasswordFile;
        @Option(names = "--reminder-days", defaultValue = "${env:STEK_REMINDER_DAYS:-3}",
                description = "days before a due date that learners get a reminder (STEK_REMINDER_DAYS)")
        int reminderDays;

        Config toConfig() {
            String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl.replaceAll("/+$", "");
            Config.Content content = new Config.Content(
                    blank(contentPort) ? Config.Content.besides(port).port() : Integer.parseInt(contentPort.strip()),
                    blank(contentBaseUrl) ? null : contentBaseUrl.strip().replaceAll("/+$", ""),
                    blank(packageCsp) ? Config.Content.DEFAULT_CSP : packageCsp.strip());
            return new Config(host, port, data, courses, media, base, dev,
                    trustedProxies.stream().filter(p -> !p.isBlank()).toList(), content, orgName,
                    orgLogo == null || orgLogo.isBlank() ? null : Path.of(orgLogo), databaseUrl(),
                    new Config.MailSettings(blank(smtp) ? null
                            : SmtpSettings.parse(smtp, secret(smtpPasswordFile, "STEK_SMTP_PASSWORD", "SMTP")),
                            reminderDays));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        /** The --database address with its password, or null for the SQLite file in the data folder. */
        private DatabaseUrl databaseUrl() {
            if (database == null || database.isBlank()) {
                return null;
            }
            return DatabaseUrl.parse(database, password());
        }

        private String password() {
            return secret(passwordFile, "STEK_DATABASE_PASSWORD", "database");
        }

        /** A password from its file when one is named, else from the environment variable; null when neither. */
        private static String secret(Path file, String variable, String what) {
            if (file != null && !file.toString().isBlank()) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("cannot read the " + what + " password file " + file
                            + ": " + e.getMessage());
                }
            }
            String env = System.getenv(variable);
            return env == null || env.isEmpty() ? null : env;
        }
    }

    @Command(name = "serve", description = "Run the server (the default).")
    static final class Serve implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Override
        public Integer call() throws Exception {
            return serve(options.toConfig());
        }
    }

    @Command(name = "check", description = {"Check every course; list each problem as file:line: message, then each"
            + " warning as file:line: warning: message. Exits 1 when there is a problem (warnings do not count)."})
    static final class Check implements Callable<Integer> {
        @Mixin
        Options options = new Options();
        @Option(names = "--report", paramLabel = "COURSE", description = "also print the form of COURSE's graded"
                + " items: what form-only strategies score, and the length and weight of every option")
        List<String> report = new ArrayList<>();

        @Override
        public Integer call() {
            QuizBlocks blocks = new QuizBlocks();
            var loaded = App.courseLoader(options.toConfig(), blocks).load();
            Problems problems = loaded.problems();
            problems.list().forEach(p -> System.out.println(p));
            problems.warnings().forEach(p -> System.out.println(p.file() + ":" + p.line() + ": warning: " + p.message()));
            for (String slug : report) {
                System.out.print(blocks.report(slug).map(ItemForm.Report::text)
                        .orElse(slug + ": no such course, or it has problems\n"));
            }
            System.out.println(loaded.courses().size() + " course(s) valid, " + problems.size() + " problem(s), "
                    + problems.warnings().size() + " warning(s)");
            return problems.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "user", description = "Manage accounts.", subcommands = User.Add.class)
    static final class User {
        @Command(name = "add", description = "Create an account; the password is read from standard input.")
        static final class Add implements Callable<Integer> {
            @Mixin
            Options options = new Options();
            @Option(names = "--email", required = true)
            String email;
            @Option(names = "--name", required = true)
            String name;
            @Option(names = "--role", defaultValue = "learner", description = "learner, facilitator or admin")
            String role;

            @Override
            public Integer call() throws Exception {
                Role r = Role.parse(role);
                String password = readPassword();
                String problem = Passwords.problem(password);
                if (problem != null) {
                    System.err.println("password must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters");
                    return 2;
                }
                try (Database db = Database.open(options.toConfig().database())) {
                    new LearnerRepository(db).create(email, name, Passwords.hash(password), r, Clock.systemUTC().instant());
                    System.out.println("created " + r.key() + " " + email);
                    return 0;
                } catch (LearnerRepository.EmailTaken e) {
                    System.err.println("an account with " + email + " already exists");
                    return 1;
                }
            }

            static String readPassword() throws java.io.IOException {
                if (System.console() != null) {
                    char[] chars = System.console().readPassword("password: ");
                    return chars == null ? "" : new String(chars);
                }
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            }
        }
    }

    @Command(name = "backup", description = "Write a consistent copy of the database to FILE (safe while serving).")
    static final class Backup implements Callable<Integer> {
        @Mixin
        Options options = new Options();
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            if (Files.exists(file)) {
                System.err.println(file + " already exists; choose a new file name");
                return 1;
            }
            Config config = options.toConfig();
            if (config.database().vendor() != DatabaseUrl.Vendor.SQLITE) {
                System.err.println("backup copies a SQLite file; for PostgreSQL use pg_dump (see README, Operate)");
                return 2;
            }
            try (Database db = Database.open(config.database())) {
                db.backupTo(file);
            }
            System.out.println("backup written to " + file.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "handout", description = "Write the printable handout of COURSE (its folder name) as a PDF.")
    static final class Handout implements Callable<Integer> {
        @Mixin
        Options options = new Options();
        @Parameters(paramLabel = "COURSE")
        String course;
        @Option(names = "--facilitator", description = "the facilitator's version: guide, questions, cases without keys")
        boolean facilitator;
        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "where to write it (default: hand-out-COURSE.pdf)")
        Path out;

        @Override
        public Integer call() throws java.io.IOException {
            Config config = options.toConfig();
            Catalogue catalogue = new Catalogue(App.courseLoader(config), false);
            var found = catalogue.course(course);
            if (found.isEmpty()) {
                System.err.println(course + ": no such course, or it has problems (run check)");
                return 1;
            }
            Path file = out != null ? out
                    : Path.of((facilitator ? "hand-out-begeleiders-" : "hand-out-") + course + ".pdf");
            Files.write(file, new Handouts(catalogue, config.mediaDir()).render(found.get(), catalogue.glossary(), facilitator));
            System.out.println("handout written to " + file.toAbsolutePath());
            return 0;
        }
    }
}
