package be.stek.quiz;

import be.stek.store.Database;
import be.stek.store.LearnerCache;
import be.stek.store.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attempts and answers. Recording an answer and finishing the attempt happen in one transaction. */
public final class AttemptRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A learner's results for one activity: best score, number of finished attempts, when last finished. */
    public record Best(String activity, double score, int attempts, String lastFinished) {
    }

    /** How an answer changes its attempt: the next step, and the ending and score when it finishes it. */
    public record Outcome(String nextStep, String ending, Double finalScore) {
    }

    private final Database db;
    private final LearnerCache cache;

    public AttemptRepository(Database db) {
        this.db = db;
        this.cache = new LearnerCache(db.versions());
    }

    private static Attempt map(ResultSet rs) throws SQLException {
        return new Attempt(rs.getLong("id"), rs.getLong("learner_id"), rs.getString("course"),
                rs.getString("activity"), rs.getString("kind"), rs.getInt("number"), rs.getString("version"),
                Plan.fromJson(rs.getString("plan")), rs.getString("current_step"), rs.getString("ending"),
                rs.getString("started_at"), rs.getString("finished_at"), Sql.doubleOrNull(rs, "score"),
                rs.getInt("graded") == 1);
    }

    private static Answer mapAnswer(ResultSet rs) throws SQLException {
        return new Answer(rs.getLong("attempt_id"), rs.getInt("position"), rs.getString("question"),
                rs.getString("question_text"), rs.getString("question_kind"), rs.getString("version"),
                rs.getString("options"), chosen(rs.getString("chosen")), rs.getString("chosen_text"),
                rs.getDouble("score"), rs.getString("answered_at"), rs.getLong("time_ms"));
    }

    /**
     * Returns the learner's unfinished attempt at the activity, or starts the next one. Starting twice (a double
     * click) therefore gives one attempt.
     */
    public long openOrStart(long learnerId, String course, String activity, String kind, String version, Plan plan,
                            String startStep, boolean graded, Instant now) {
        long id = db.write(c -> {
            Optional<Long> open = Sql.one(c, """
                    SELECT id FROM quiz_attempt
                    WHERE learner_id = ? AND course = ? AND activity = ? AND finished_at IS NULL""",
                    rs -> rs.getLong(1), learnerId, course, activity);
            if (open.isPresent()) {
                return open.get();
            }
            cache.changing(c, learnerId);
            int number = Sql.one(c, "SELECT coalesce(max(number), 0) + 1 FROM quiz_attempt WHERE learner_id = ? AND course = ? AND activity = ?",
                    rs -> rs.getInt(1), learnerId, course, activity).orElse(1);
            return Sql.insert(c, """
                    INSERT INTO quiz_attempt (learner_id, course, activity, kind, number, version, plan, current_step,
                                              started_at, graded)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    learnerId, course, activity, kind, number, version, plan.toJson(), startStep, now, graded ? 1 : 0);
        });
        cache.changed(learnerId);
        return id;
    }

    public Optional<Attempt> find(long id) {
        return db.read(c -> Sql.one(c, "SELECT * FROM quiz_attempt WHERE id = ?", AttemptRepository::map, id));
    }

    /** A learner's results for one activity and the attempt they left unfinished, if any. */
    public record Summary(Best best, Long openAttempt) {
    }

    /** Best results and unfinished attempts per activity of a course, in one query (the lesson page's need). */
    public Map<String, Summary> summaries(long learnerId, String course) {
        return cache.get(learnerId, "summaries " + course, () -> java.util.Collections.unmodifiableMap(
                loadSummaries(learnerId, course)));
    }

    private Map<String, Summary> loadSummaries(long learnerId, String course) {
        Map<String, Summary> out = new LinkedHashMap<>();
        db.read(c -> Sql.list(c, """
                SELECT activity, max(score) AS best, count(finished_at) AS n, max(finished_at) AS last,
                       max(CASE WHEN finished_at IS NULL THEN id END) AS open
                FROM quiz_attempt WHERE learner_id = ? AND course = ? GROUP BY activity""",
                rs -> Map.entry(rs.getString("activity"), new Summary(rs.getInt("n") == 0 ? null
                        : new Best(rs.getString("activity"), rs.getDouble("best"), rs.getInt("n"), rs.getString("last")),
                        Sql.longOrNull(rs, "open"))), learnerId, course))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public List<Answer> answers(long attemptId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM answer WHERE attempt_id = ? ORDER BY position",
                AttemptRepository::mapAnswer, attemptId));
    }

    /** What an answer stores and what it does to its attempt. */
    public record Recording(Answer answer, Outcome outcome) {
    }

    /** Decides what an answer stores, from its attempt and that attempt's answers as they are inside the write. */
    @FunctionalInterface
    public interface Decision {
        /** The answer to store and how it moves the attempt on, or null when there is nothing to store. */
        Recording decide(Attempt attempt, List<Answer> answers);
    }

    /**
     * Records one answer as one use case in one write transaction: reads the attempt and its answers, lets
     * {@code decision} compute the position, whether the attempt is finished and its score, inserts the answer and
     * updates the attempt. It runs on the single writer, so no other answer to the attempt comes between the read and
     * the write; the unique keys (attempt, question) and (attempt, position) back that up. Returns false when nothing
     * was stored (a resent answer, or an attempt finished meanwhile).
     */
    public boolean record(long attemptId, Decision decision) {
        Optional<Long> learner = db.write(c -> {
            Attempt attempt = Sql.one(c, "SELECT * FROM quiz_attempt WHERE id = ?", AttemptRepository::map, attemptId)
                    .orElse(null);
            if (attempt == null) {
                return Optional.empty();
            }
            Recording r = decision.decide(attempt, Sql.list(c, "SELECT * FROM answer WHERE attempt_id = ? ORDER BY position",
                    AttemptRepository::mapAnswer, attemptId));
            if (r == null) {
                return Optional.empty();
            }
            cache.changing(c, attempt.learnerId());
            insert(c, r.answer());
            Outcome o = r.outcome();
            Sql.update(c, "UPDATE quiz_attempt SET current_step = ?, ending = ?, score = ?, finished_at = ? WHERE id = ?",
                    o.nextStep(), o.ending(), o.finalScore(), o.finalScore() == null ? null : r.answer().answeredAt(),
                    attemptId);
            return Optional.of(attempt.learnerId());
        });
        learner.ifPresent(cache::changed);
        return learner.isPresent();
    }

    private static void insert(Connection c, Answer a) throws SQLException {
        Sql.update(c, """
                INSERT INTO answer (attempt_id, position, question, question_text, question_kind, version, options,
                                    chosen, chosen_text, score, answered_at, time_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.attemptId(), a.position(), a.question(), a.questionText(), a.questionKind(), a.version(),
                a.optionsJson(), toJson(a.chosen()), a.chosenText(), a.score(), a.answeredAt(), a.timeMs());
    }

    private static List<String> chosen(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("stored answer is not JSON", e);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Best finished result per activity of a course, for one learner. */
    public Map<String, Best> best(long learnerId, String course) {
        Map<String, Best> out = new LinkedHashMap<>();
        summaries(learnerId, course).forEach((activity, summary) -> {
            if (summary.best() != null) {
                out.put(activity, summary.best());
            }
        });
        return out;
    }

    /**
     * An answer in a learner's first finished attempt at an activity: the material of item analysis. {@code position}
     * is the answer's place in its attempt (the question's order in the case).
     */
    public record Response(long learnerId, String activity, int position, String question, String questionText,
                           String optionsJson, List<String> chosen, double score) {
    }

    /**
     * Every answer given in the first finished attempt of each learner of a cohort at each activity of a course,
     * ordered by activity and position. First attempts measure what learners knew; retries after reading the feedback
     * would flatter the items. One query joined to the cohort, whatever its size (no parameter per learner).
     */
    public List<Response> firstAttemptAnswers(String course, long cohortId) {
        return firstAttemptAnswers(course, cohortId, "");
    }

    /** The same for some learners of the cohort (at most a few hundred: one parameter each). */
    public List<Response> firstAttemptAnswers(String course, long cohortId, List<Long> learners) {
        if (learners.isEmpty()) {
            return List.of();
        }
        return firstAttemptAnswers(course, cohortId, " AND m.learner_id IN ("
                + String.join(",", java.util.Collections.nCopies(learners.size(), "?")) + ")", learners.toArray());
    }

    private List<Response> firstAttemptAnswers(String course, long cohortId, String andLearners, Object... learners) {
        Object[] params = new Object[learners.length + 2];
        params[0] = cohortId;
        params[1] = course;
        System.arraycopy(learners, 0, params, 2, learners.length);
        return db.read(c -> Sql.list(c, """
                SELECT t.learner_id, t.activity, a.position, a.question, a.question_text, a.options, a.chosen, a.score
                FROM cohort_member m JOIN quiz_attempt t ON t.learner_id = m.learner_id
                JOIN answer a ON a.attempt_id = t.id
                WHERE m.cohort_id = ? AND m.role = 'learner' AND t.course = ? AND t.finished_at IS NOT NULL
                  AND t.graded = 1
                  AND t.number = (SELECT min(x.number) FROM quiz_attempt x WHERE x.learner_id = t.learner_id
                                  AND x.course = t.course AND x.activity = t.activity AND x.finished_at IS NOT NULL)                """ + andLearners + """

                ORDER BY t.activity, a.position""", rs -> new Response(rs.getLong("learner_id"),
                rs.getString("activity"), rs.getInt("position"), rs.getString("question"), rs.getString("question_text"),
                rs.getString("options"), chosen(rs.getString("chosen")), rs.getDouble("score")), params));
    }

    /** The most recent attempt time of a learner per course (for "last activity"). */
    public Map<String, String> lastActivity(long learnerId) {
        return cache.get(learnerId, "last activity", () -> {
            Map<String, String> out = new LinkedHashMap<>();
            db.read(c -> Sql.list(c, """
                    SELECT course, max(coalesce(finished_at, started_at)) AS last FROM quiz_attempt
                    WHERE learner_id = ? GROUP BY course""", rs -> Map.entry(rs.getString(1), rs.getString(2)),
                    learnerId)).forEach(e -> out.put(e.getKey(), e.getValue()));
            return java.util.Collections.unmodifiableMap(out);
        });
    }
}
