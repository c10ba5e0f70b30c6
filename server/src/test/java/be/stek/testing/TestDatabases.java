package be.stek.testing;

import be.stek.store.Database;
import be.stek.store.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store the tests run on. By default a SQLite file in the test's folder; with {@code STEK_TEST_DATABASE} (or the
 * system property {@code stek.test.database}) set to a PostgreSQL server ({@code postgresql://stek@127.0.0.1:5432/postgres},
 * a user allowed to create databases), every test folder gets a fresh database of its own on that server, copied
 * from a template migrated once per test run, and dropped when the tests end.
 */
public final class TestDatabases {
    private static final String SERVER = server();
    private static final Map<Path, DatabaseUrl> BY_FOLDER = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static final String PREFIX = "stek_t" + ProcessHandle.current().pid() + "_";
    private static volatile String template;

    private TestDatabases() {
    }

    private static String server() {
        String value = System.getProperty("stek.test.database", System.getenv("STEK_TEST_DATABASE"));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** True when the tests run on PostgreSQL. */
    public static boolean postgresql() {
        return SERVER != null;
    }

    /** True when the tests run on SQLite (the default). */
    public static boolean sqlite() {
        return SERVER == null;
    }

    /** The database of a test folder: the same one every time for the same folder (a restart, a second process). */
    public static DatabaseUrl url(Path folder) {
        if (SERVER == null) {
            return DatabaseUrl.sqlite(folder.resolve("stek.db"));
        }
        return BY_FOLDER.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> fresh());
    }

    /** Opens the database of a test folder. */
    public static Database open(Path folder) {
        return Database.open(url(folder));
    }

    /** A new, empty, migrated database on the test server (one that no test folder owns). */
    public static DatabaseUrl fresh() {
        DatabaseUrl admin = DatabaseUrl.parse(SERVER, System.getenv("STEK_DATABASE_PASSWORD"));
        String name = PREFIX + NEXT.incrementAndGet();
        synchronized (CREATED) {
            if (template == null) {
                template = PREFIX + "template";
                admin(admin, "CREATE DATABASE " + template);
                CREATED.add(template);
                Database.open(admin.withDatabase(template)).close();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(admin), "drop-test-databases"));
                dropLeftovers(admin);
            }
            admin(admin, "CREATE DATABASE " + name + " TEMPLATE " + template);
            CREATED.add(name);
        }
        return admin.withDatabase(name);
    }

    /**
     * Drops every database this run created, on a few connections at once and for at most 20 seconds (each drop waits
     * for a checkpoint, slow on a busy machine; the test JVM is killed 30 seconds after it exits). What is left
     * (a throw-away cluster, as in CI, is removed anyway) is named, and dropped by the next run on the same server.
     */
    private static void dropAll(DatabaseUrl admin) {
        List<String> names;
        synchronized (CREATED) {
            names = new ArrayList<>(CREATED);
        }
        drop(admin, names, " WITH (FORCE)", Duration.ofSeconds(20));
    }

    private static void drop(DatabaseUrl admin, List<String> names, String options, Duration within) {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "drop-test-database");
            t.setDaemon(true);
            return t;
        });
        List<String> left = java.util.Collections.synchronizedList(new ArrayList<>(names));
        for (String name : names) {
            pool.execute(() -> {
                try {
                    admin(admin, "DROP DATABASE IF EXISTS " + name + options);
                    left.remove(name);
                } catch (IllegalStateException e) {
                    System.err.println("could not drop test database " + name + ": " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        if (!left.isEmpty()) {
            System.err.println("test databases left on the server (the next run drops them): " + left);
        }
    }

    /**
     * Databases that earlier test runs from this machine left on the server (their JVM is gone), dropped in the
     * background; one still in use is not dropped.
     */
    private static void dropLeftovers(DatabaseUrl admin) {
        Thread t = new Thread(() -> {
            List<String> stale = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                 var st = c.createStatement();
                 var rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'stek\\_t%\\_%'")) {
                while (rs.next()) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("stek_t(\\d+)_.*")
                            .matcher(rs.getString(1));
                    if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                        stale.add(rs.getString(1));
                    }
                }
            } catch (SQLException | NumberFormatException e) {
                return;
            }
            drop(admin, stale, "", Duration.ofMinutes(2));
        }, "drop-leftover-test-databases");
        t.setDaemon(true);
        t.start();
    }

    private static void admin(DatabaseUrl admin, String sql) {
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
