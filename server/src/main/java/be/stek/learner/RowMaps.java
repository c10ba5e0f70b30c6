package be.stek.learner;

import be.stek.store.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Query results as ordered maps of column name to value, the building blocks of the data export. */
public final class RowMaps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowMaps() {
    }

    /** Every row of the query; keys are the column names (or aliases) in query order. */
    public static List<Map<String, Object>> list(Connection c, String sql, Object... params) throws SQLException {
        return Sql.list(c, sql, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rs.getObject(i));
            }
            return row;
        }, params);
    }

    /** Replaces columns that hold JSON text by the JSON itself, so the export reads as one document. */
    public static List<Map<String, Object>> parseJson(List<Map<String, Object>> rows, String... columns) {
        for (Map<String, Object> row : rows) {
            for (String column : columns) {
                if (row.get(column) instanceof String text) {
                    try {
                        row.put(column, JSON.readTree(text));
                    } catch (JsonProcessingException e) {
                        // not JSON after all: keep the text as stored
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Puts each child row into the list {@code into} of the parent whose {@code parentKey} equals the child's
     * {@code childKey} (answers into their attempt, for example).
     */
    public static List<Map<String, Object>> nest(List<Map<String, Object>> parents, String parentKey,
                                                 List<Map<String, Object>> children, String childKey, String into) {
        for (Map<String, Object> parent : parents) {
            List<Map<String, Object>> mine = new ArrayList<>();
            for (Map<String, Object> child : children) {
                if (Objects.equals(String.valueOf(child.get(childKey)), String.valueOf(parent.get(parentKey)))) {
                    mine.add(child);
                }
            }
            parent.put(into, mine);
        }
        return parents;
    }
}
