package be.stek.cohort;

import be.stek.store.Database;
import be.stek.store.Sql;
import java.util.HashMap;
import java.util.Map;

/**
 * What a facilitator's page about one learner reads beyond the course statuses: per case the first and the best
 * finished attempt and the time spent answering, and per module how many reflections were written. Reflections are
 * private: only their number is read, never their text. Three queries per learner, whatever the number of modules.
 */
public final class LearnerReport {
    /** Time on one answer counts for at most this long: a question left open overnight is not half a day's study. */
    static final long MAX_ANSWER_MS = 30 * 60 * 1000;

    /** One case (vignette or branching) of one module. Scores are 0..1; null before a finished attempt. */
    public record CaseResult(String activity, Double first, Double best, int finished, String lastFinished,
                             long timeMs) {
    }

    /** One learner's results in one module, by case id. */
    public record ModuleResults(Map<String, CaseResult> cases, int reflections) {
        public long timeMs() {
            return cases.values().stream().mapToLong(CaseResult::timeMs).sum();
        }
    }

    private final Database db;

    LearnerReport(Database db) {
        this.db = db;
    }

    /** Per module slug: the learner's case results and reflection count (modules with neither are absent). */
    Map<String, ModuleResults> of(long learnerId) {
        record Key(String course, String activity) {
        }
        Map<Key, Long> time = new HashMap<>();
        db.read(c -> Sql.list(c, """
                SELECT t.course, t.activity, sum(CASE WHEN a.time_ms > ? THEN ? ELSE a.time_ms END)
                FROM quiz_attempt t JOIN answer a ON a.attempt_id = t.id
                WHERE t.learner_id = ? GROUP BY t.course, t.activity""",
                rs -> Map.entry(new Key(rs.getString(1), rs.getString(2)), rs.getLong(3)),
                MAX_ANSWER_MS, MAX_ANSWER_MS, learnerId)).forEach(e -> time.put(e.getKey(), e.getValue()));
        Map<String, Map<String, CaseResult>> cases = new HashMap<>();
        db.read(c -> Sql.list(c, """
                SELECT t.course, t.activity, count(t.finished_at) AS n, max(t.score) AS best,
                       max(t.finished_at) AS last,
                       (SELECT x.score FROM quiz_attempt x WHERE x.learner_id = t.learner_id AND x.course = t.course
                          AND x.activity = t.activity AND x.finished_at IS NOT NULL ORDER BY x.number LIMIT 1) AS first
                FROM quiz_attempt t WHERE t.learner_id = ? GROUP BY t.learner_id, t.course, t.activity""", rs -> {
                    Key key = new Key(rs.getString(1), rs.getString(2));
                    int n = rs.getInt("n");
                    return Map.entry(key, new CaseResult(key.activity(), n == 0 ? null : rs.getDouble("first"),
                            n == 0 ? null : rs.getDouble("best"), n, rs.getString("last"), time.getOrDefault(key, 0L)));
                }, learnerId)).forEach(e -> cases.computeIfAbsent(e.getKey().course(), k -> new HashMap<>())
                .put(e.getKey().activity(), e.getValue()));
        Map<String, Integer> reflections = new HashMap<>();
        db.read(c -> Sql.list(c, "SELECT course, count(*) FROM reflection WHERE learner_id = ? GROUP BY course",
                rs -> Map.entry(rs.getString(1), rs.getInt(2)), learnerId))
                .forEach(e -> reflections.put(e.getKey(), e.getValue()));
        Map<String, ModuleResults> out = new HashMap<>();
        for (String course : union(cases.keySet(), reflections.keySet())) {
            out.put(course, new ModuleResults(cases.getOrDefault(course, Map.of()),
                    reflections.getOrDefault(course, 0)));
        }
        return out;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
