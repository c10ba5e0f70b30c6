package be.stek.testing;

import be.stek.App;
import be.stek.Config;
import be.stek.learner.LearnerRepository;
import be.stek.learner.Passwords;
import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Role;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Stek on port 0 with the fixture courses and a database in a temporary folder. {@link #restart()} stops it and
 * starts a new server on the same data, as an operator's restart would.
 */
public final class TestServer implements AutoCloseable {
    public static final String PASSWORD = "een lang wachtwoord";

    private final Config config;
    private final Clock clock;
    private App app;

    private TestServer(Config config, Clock clock) throws Exception {
        this.config = config;
        this.clock = clock;
        this.app = App.build(config, clock);
        app.start();
    }

    /** The server with the fixture courses from the test resources. */
    public static TestServer start(Path dataDir) throws Exception {
        return start(dataDir, fixture("courses"), fixture("media"), Clock.systemUTC());
    }

    public static TestServer start(Path dataDir, Path courses, Path media, Clock clock) throws Exception {
        Config config = new Config("127.0.0.1", 0, dataDir, courses, media, "http://localhost", false)
                .withDatabase(TestDatabases.url(dataDir));
        return new TestServer(config, clock);
    }

    /** The fixture server with settings changed, e.g. {@code c -> c.withTrustedProxies(List.of("127.0.0.1"))}. */
    public static TestServer start(Path dataDir, java.util.function.UnaryOperator<Config> adjust) throws Exception {
        return new TestServer(adjust.apply(new Config("127.0.0.1", 0, dataDir, fixture("courses"), fixture("media"),
                "http://localhost", false).withDatabase(TestDatabases.url(dataDir))), Clock.systemUTC());
    }

    /** The fixture server with settings changed and a clock of the test's own. */
    public static TestServer start(Path dataDir, java.util.function.UnaryOperator<Config> adjust, Clock clock)
            throws Exception {
        return new TestServer(adjust.apply(new Config("127.0.0.1", 0, dataDir, fixture("courses"), fixture("media"),
                "http://localhost", false).withDatabase(TestDatabases.url(dataDir))), clock);
    }

    /** A folder under {@code src/test/resources/fixtures}. */
    public static Path fixture(String name) {
        try {
            return Path.of(TestServer.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public void restart() throws Exception {
        app.stop();
        app = App.build(config, clock);
        app.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** A URL on the package content origin. */
    public String contentUrl(String path) {
        return "http://127.0.0.1:" + app.contentPort() + path;
    }

    public App app() {
        return app;
    }

    public Database db() {
        return app.database();
    }

    /** Creates an account with {@link #PASSWORD} and returns its id. */
    public long addUser(String email, String name, Role role) {
        return new LearnerRepository(db()).create(email, name, Passwords.hash(PASSWORD), role, clock.instant());
    }

    /** Creates a cohort with an invitation code and returns the code. */
    public String invitation(String cohortName) {
        return invitation(cohortName, null, null);
    }

    public String invitation(String cohortName, Instant expiresAt, Integer maxUses) {
        String code = "CODE" + Math.abs(System.nanoTime() % 1_000_000);
        db().write(c -> {
            long cohort = Sql.insert(c, "INSERT INTO cohort (name, created_at) VALUES (?, ?)", cohortName, clock.instant());
            Sql.update(c, "INSERT INTO invitation (code, cohort_id, expires_at, max_uses, created_at) VALUES (?, ?, ?, ?, ?)",
                    code, cohort, expiresAt, maxUses, clock.instant());
            return null;
        });
        return code;
    }

    /** The newest invitation code of the cohort at {@code cohortPath} ("/cohorts/7"). */
    public String codeOf(String cohortPath) {
        long cohort = Long.parseLong(cohortPath.substring(cohortPath.lastIndexOf('/') + 1));
        // Codes made in the same millisecond: SQLite's rowid, PostgreSQL's transaction id tell which came last.
        String order = TestDatabases.sqlite() ? "rowid" : "xmin::text::bigint";
        return db().read(c -> Sql.one(c, "SELECT code FROM invitation WHERE cohort_id = ? ORDER BY created_at DESC, "
                        + order + " DESC",
                rs -> rs.getString(1), cohort)).orElseThrow();
    }

    /** A single number from the database, e.g. a row count. */
    public long count(String sql, Object... params) {
        return db().read(c -> Sql.one(c, sql, rs -> rs.getLong(1), params).orElse(0L));
    }

    @Override
    public void close() throws Exception {
        app.stop();
    }
}
