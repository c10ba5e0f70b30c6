package be.stek.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The small JDBC helper every repository uses: bind parameters, map rows, nothing more. */
public final class Sql {
    private Sql() {
    }

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (StatementCache.Lease st = prepare(c, sql, params); ResultSet rs = st.statement().executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (StatementCache.Lease st = prepare(c, sql, params); ResultSet rs = st.statement().executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (StatementCache.Lease st = prepare(c, sql, params)) {
            return st.statement().executeUpdate();
        }
    }

    /** Runs an INSERT and returns the generated row id. */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(st, params);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                // SQLite returns the rowid alone; PostgreSQL returns the inserted row, whose id is asked for by name.
                return keys.getMetaData().getColumnCount() == 1 ? keys.getLong(1) : keys.getLong("id");
            }
        }
    }

    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /**
     * An instant as fixed-width ISO-8601 UTC text ({@code 2026-11-23T10:15:30.000Z}), so that stored timestamps
     * sort correctly as text ({@link java.time.Instant#toString()} drops zero fractions and would not).
     */
    public static String iso(java.time.Instant instant) {
        return ISO.format(instant);
    }

    /** Reads a nullable integer column. */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Reads a nullable real column. */
    public static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static StatementCache.Lease prepare(Connection c, String sql, Object... params) throws SQLException {
        StatementCache.Lease lease = StatementCache.lease(c, sql);
        try {
            bind(lease.statement(), params);
        } catch (SQLException e) {
            lease.close();
            throw e;
        }
        return lease;
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof java.time.Instant instant) {
                st.setString(i + 1, iso(instant));
            } else if (p instanceof Enum<?> e) {
                st.setString(i + 1, e.name().toLowerCase(java.util.Locale.ROOT));
            } else {
                st.setObject(i + 1, p);
            }
        }
    }
}
