package be.stek.progress;

import be.stek.store.Database;
import be.stek.store.LearnerCache;
import be.stek.store.Sql;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Lesson progress per learner: started or done, first and last seen. */
public final class ProgressRepository {

    /** The state of one lesson for one learner. */
    public record LessonState(String lesson, String state, String lastSeen, String doneAt) {
        public boolean done() {
            return "done".equals(state);
        }
    }

    private final Database db;
    private final LearnerCache cache;

    public ProgressRepository(Database db) {
        this.db = db;
        this.cache = new LearnerCache(db.versions());
    }

    /** The learner's lesson states in a course (read on every page view, so cached until the learner's next write). */
    public Map<String, LessonState> states(long learnerId, String course) {
        return cache.get(learnerId, course, () -> {
            Map<String, LessonState> out = new LinkedHashMap<>();
            db.read(c -> Sql.list(c, "SELECT * FROM lesson_progress WHERE learner_id = ? AND course = ?",
                    rs -> new LessonState(rs.getString("lesson"), rs.getString("state"), rs.getString("last_seen"),
                            rs.getString("done_at")), learnerId, course)).forEach(s -> out.put(s.lesson(), s));
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    public Optional<String> lastVisited(long learnerId, String course) {
        return db.read(c -> Sql.one(c, """
                SELECT lesson FROM lesson_progress WHERE learner_id = ? AND course = ?
                ORDER BY last_seen DESC LIMIT 1""", rs -> rs.getString(1), learnerId, course));
    }

    /** How stale "last seen" may get before a page view records it again: reloads do not each cost a write. */
    static final java.time.Duration LAST_SEEN_PRECISION = java.time.Duration.ofMinutes(1);

    /**
     * Records a visit. The first visit changes the lesson's state, so it is durable before the page is answered;
     * later visits only move "last seen" (at most once a minute) and are committed with the next batch without
     * waiting.
     */
    public void visit(long learnerId, String course, String lesson, LessonState known, Instant now) {
        if (known != null && Instant.parse(known.lastSeen()).plus(LAST_SEEN_PRECISION).isAfter(now)) {
            return;
        }
        if (known == null) {
            db.write(c -> {
                cache.changing(c, learnerId);
                return Sql.update(c, """
                        INSERT INTO lesson_progress (learner_id, course, lesson, state, first_seen, last_seen)
                        VALUES (?, ?, ?, 'started', ?, ?)
                        ON CONFLICT (learner_id, course, lesson) DO UPDATE SET last_seen = excluded.last_seen""",
                        learnerId, course, lesson, now, now);
            });
            cache.changed(learnerId);
        } else {
            db.writeLater(c -> {
                cache.changing(c, learnerId);
                return Sql.update(c, """
                        UPDATE lesson_progress SET last_seen = ? WHERE learner_id = ? AND course = ? AND lesson = ?""",
                        now, learnerId, course, lesson);
            }, () -> cache.changed(learnerId));
        }
    }

    public void markDone(long learnerId, String course, String lesson, Instant now) {
        db.write(c -> {
            cache.changing(c, learnerId);
            return Sql.update(c, """
                    INSERT INTO lesson_progress (learner_id, course, lesson, state, first_seen, last_seen, done_at)
                    VALUES (?, ?, ?, 'done', ?, ?, ?)
                    ON CONFLICT (learner_id, course, lesson)
                    DO UPDATE SET state = 'done', last_seen = excluded.last_seen,
                                  done_at = coalesce(lesson_progress.done_at, excluded.done_at)""",
                    learnerId, course, lesson, now, now, now);
        });
        cache.changed(learnerId);
    }

    /** The last time a learner did something in each course (cached until the learner's next write). */
    public Map<String, String> lastSeenPerCourse(long learnerId) {
        // The scope cannot be a course slug (those are lower-case letters, digits and dashes).
        return cache.get(learnerId, "last seen", () -> {
            Map<String, String> out = new LinkedHashMap<>();
            db.read(c -> Sql.list(c, """
                    SELECT course, max(last_seen) FROM lesson_progress WHERE learner_id = ? GROUP BY course""",
                    rs -> Map.entry(rs.getString(1), rs.getString(2)), learnerId))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return java.util.Collections.unmodifiableMap(out);
        });
    }
}
