package be.stek.testing;

import be.stek.store.Database;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables, columns and foreign keys of a test database, read through JDBC's metadata (the same on both stores). */
public final class Schema {

    /** A foreign key column: {@code table.column} refers to {@code target}, and goes with it when {@code cascade}. */
    public record ForeignKey(String table, String column, String target, boolean cascade) {
    }

    private Schema() {
    }

    /** Stek's own tables (not the migration history, nor the store's internal ones). */
    public static List<String> tables(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, schema(c), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!name.startsWith("sqlite_") && !name.equals("flyway_schema_history")) {
                        out.add(name);
                    }
                }
            }
            return out;
        });
    }

    public static List<String> columns(Database db, String table) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, schema(c), table, "%")) {
                while (rs.next()) {
                    out.add(rs.getString("COLUMN_NAME"));
                }
            }
            return out;
        });
    }

    public static List<ForeignKey> foreignKeys(Database db) {
        List<ForeignKey> out = new ArrayList<>();
        for (String table : tables(db)) {
            out.addAll(db.read(c -> {
                List<ForeignKey> keys = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getImportedKeys(null, schema(c), table)) {
                    while (rs.next()) {
                        keys.add(new ForeignKey(table, rs.getString("FKCOLUMN_NAME"),
                                rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                                rs.getShort("DELETE_RULE") == DatabaseMetaData.importedKeyCascade));
                    }
                }
                return keys;
            }));
        }
        return out;
    }

    private static String schema(Connection c) throws SQLException {
        return c.getSchema();
    }
}
