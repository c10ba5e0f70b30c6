package be.stek.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept per pooled connection: SQLite compiles a statement on every prepare, which was half the
 * cost of a typical read. A pooled connection serves one thread at a time, so its cache needs no locking; a
 * statement already in use (a query run inside a row mapper) gets a fresh one instead.
 */
final class StatementCache {
    private static final Map<Connection, StatementCache> BY_CONNECTION = new ConcurrentHashMap<>();

    /** A statement to use and then close: closing returns a cached one to its cache. */
    record Lease(PreparedStatement statement, StatementCache owner, String sql) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (owner == null) {
                statement.close();
            } else {
                statement.clearParameters();
                owner.inUse.remove(sql);
            }
        }
    }

    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Set<String> inUse = new HashSet<>();

    static void register(Connection c) {
        BY_CONNECTION.put(c, new StatementCache());
    }

    /** Forgets a connection's statements (they close with the connection). */
    static void unregister(Connection c) {
        StatementCache cache = BY_CONNECTION.remove(c);
        if (cache != null) {
            for (PreparedStatement st : cache.statements.values()) {
                try {
                    st.close();
                } catch (SQLException e) {
                    // closing with the connection anyway
                }
            }
        }
    }

    static Lease lease(Connection c, String sql) throws SQLException {
        StatementCache cache = BY_CONNECTION.get(c);
        if (cache == null || !cache.inUse.add(sql)) {
            return new Lease(c.prepareStatement(sql), null, sql);
        }
        PreparedStatement st = cache.statements.get(sql);
        if (st == null) {
            st = c.prepareStatement(sql);
            cache.statements.put(sql, st);
        }
        return new Lease(st, cache, sql);
    }
}
