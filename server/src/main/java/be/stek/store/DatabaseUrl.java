package be.stek.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the data lives, as an operator writes it: {@code sqlite:data/stek.db} (a file) or
 * {@code postgresql://user@host:5432/stek} (a server; options such as {@code ?sslmode=require} are passed to the
 * driver). The password is never part of the address: it comes from {@code STEK_DATABASE_PASSWORD} or a file, and
 * {@link #toString()} never shows it.
 */
public record DatabaseUrl(Vendor vendor, Path file, String jdbcUrl, String user, String password) {

    /** The two stores Stek runs on. */
    public enum Vendor {
        SQLITE, POSTGRESQL;

        /** The folder name under {@code db/vendor/}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A SQLite file. */
    public static DatabaseUrl sqlite(Path file) {
        return new DatabaseUrl(Vendor.SQLITE, file, "jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    /**
     * Parses an address; {@code password} may be null. Throws {@link IllegalArgumentException} with a message that
     * says what is wrong (an operator reads it at start-up).
     */
    public static DatabaseUrl parse(String text, String password) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("sqlite:")) {
            String path = t.substring("sqlite:".length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("sqlite: needs a file, e.g. sqlite:data/stek.db");
            }
            return sqlite(Path.of(path));
        }
        if (t.startsWith("postgresql://") || t.startsWith("postgres://")) {
            return postgresql(t, password);
        }
        throw new IllegalArgumentException("database must be sqlite:FILE or postgresql://USER@HOST:PORT/DATABASE, not '"
                + t + "'");
    }

    private static DatabaseUrl postgresql(String text, String password) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid address: " + e.getMessage());
        }
        String info = uri.getRawUserInfo();
        if (info == null || info.isBlank()) {
            throw new IllegalArgumentException("postgresql:// needs a user: postgresql://USER@HOST:PORT/DATABASE");
        }
        if (info.contains(":")) {
            throw new IllegalArgumentException("put no password in the database address (it would show in logs and"
                    + " process lists): set STEK_DATABASE_PASSWORD or --database-password-file");
        }
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || db.isBlank()) {
            throw new IllegalArgumentException("postgresql:// needs a host and a database: "
                    + "postgresql://USER@HOST:PORT/DATABASE");
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl(Vendor.POSTGRESQL, null, "jdbc:postgresql://" + uri.getHost() + port + "/" + db + query,
                uri.getUserInfo(), password);
    }

    /** The same database with another password (read from the environment or a file after parsing). */
    public DatabaseUrl withPassword(String secret) {
        return new DatabaseUrl(vendor, file, jdbcUrl, user, secret);
    }

    /** A sibling database on the same PostgreSQL server (tests create one per server). */
    public DatabaseUrl withDatabase(String name) {
        if (vendor != Vendor.POSTGRESQL) {
            throw new IllegalStateException("only a PostgreSQL server holds several databases");
        }
        String base = jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new DatabaseUrl(vendor, null, base, user, password);
    }

    /** The database's name on its PostgreSQL server. */
    public String databaseName() {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
    }

    @Override
    public String toString() {
        return vendor == Vendor.SQLITE ? "sqlite:" + file.toAbsolutePath()
                : jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + user + "@")
                + (password == null ? "" : " (with password)");
    }
}
