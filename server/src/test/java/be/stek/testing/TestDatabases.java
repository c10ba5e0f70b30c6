package be.stek.testing;

import be.stek.store.Database;
import be.stek.store.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
            }
            admin(admin, "CREATE DATABASE " + name + " TEMPLATE " + template);
            CREATED.add(name);
        }
        return admin.withDatabase(name);
    }

    /** Drops every database this run created, on one connection (a connection per drop is slow on a busy machine). */
    private static void dropAll(DatabaseUrl admin) {
        synchronized (CREATED) {
            try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                 var st = c.createStatement()) {
                for (String name : CREATED) {
                    try {
                        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    } catch (SQLException e) {
                        System.err.println("could not drop test database " + name + ": " + e.getMessage());
                    }
                }
            } catch (SQLException e) {
                System.err.println("could not drop the test databases " + CREATED + ": " + e.getMessage());
            }
        }
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
