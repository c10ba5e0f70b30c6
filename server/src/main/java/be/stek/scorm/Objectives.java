package be.stek.scorm;

import be.stek.store.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SCORM objectives, both ways. At launch a SCO finds in {@code cmi.objectives} every objective its item declares (by
 * id), with the status and measure of the global objectives those read ({@code mapInfo}, readSatisfiedStatus and
 * readNormalizedMeasure, true by default). At every commit the attempt's objectives are stored, and those whose
 * maps write (writeSatisfiedStatus, writeNormalizedMeasure) update the learner's global objectives of the package:
 * the primary objective from the SCO's own success status and scaled score, the others from their
 * {@code cmi.objectives} entry. Global objectives are kept per learner and package.
 */
final class Objectives {
    /** At most this many objectives per attempt (SCORM asks an LMS for at least 100). */
    static final int MAX_PER_ATTEMPT = 1_000;

    /** A global objective as a learner's SCOs left it: satisfied or not (null: unknown) and its measure. */
    record Global(Boolean satisfied, Double measure) {
    }

    /** One {@code cmi.objectives.n} as a SCO reported it (1.2's {@code status} is read into the two statuses). */
    public record Reported(int index, String id, String success, String completion, Double scaled, Double raw, Double min,
                    Double max, Double progress, String description) {
    }

    private Objectives() {
    }

    static String toJson(List<Manifest.Objective> objectives) {
        return objectives.isEmpty() ? null : CommitParser.JSON.valueToTree(objectives).toString();
    }

    static List<Manifest.Objective> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.of(CommitParser.JSON.readValue(json, Manifest.Objective[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored objectives are not readable: " + e.getMessage(), e);
        }
    }

    /** The objectives an attempt's SCO reported, in its order. */
    static List<Reported> of(Connection c, long attemptId) throws SQLException {
        return Sql.list(c, "SELECT * FROM scorm_objective WHERE attempt_id = ? ORDER BY position", rs -> new Reported(
                rs.getInt("position"), rs.getString("objective_id"), rs.getString("success_status"),
                rs.getString("completion_status"), Sql.doubleOrNull(rs, "score_scaled"), Sql.doubleOrNull(rs, "score_raw"),
                Sql.doubleOrNull(rs, "score_min"), Sql.doubleOrNull(rs, "score_max"),
                Sql.doubleOrNull(rs, "progress_measure"), rs.getString("description")), attemptId);
    }

    /** The learner's global objectives of a package, by objective id. */
    static Map<String, Global> globals(Connection c, long learnerId, long packageId) throws SQLException {
        Map<String, Global> out = new HashMap<>();
        Sql.list(c, "SELECT * FROM scorm_global_objective WHERE learner_id = ? AND package_id = ?", rs -> {
            Object satisfied = rs.getObject("satisfied");
            out.put(rs.getString("objective_id"), new Global(satisfied == null ? null : rs.getInt("satisfied") == 1,
                    Sql.doubleOrNull(rs, "measure")));
            return null;
        }, learnerId, packageId);
        return out;
    }

    /**
     * The {@code cmi.objectives} a SCO starts with: {@code stored} (what it reported, when its attempt goes on), then
     * each declared objective not among them, by id; declared objectives take what their maps read from
     * {@code globals}. Null when there is nothing to seed.
     */
    static ObjectNode seed(JsonNode stored, List<Manifest.Objective> declared, Map<String, Global> globals) {
        List<ObjectNode> list = new ArrayList<>();
        ordered(stored).stream().filter(n -> n.hasNonNull("id")).forEach(n -> list.add(idFirst(n)));
        for (Manifest.Objective o : declared) {
            ObjectNode entry = list.stream().filter(n -> o.id().equals(n.path("id").asText())).findFirst()
                    .orElseGet(() -> {
                        ObjectNode n = CommitParser.JSON.createObjectNode().put("id", o.id());
                        list.add(n);
                        return n;
                    });
            for (Manifest.ObjectiveMap m : o.maps()) {
                Global g = globals.get(m.target());
                if (g != null && m.readSatisfied() && g.satisfied() != null) {
                    entry.put("success_status", g.satisfied() ? "passed" : "failed");
                }
                if (g != null && m.readMeasure() && g.measure() != null) {
                    entry.withObject("score").put("scaled", Seed.number(g.measure()));
                }
            }
        }
        if (list.isEmpty()) {
            return null;
        }
        ObjectNode out = CommitParser.JSON.createObjectNode();
        for (int i = 0; i < list.size(); i++) {
            out.set(String.valueOf(i), list.get(i));
        }
        return out;
    }

    /** Stores the commit's objectives for the attempt and writes the mapped ones to the global objectives. */
    static void commit(Connection c, CmiStore.SessionInfo s, CmiState st, StatusRules.Status status, Instant now)
            throws SQLException {
        if (st.objectives().size() > MAX_PER_ATTEMPT) {
            throw new StorageFull("scorm.error.tooManyObjectives", MAX_PER_ATTEMPT);
        }
        for (Reported r : st.objectives()) {
            Sql.update(c, """
                    INSERT INTO scorm_objective (attempt_id, objective_id, position, success_status, completion_status,
                        score_scaled, score_raw, score_min, score_max, progress_measure, description, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (attempt_id, objective_id) DO UPDATE SET position = excluded.position,
                        success_status = excluded.success_status, completion_status = excluded.completion_status,
                        score_scaled = excluded.score_scaled, score_raw = excluded.score_raw,
                        score_min = excluded.score_min, score_max = excluded.score_max,
                        progress_measure = excluded.progress_measure,
                        description = COALESCE(excluded.description, scorm_objective.description), updated_at = excluded.updated_at""",
                    s.attemptId(), r.id(), r.index(), r.success(), r.completion(), r.scaled(), r.raw(), r.min(),
                    r.max(), r.progress(), r.description(), now);
        }
        if (s.version() == ScormVersion.SCORM_2004) {
            for (Manifest.Objective o : s.objectives()) {
                write(c, s, o, value(o, st, status), now);
            }
        }
    }

    /** What an objective of the item now says: the SCO's own status for the primary one, else its cmi entry. */
    private static Global value(Manifest.Objective o, CmiState st, StatusRules.Status status) {
        Reported r = st.objectives().stream().filter(x -> o.id().equals(x.id())).findFirst().orElse(null);
        String success = o.primary() && !"unknown".equals(status.success()) ? status.success()
                : r == null ? null : r.success();
        Double measure = o.primary() && st.scoreScaled() != null ? st.scoreScaled() : r == null ? null : r.scaled();
        Boolean satisfied = "passed".equals(success) ? Boolean.TRUE : "failed".equals(success) ? Boolean.FALSE : null;
        return new Global(satisfied, measure);
    }

    private static void write(Connection c, CmiStore.SessionInfo s, Manifest.Objective o, Global v, Instant now)
            throws SQLException {
        for (Manifest.ObjectiveMap m : o.maps()) {
            boolean satisfied = m.writeSatisfied() && v.satisfied() != null;
            boolean measure = m.writeMeasure() && v.measure() != null;
            if (!satisfied && !measure) {
                continue;
            }
            Sql.update(c, """
                    INSERT INTO scorm_global_objective (learner_id, package_id, objective_id, satisfied, measure,
                        updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (learner_id, package_id, objective_id) DO UPDATE SET
                        satisfied = CASE WHEN ? THEN excluded.satisfied ELSE scorm_global_objective.satisfied END,
                        measure = CASE WHEN ? THEN excluded.measure ELSE scorm_global_objective.measure END, updated_at = excluded.updated_at""",
                    s.learnerId(), s.key().packageId(), m.target(), satisfied ? (v.satisfied() ? 1 : 0) : null,
                    measure ? v.measure() : null, now, satisfied, measure);
        }
    }

    /** The objectives a commit reports, from {@code cmi.objectives} (an object keyed by index, or an array). */
    static List<Reported> reported(JsonNode objectives, ScormVersion version) {
        List<Reported> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : ordered(objectives)) {
            String id = CommitParser.text(n, "id");
            if (id != null && !id.isBlank()) {
                out.add(reported(i, id, n, version));
            }
            i++;
        }
        return out;
    }

