package be.stek.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * After a copy, the target's id counters are moved past every copied id and past the source's own counter (ids of
 * deleted rows are never handed out again: caches, exports and logs keep meaning one person). On PostgreSQL these
 * are the identity columns' sequences; on SQLite the counters of AUTOINCREMENT tables (sqlite_sequence); SQLite's
 * other tables number from their highest id by themselves.
 */
final class IdCounters {
    private IdCounters() {
    }

    static void carryOver(Connection src, DatabaseUrl.Vendor from, Connection dst, DatabaseUrl.Vendor to)
            throws SQLException {
        if (to == DatabaseUrl.Vendor.POSTGRESQL) {
            List<Map.Entry<String, String>> identities = Sql.list(dst, """
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND is_identity = 'YES'""",
                    rs -> Map.entry(rs.getString(1), rs.getString(2)));
            for (var id : identities) {
                long max = Sql.one(dst, "SELECT coalesce(max(" + id.getValue() + "), 0) FROM " + id.getKey(),
                        rs -> rs.getLong(1)).orElse(0L);
                long next = Math.max(max, counter(src, from, id.getKey(), id.getValue()));
                if (next > 0) {
                    Sql.one(dst, "SELECT setval(pg_get_serial_sequence(?, ?), ?, true)", rs -> rs.getLong(1),
                            id.getKey(), id.getValue(), next);
                }
            }
            return;
        }
        List<String> counted = Sql.list(dst, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE"
                + " '%AUTOINCREMENT%'", rs -> rs.getString(1));
        for (String table : counted) {
            long counter = counter(src, from, table, "id");
            if (counter > 0 && Sql.update(dst, "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?",
                    counter, table) == 0) {
                Sql.update(dst, "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, counter);
            }
        }
    }

    private static long counter(Connection src, DatabaseUrl.Vendor from, String table, String column)
            throws SQLException {
        if (from == DatabaseUrl.Vendor.POSTGRESQL) {
            return Sql.one(src, "SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence(?, ?)::regclass), 0)",
                    rs -> rs.getLong(1), table, column).orElse(0L);
        }
        boolean hasSequence = Sql.one(src, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'",
                rs -> rs.getLong(1)).orElse(0L) > 0;
        return hasSequence ? Sql.one(src, "SELECT seq FROM sqlite_sequence WHERE name = ?", rs -> rs.getLong(1), table)
                .orElse(0L) : 0;
    }
}
