package be.stek.scorm;

import be.stek.store.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a commit changes in the stored amounts that {@link StorageLimits} bound, worked out inside the commit's
 * transaction from running counters (the attempt's interaction count and bytes, the learner's bytes per package) and
 * the interaction rows the commit replaces: a handful of indexed reads, never a sum over everything stored.
 */
final class StorageUse {
    /**
     * The UTF-8 bytes of an interaction row, in SQL ({@code octet_length}: both stores, text columns in UTF-8);
     * {@link #bytes(CmiState.Interaction)} in Java.
     */
    private static final String ROW_BYTES = """
            COALESCE(octet_length(interaction_id), 0) + COALESCE(octet_length(type), 0)
            + COALESCE(octet_length(learner_response), 0) + COALESCE(octet_length(correct_pattern), 0)
            + COALESCE(octet_length(result), 0) + COALESCE(octet_length(weighting), 0)
            + COALESCE(octet_length(latency), 0) + COALESCE(octet_length(stamp), 0)""";

    /** The attempt's interactions and bytes after the commit, and how the learner's package total moves. */
    record Change(int interactions, int addedInteractions, long interactionBytes, long delta, long packageBytes) {
    }

    private StorageUse() {
    }

    /**
     * Measures the commit before anything is written; throws {@link StorageFull} when it would go past a limit.
     * {@code location}, {@code suspendData} and {@code cmi} are the values the attempt will hold afterwards.
     */
    static Change check(Connection c, CmiStore.SessionInfo s, ScoAttempt before, List<CmiState.Interaction> incoming,
                        String location, String suspendData, String cmi, StorageLimits limits) throws SQLException {
        long[] counters = Sql.one(c, "SELECT interaction_count, interaction_bytes FROM scorm_attempt WHERE id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, s.attemptId()).orElse(new long[2]);
        Map<Integer, long[]> replaced = stored(c, s, incoming);
        int added = 0;
        long interactionDelta = 0;
        for (CmiState.Interaction i : incoming) {
            long[] old = replaced.get(s.interactionBase() + i.index());
            added += old == null ? 1 : 0;
            long description = i.description() != null ? bytes(i.description()) : old == null ? 0 : old[1];
            interactionDelta += bytes(i) + description - (old == null ? 0 : old[0] + old[1]);
        }
        long scalarDelta = bytes(location) + bytes(suspendData) + bytes(cmi)
                - bytes(before.location()) - bytes(before.suspendData()) - bytes(before.cmi());
        long delta = scalarDelta + interactionDelta;
        long packageBytes = Sql.one(c, "SELECT stored_bytes FROM scorm_usage WHERE learner_id = ? AND package_id = ?",
                rs -> rs.getLong(1), s.learnerId(), s.key().packageId()).orElse(0L);
        int interactions = (int) counters[0] + added;
        if (added > 0 && interactions > limits.interactionsPerAttempt()) {
            throw new StorageFull("scorm.error.tooManyInteractions", limits.interactionsPerAttempt());
        }
        if (delta > 0 && packageBytes + delta > limits.bytesPerPackage()) {
            throw new StorageFull("scorm.error.storageFull", limits.megabytes());
        }
        return new Change(interactions, added, counters[1] + interactionDelta, delta, packageBytes + delta);
    }

    /** Writes the new counters; part of the commit's transaction. */
    static void record(Connection c, CmiStore.SessionInfo s, Change change) throws SQLException {
        Sql.update(c, "UPDATE scorm_attempt SET interaction_count = ?, interaction_bytes = ? WHERE id = ?",
                change.interactions(), change.interactionBytes(), s.attemptId());
        Sql.update(c, """
                INSERT INTO scorm_usage (learner_id, package_id, stored_bytes) VALUES (?, ?, ?)
                ON CONFLICT (learner_id, package_id) DO UPDATE SET stored_bytes = scorm_usage.stored_bytes + excluded.stored_bytes""",
                s.learnerId(), s.key().packageId(), change.delta());
    }

    /** Position → {bytes without description, description bytes} of the stored rows the commit will replace. */
    private static Map<Integer, long[]> stored(Connection c, CmiStore.SessionInfo s, List<CmiState.Interaction> in)
            throws SQLException {
        Map<Integer, long[]> out = new HashMap<>();
        if (in.isEmpty()) {
            return out;
        }
        int from = s.interactionBase() + in.stream().mapToInt(CmiState.Interaction::index).min().orElse(0);
        int to = s.interactionBase() + in.stream().mapToInt(CmiState.Interaction::index).max().orElse(0);
        try (PreparedStatement ps = c.prepareStatement("SELECT position, " + ROW_BYTES
                + ", COALESCE(octet_length(description), 0) FROM scorm_interaction"
                + " WHERE attempt_id = ? AND position BETWEEN ? AND ?")) {
            ps.setLong(1, s.attemptId());
            ps.setInt(2, from);
            ps.setInt(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return out;
    }

    /** The bytes of an interaction row without its description, as {@link #ROW_BYTES} counts them. */
    private static long bytes(CmiState.Interaction i) {
        return bytes(i.id()) + bytes(i.type()) + bytes(i.learnerResponse()) + bytes(i.correctPattern())
                + bytes(i.result()) + bytes(i.weighting()) + bytes(i.latency()) + bytes(i.stamp());
    }

    static long bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
