package be.stek.progress;

import be.stek.course.Course;
import be.stek.quiz.AttemptRepository;
import be.stek.store.Database;
import be.stek.store.Sql;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every learner of a cohort stands in each course, read with two grouped queries (lesson states, and best
 * attempts per activity) however many learners the cohort has: the dashboard and its CSV cost the same number of
 * queries for 20 learners as for 10,000. The result is the same as {@link Standings#of} per learner.
 */
public final class GroupStandings {
    /** Learners per query when reading some learners of a cohort. */
    public static final int CHUNK = 500;

    private final Database db;

    public GroupStandings(Database db) {
        this.db = db;
    }

    private record LessonRow(long learner, String course, ProgressRepository.LessonState state) {
    }

    private record BestRow(long learner, String course, AttemptRepository.Best best, String seen) {
    }

    /** Per learner (only those with any progress or attempt), per course slug: their status. */
    public Map<Long, Map<String, CourseStatus>> ofCohort(long cohortId, List<Course> courses) {
        return of(courses, "m.cohort_id = ? AND m.role = 'learner'", cohortId);
    }

    /**
     * The same for some learners of a cohort (those whose data changed since a cache read them), in chunks of
     * {@value #CHUNK} so that no query has more parameters than a store allows.
     */
    public Map<Long, Map<String, CourseStatus>> ofLearners(long cohortId, List<Long> learners, List<Course> courses) {
        Map<Long, Map<String, CourseStatus>> out = new HashMap<>();
        for (int from = 0; from < learners.size(); from += CHUNK) {
            List<Long> chunk = learners.subList(from, Math.min(learners.size(), from + CHUNK));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = cohortId;
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 1] = chunk.get(i);
            }
            out.putAll(of(courses, "m.cohort_id = ? AND m.role = 'learner' AND m.learner_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", params));
        }
        return out;
    }

    private Map<Long, Map<String, CourseStatus>> of(List<Course> courses, String members, Object... params) {
        List<LessonRow> lessons = db.read(c -> Sql.list(c, """
                SELECT p.learner_id, p.course, p.lesson, p.state, p.last_seen, p.done_at
                FROM cohort_member m JOIN lesson_progress p ON p.learner_id = m.learner_id
                WHERE\s""" + members, rs -> new LessonRow(rs.getLong(1), rs.getString(2),
                new ProgressRepository.LessonState(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))),
                params));
        List<BestRow> bests = db.read(c -> Sql.list(c, """
                SELECT t.learner_id, t.course, t.activity, max(t.score) AS best, count(t.finished_at) AS n,
                       max(t.finished_at) AS last, max(coalesce(t.finished_at, t.started_at)) AS seen
                FROM cohort_member m JOIN quiz_attempt t ON t.learner_id = m.learner_id
                WHERE\s""" + members + """

                GROUP BY t.learner_id, t.course, t.activity""", rs -> new BestRow(rs.getLong(1), rs.getString(2),
                rs.getInt("n") == 0 ? null : new AttemptRepository.Best(rs.getString(3), rs.getDouble("best"),
                        rs.getInt("n"), rs.getString("last")), rs.getString("seen")), params));
        Map<Long, Map<String, Map<String, ProgressRepository.LessonState>>> states = new HashMap<>();
        Map<Long, Map<String, String>> lessonSeen = new HashMap<>();
        for (LessonRow r : lessons) {
            states.computeIfAbsent(r.learner(), k -> new HashMap<>()).computeIfAbsent(r.course(), k -> new HashMap<>())
                    .put(r.state().lesson(), r.state());
            lessonSeen.computeIfAbsent(r.learner(), k -> new HashMap<>()).merge(r.course(), r.state().lastSeen(),
                    GroupStandings::latest);
        }
        Map<Long, Map<String, Map<String, AttemptRepository.Best>>> best = new HashMap<>();
        Map<Long, Map<String, String>> attemptSeen = new HashMap<>();
        for (BestRow r : bests) {
            if (r.best() != null) {
                best.computeIfAbsent(r.learner(), k -> new HashMap<>()).computeIfAbsent(r.course(), k -> new HashMap<>())
                        .put(r.best().activity(), r.best());
            }
            attemptSeen.computeIfAbsent(r.learner(), k -> new HashMap<>()).merge(r.course(), r.seen(),
                    GroupStandings::latest);
        }
        Map<Long, Map<String, CourseStatus>> out = new HashMap<>();
        for (Long learner : union(states.keySet(), attemptSeen.keySet())) {
            Map<String, CourseStatus> mine = new HashMap<>();
            for (Course course : courses) {
                String slug = course.slug();
                mine.put(slug, CourseStatus.of(course,
                        states.getOrDefault(learner, Map.of()).getOrDefault(slug, Map.of()),
                        best.getOrDefault(learner, Map.of()).getOrDefault(slug, Map.of()),
                        latest(lessonSeen.getOrDefault(learner, Map.of()).get(slug),
                                attemptSeen.getOrDefault(learner, Map.of()).get(slug))));
            }
            out.put(learner, mine);
        }
        return out;
    }

    /** The status of a learner with no progress and no attempt in the course. */
    public static CourseStatus untouched(Course course) {
        return CourseStatus.of(course, Map.of(), Map.of(), null);
    }

    private static java.util.Set<Long> union(java.util.Set<Long> a, java.util.Set<Long> b) {
        java.util.Set<Long> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String latest(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