    /** The score between 0 and 1 as the results show it: scaled, or raw within min–max; null without a score. */
    static Double normalized(Reported r) {
        if (r.scaled() != null) {
            return Math.max(0, Math.min(1, r.scaled()));
        }
        if (r.raw() == null) {
            return null;
        }
        double min = r.min() == null ? 0 : r.min();
        double max = r.max() == null || r.max() <= min ? 100 : r.max();
        return Math.max(0, Math.min(1, (r.raw() - min) / (max - min)));
    }

    private static Reported reported(int index, String id, JsonNode n, ScormVersion version) {
        JsonNode score = n.path("score");
        String success;
        String completion;
        if (version == ScormVersion.SCORM_12) {
            String status = blank(CommitParser.text(n, "status"));
            success = "passed".equals(status) || "failed".equals(status) ? status : null;
            completion = status == null ? null : "passed".equals(status) || "failed".equals(status) ? "completed"
                    : status;
        } else {
            success = blank(CommitParser.text(n, "success_status"));
            completion = blank(CommitParser.text(n, "completion_status"));
        }
        return new Reported(index, id, success, completion, number(score, "scaled"), number(score, "raw"),
                number(score, "min"), number(score, "max"), number(n, "progress_measure"),
                blank(CommitParser.text(n, "description")));
    }

    /** The entries of an object keyed by index, in index order, or of an array; objects only. */
    private static List<JsonNode> ordered(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            ((ArrayNode) node).forEach(n -> {
                if (n.isObject()) {
                    out.add(n);
                }
            });
            return out;
        }
        Map<Integer, JsonNode> byIndex = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().matches("\\d{1,6}") && e.getValue().isObject()) {
                byIndex.put(Integer.parseInt(e.getKey()), e.getValue());
            }
        }
        out.addAll(byIndex.values());
        return out;
    }

    /** A copy with {@code id} first: scorm-again refuses an objective's other values before its id (408). */
    private static ObjectNode idFirst(JsonNode n) {
        ObjectNode out = CommitParser.JSON.createObjectNode();
        out.set("id", n.get("id"));
        n.fields().forEachRemaining(e -> {
            if (!"id".equals(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Double number(JsonNode node, String field) {
        String v = blank(CommitParser.text(node, field));
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
