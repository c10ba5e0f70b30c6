package be.stek.demo;

import be.stek.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Made-up attempts at the imported SCORM packages that learners see (not archived, not replaced, not waiting for an
 * admin's choice): about one learner in four opened a package, and went through each of its SCOs with a status and a
 * score as a SCO would report them. Nothing is written when no package is imported.
 */
final class ScormDemo {
    private ScormDemo() {
    }

    /** A SCO of a package learners see. */
    record Item(long packageId, String itemId, String version) {
    }

    /** One attempt at a SCO. */
    record Attempt(Item item, String completion, String success, Double scaled, double seconds, Instant started,
                   Instant updated) {
    }

    static List<Item> items(Connection c) throws SQLException {
        return Sql.list(c, """
                SELECT p.id, i.item_id, p.version FROM scorm_package p JOIN scorm_item i ON i.package_id = p.id
                WHERE p.archived_at IS NULL AND p.replaced_by IS NULL AND p.pending = 0 AND i.launch IS NOT NULL
                  AND coalesce(i.scorm_type, 'sco') = 'sco'
                ORDER BY p.id, i.position""", rs -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    static List<Attempt> attempts(List<Item> items, Instant joined, Random random) {
        List<Attempt> out = new ArrayList<>();
        long opened = -1;
        boolean takes = false;
        Instant t = joined.plus(Duration.ofDays(1 + random.nextInt(20)));
        for (Item item : items) {
            if (item.packageId() != opened) {
                opened = item.packageId();
                takes = random.nextDouble() < 0.25;
            }
            if (!takes) {
                continue;
            }
            boolean completed = random.nextDouble() < 0.75;
            Double scaled = completed ? Math.round((0.45 + 0.55 * random.nextDouble()) * 1000) / 1000.0 : null;
            String success = scaled == null ? "unknown" : scaled >= 0.7 ? "passed" : "failed";
            double seconds = 120 + random.nextInt(1500);
            out.add(new Attempt(item, completed ? "completed" : "incomplete", success, scaled, seconds, t,
                    t.plusSeconds((long) seconds)));
            t = t.plus(Duration.ofHours(1 + random.nextInt(48)));
        }
        return out;
    }

    static int write(Connection c, long learnerId, List<Attempt> attempts) throws SQLException {
        for (Attempt a : attempts) {
            String lessonStatus = "1.2".equals(a.item().version())
                    ? ("unknown".equals(a.success()) ? a.completion() : a.success()) : null;
            Sql.update(c, """
                    INSERT INTO scorm_attempt (learner_id, package_id, item_id, number, completion_status, success_status,
                                               lesson_status, score_raw, score_min, score_max, score_scaled,
                                               total_seconds, started_at, updated_at)
                    VALUES (?, ?, ?, 1, ?, ?, ?, ?, 0, 100, ?, ?, ?, ?)""", learnerId, a.item().packageId(),
                    a.item().itemId(), a.completion(), a.success(), lessonStatus,
                    a.scaled() == null ? null : a.scaled() * 100, a.scaled(), a.seconds(), a.started(), a.updated());
        }
        return attempts.size();
    }
}
