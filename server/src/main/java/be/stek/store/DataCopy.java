package be.stek.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies every row of one Stek database into another, of either store ({@code stek copy-data}). Both are migrated to
 * the same version first (by {@link Database#open}). The tables are found in the target's schema and copied parents
 * first (foreign-key order), ids kept; a column that refers to its own table (a package that replaces another) is
 * filled in after its table. The whole copy is one transaction on the target, read from one consistent snapshot of the
 * source: it lands whole or not at all. Row counts are compared per table before the commit, and the id counters of
 * the target are moved past the highest id (and past the source's own counter), so that new rows never reuse an id.
 */
public final class DataCopy {
    /** Rows that migrations write into a new database; the copy replaces them with the source's. */
    private static final Set<String> MIGRATION_ROWS = Set.of("server_secret");
    /**
     * Version counters of the nodes' caches (V021, V022): each database counts its own (the copy's inserts raise the
     * target's through its triggers), so they are neither copied nor counted against an empty target.
     */
    private static final Set<String> NOT_COPIED = Set.of("cohort_data_version", "shared_version");
    private static final int BATCH = 1_000;

    /** The number of rows copied into a table. */
    public record Copied(String table, long rows) {
    }

    /** The target already holds data: copying into it would mix two organisations. */
    public static final class TargetNotEmpty extends RuntimeException {
        TargetNotEmpty(String table, long rows) {
            super("the target database is not empty (table " + table + " has " + rows + " row(s)); copy into a new,"
                    + " empty database");
        }
    }

    private DataCopy() {
    }

    /** Copies everything from {@code from} into the empty {@code to}; returns the rows per table, in copy order. */
    public static List<Copied> copy(Database from, Database to) {
        if (from.url().jdbcUrl().equals(to.url().jdbcUrl())) {
            throw new IllegalArgumentException("source and target are the same database");
        }
        return from.read(src -> {
            boolean pgSource = from.vendor() == DatabaseUrl.Vendor.POSTGRESQL;
            src.setAutoCommit(false);
            if (pgSource) {
                try (Statement st = src.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    st.execute("SET LOCAL statement_timeout = 0");
                }
            }
            try {
                return to.write(dst -> copyAll(src, from.vendor(), dst, to.vendor()));
            } finally {
                src.rollback();
                src.setAutoCommit(true);
            }
        });
    }

    private static List<Copied> copyAll(Connection src, DatabaseUrl.Vendor from, Connection dst, DatabaseUrl.Vendor to)
            throws SQLException {
        if (to == DatabaseUrl.Vendor.POSTGRESQL) {
            try (Statement st = dst.createStatement()) {
                st.execute("SET LOCAL statement_timeout = 0");
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        Map<String, List<String>> selfRefs = new LinkedHashMap<>();
        for (String table : tables(dst)) {
            parents.put(table, new LinkedHashSet<>());
            selfRefs.put(table, new ArrayList<>());
            try (ResultSet fk = dst.getMetaData().getImportedKeys(null, schema(dst), table)) {
                while (fk.next()) {
                    String parent = fk.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (parent.equals(table)) {
                        selfRefs.get(table).add(fk.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    } else {
                        parents.get(table).add(parent);
                    }
                }
            }
        }
        for (String table : parents.keySet()) {
            long rows = count(dst, table);
            if (rows > 0 && !MIGRATION_ROWS.contains(table)) {
                throw new TargetNotEmpty(table, rows);
            }
        }
        List<Copied> copied = new ArrayList<>();
        for (String table : order(parents)) {
            if (MIGRATION_ROWS.contains(table)) {
                try (Statement st = dst.createStatement()) {
                    st.executeUpdate("DELETE FROM " + table);
                }
            }
            long rows = copyTable(src, dst, table, selfRefs.get(table));
            long expected = count(src, table);
            long landed = count(dst, table);
            if (rows != expected || landed != expected) {
                throw new IllegalStateException("table " + table + ": the source has " + expected + " row(s), "
                        + landed + " arrived");
            }
            copied.add(new Copied(table, rows));
        }
        IdCounters.carryOver(src, from, dst, to);
        return copied;
    }

    /** Tables of the schema that a copy carries over (in lower case): not Flyway's own, nor {@link #NOT_COPIED}. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.equals("flyway_schema_history")
                        && !NOT_COPIED.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static String schema(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        return meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? c.getSchema() : null;
    }

    /** Parents before children; tables in a cycle (none in Stek's schema) would be an error, not a silent skip. */
    static List<String> order(Map<String, Set<String>> parents) {
        List<String> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (out.size() < parents.size()) {
            boolean progress = false;
            for (var e : parents.entrySet()) {
                if (!placed.contains(e.getKey()) && placed.containsAll(e.getValue())) {
                    placed.add(e.getKey());
                    out.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
            }
        }
        return out;
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long copyTable(Connection src, Connection dst, String table, List<String> selfRefs)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try (Statement st = dst.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                types.add(meta.getColumnType(i));
            }
        }
        String list = String.join(", ", columns);
        String insert = "INSERT INTO " + table + " (" + list + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        List<Object[]> later = new ArrayList<>();
        long rows = 0;
        try (Statement read = src.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + table);
                 PreparedStatement write = dst.prepareStatement(insert)) {
                while (rs.next()) {
                    Object[] self = new Object[selfRefs.size() + 1];
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = convert(rs.getObject(i + 1), types.get(i));
                        int ref = selfRefs.indexOf(columns.get(i));
                        if (ref >= 0) {
                            self[ref + 1] = value;
                            value = null;
                        }
                        write.setObject(i + 1, value);
                    }
                    if (!selfRefs.isEmpty()) {
                        self[0] = rs.getObject("id");
                        later.add(self);
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
        if (!later.isEmpty()) {
            String set = String.join(" = ?, ", selfRefs) + " = ?";
            try (PreparedStatement update = dst.prepareStatement("UPDATE " + table + " SET " + set + " WHERE id = ?")) {
                for (Object[] row : later) {
                    for (int i = 1; i < row.length; i++) {
                        update.setObject(i, row[i]);
                    }
                    update.setObject(row.length, row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        return rows;
    }

    /** A value as the target column takes it (SQLite hands back what was stored; PostgreSQL is strict about types). */
    private static Object convert(Object value, int type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.CHAR, Types.NVARCHAR -> value instanceof String
                    ? value : String.valueOf(value);
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> value instanceof Number n ? n.longValue()
                    : Long.parseLong(value.toString());
            case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC -> value instanceof Number n ? n.doubleValue()
                    : Double.parseDouble(value.toString());
            default -> value;
        };
    }
}
