package be.stek.scorm;

import be.stek.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes one applied commit inside the caller's transaction: the attempt row (statuses recomputed), the session's
 * sequence and time, and the interactions as upserts, after {@link StorageUse} checked the limits. A constant
 * number of statements per commit plus one batch.
 */
final class CommitWriter {
    private CommitWriter() {
    }

    static void apply(Connection c, CmiStore.SessionInfo s, ScoAttempt before, CommitParser.Commit commit,
                      boolean last, Instant now, StorageLimits limits) throws SQLException {
        CmiState st = commit.state();
        String location = kept(before.location(), st.location());
        String suspendData = kept(before.suspendData(), st.suspendData());
        String cmi = merged(before.cmi(), st.cmi());
        StorageUse.Change change = StorageUse.check(c, s, before, st.interactions(), location, suspendData, cmi,
                limits);
        StatusRules.Status status = StatusRules.evaluate(s.version(), st, s.values());
        double others = Sql.one(c, "SELECT COALESCE(SUM(session_seconds), 0) FROM scorm_session "
                + "WHERE attempt_id = ? AND id <> ?", rs -> rs.getDouble(1), s.attemptId(), s.id()).orElse(0.0);
        double mine = st.sessionSeconds() != null ? st.sessionSeconds() : Sql.one(c,
                "SELECT session_seconds FROM scorm_session WHERE id = ?", rs -> rs.getDouble(1), s.id()).orElse(0.0);
        boolean ends = last && s.version() == ScormVersion.SCORM_2004 && !"suspend".equals(st.exit());
        Sql.update(c, """
                UPDATE scorm_attempt SET completion_status = ?, success_status = ?, status_reason = ?, lesson_status = ?,
                    score_raw = ?, score_min = ?, score_max = ?, score_scaled = ?, progress_measure = ?, location = ?,
                    suspend_data = ?, exit_mode = ?, total_seconds = ?, cmi = ?, updated_at = ?,
                    ended_at = CASE WHEN ? THEN ? ELSE ended_at END
                WHERE id = ?""", status.completion(), status.success(), status.reasonKey() + "|" + status.reasonArg(),
                st.lessonStatus(), st.scoreRaw(), st.scoreMin(), st.scoreMax(), st.scoreScaled(), st.progressMeasure(),
                location, suspendData, st.exit(), others + mine, cmi, now, ends, now, s.attemptId());
        Sql.update(c, """
                UPDATE scorm_session SET last_sequence = CASE WHEN last_sequence > ? THEN last_sequence ELSE ? END,
                    commits = commits + 1,
                    session_seconds = ?, last_commit_at = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END,
                    close_reason = CASE WHEN ? THEN ? ELSE close_reason END WHERE id = ?""",
                commit.sequence() == null ? 0 : commit.sequence(), commit.sequence() == null ? 0 : commit.sequence(),
                mine, now, last, now, last,
                last ? "terminate" : null, s.id());
        interactions(c, s, st, now);
        Objectives.commit(c, s, st, status, now);
        StorageUse.record(c, s, change);
    }

    /**
     * The stored {@code cmi} object: the commit's, with the top-level elements it left out (a beacon leaves out
     * suspend_data and interactions Stek already has) taken from what was stored.
     */
    static String merged(String stored, com.fasterxml.jackson.databind.JsonNode incoming) {
        if (stored == null || !incoming.isObject()) {
            return incoming.toString();
        }
        try {
            var before = CommitParser.JSON.readTree(stored);
            var out = ((com.fasterxml.jackson.databind.node.ObjectNode) incoming).deepCopy();
            before.fieldNames().forEachRemaining(f -> {
                if (!out.has(f)) {
                    out.set(f, before.get(f));
                }
            });
            return out.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return incoming.toString();
        }
    }

    /**
     * A stored bookmark or suspend_data stays unless the SCO changed it. An empty value counts as a change only when
     * something was stored: the player sends {@code ""} for elements the SCO never set, and an empty string a SCO
     * did set must replace the old value (a cleared bookmark must not come back).
     */
    static String kept(String stored, String incoming) {
        if (incoming == null || (incoming.isEmpty() && stored == null)) {
            return stored;
        }
        return incoming;
    }

    private static void interactions(Connection c, CmiStore.SessionInfo s, CmiState st, Instant now)
            throws SQLException {
        if (st.interactions().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO scorm_interaction (attempt_id, position, interaction_id, type, description, learner_response,
                    correct_pattern, result, weighting, latency, latency_seconds, stamp, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (attempt_id, position) DO UPDATE SET interaction_id = excluded.interaction_id,
                    type = excluded.type, description = COALESCE(excluded.description, scorm_interaction.description),
                    learner_response = excluded.learner_response, correct_pattern = excluded.correct_pattern,
                    result = excluded.result, weighting = excluded.weighting, latency = excluded.latency,
                    latency_seconds = excluded.latency_seconds, stamp = excluded.stamp""")) {
            for (CmiState.Interaction i : st.interactions()) {
                Object[] values = {s.attemptId(), s.interactionBase() + i.index(), i.id(), i.type(), i.description(),
                        i.learnerResponse(), i.correctPattern(), i.result(), i.weighting(), i.latency(),
                        i.latencySeconds(), i.stamp(), Sql.iso(now)};
                for (int k = 0; k < values.length; k++) {
                    ps.setObject(k + 1, values[k]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
