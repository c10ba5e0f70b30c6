package be.stek.cohort;

import be.stek.course.Course;
import be.stek.progress.CourseStatus;
import be.stek.progress.GroupStandings;
import be.stek.quiz.AttemptRepository;
import be.stek.quiz.AttemptRepository.Response;
import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.store.Versions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the facilitator's pages need about every learner of a cohort, kept per learner until that learner's data
 * changes: who they are, their status in each course and their first answers per course. Each view brings the
 * cohort's {@link Mark}, read with the cohort itself ({@link CohortRepository.Stamp}); while it has not moved, the
 * view costs nothing more here. When it has, the view reads
 * the cohort's learners with their data versions (one indexed query) and reloads only the learners whose version
 * moved since the cache read them, so a view of a cohort of 10,000 where a few learners worked since the last view
 * costs that query and a few small reads instead of every learner's rows.
 * <p>
 * The versions are those of {@link Database#versions()}: in memory on SQLite (one process), {@code
 * learner.data_version} on PostgreSQL, raised in the transaction of every write to a learner's progress or attempts,
 * so that a write on one node makes every node's entry for that learner stale. A version is read before the data it
 * tags, so a read racing a write can only leave an entry that is already stale, never a wrong one. Membership is
 * compared as the set of learner ids (joins, removals, role changes and deleted accounts change it); names and
 * e-mail addresses do not change after sign-up.
 */
public final class CohortCache {
    /**
     * When a new cohort comes in and the cached ones hold more than this many learners (counted once, plus once per
     * module whose item analysis is kept), the cache starts again. Measured: about 1.6 kB per learner for their
     * statuses and one module's first answers (10,000 learners: 16 MB), so this keeps it near 80 MB, within the
     * README's 256 MB heap.
     */
    static final int MAX_LEARNERS = 50_000;

    private final Database db;
    private final Versions versions;
    private final CohortRepository cohorts;
    private final GroupStandings standings;
    private final AttemptRepository attempts;
    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();

    /** A cohort's learners sorted by name, and the status of each in each course (absent: not started). */
    public record Standings(List<CohortRepository.Member> learners, Map<Long, Map<String, CourseStatus>> statuses) {
    }

    /**
     * What a cohort's cached data was read at: the cohort's {@code members_version} (raised by the database whenever
     * its membership changes) and a sum that moves whenever one of its learners' data changes: in memory, the sum of
     * their versions; in the database, the sum of the cohort's 16 stripe counters ({@code cohort_data_version},
     * raised with each learner's version). While both are what they were, no learner joined, left or changed: one
     * short read tells, however large the cohort.
     */
    private record Mark(long members, long versions) {
    }

    /**
     * Values per learner read at known versions; {@code key} is what they were computed for (the courses, compared
     * by identity, so that a reloaded course starts afresh) and {@code derived} what was computed from all of them.
     */
    private record Entry<T>(List<Course> key, Mark mark, Map<Long, Long> versions, Map<Long, T> values,
                            Object derived) {
    }

    /** Everything cached for one cohort; refreshed under its own lock, read from immutable entries. */
    private static final class Slot {
        private Map<Long, CohortRepository.Member> members = Map.of();
        private List<CohortRepository.Member> byName = List.of();
        private Entry<Map<String, CourseStatus>> statuses;
        private final Map<String, Entry<List<Response>>> answers = new HashMap<>();
    }

    public CohortCache(Database db, CohortRepository cohorts, GroupStandings standings, AttemptRepository attempts) {
        this.db = db;
        this.versions = db.versions();
        this.cohorts = cohorts;
        this.standings = standings;
        this.attempts = attempts;
    }

    /**
     * Every learner of the cohort with their status in each of {@code courses}; {@code stamp} is the cohort's, just
     * read with the cohort itself ({@link CohortRepository#findFor}), so an unchanged cohort costs no read here.
     */
    public Standings standings(long cohortId, CohortRepository.Stamp stamp, List<Course> courses) {
        Slot slot = slot(cohortId);
        Entry<Map<String, CourseStatus>> entry = current(cohortId, stamp, slot, courses, s -> s.statuses,
                (s, e) -> s.statuses = e, changed -> standings.ofLearners(cohortId, changed, courses),
                () -> standings.ofCohort(cohortId, courses), values -> null);
        synchronized (slot) {
            return new Standings(slot.byName, entry.values());
        }
    }

    /**
     * The item analysis of a course over the cohort's first answers, recomputed only when a learner's answers (or the
     * cohort) changed since the last view; {@code stamp} as for {@link #standings}.
     */
    public List<ItemAnalysis.Item> items(long cohortId, CohortRepository.Stamp stamp, Course course) {
        Slot slot = slot(cohortId);
        Entry<List<Response>> entry = current(cohortId, stamp, slot, List.of(course),
                s -> s.answers.get(course.slug()), (s, e) -> s.answers.put(course.slug(), e),
                changed -> byLearner(attempts.firstAttemptAnswers(course.slug(), cohortId, changed)),
                () -> byLearner(attempts.firstAttemptAnswers(course.slug(), cohortId)), CohortCache::analyse);
        @SuppressWarnings("unchecked")
        List<ItemAnalysis.Item> items = (List<ItemAnalysis.Item>) entry.derived();
        return items;
    }

    /**
     * The slot's entry, as it is when the cohort's mark has not moved since it was made, else
     * brought up to date with the learners' versions (one query) and reads of the learners whose version moved.
     */
    private <T> Entry<T> current(long cohortId, CohortRepository.Stamp stamp, Slot slot, List<Course> key,
                                 Function<Slot, Entry<T>> get, java.util.function.BiConsumer<Slot, Entry<T>> put,
                                 Function<List<Long>, Map<Long, T>> readSome,
                                 java.util.function.Supplier<Map<Long, T>> readAll,
                                 Function<Map<Long, T>, Object> derive) {
        Entry<T> old;
        synchronized (slot) {
            old = get.apply(slot);
        }
        boolean usable = old != null && sameCourses(old.key(), key);
        Mark read = mark(stamp, usable ? old.versions().keySet() : Set.of());
        if (usable && read.equals(old.mark())) {
            return old;
        }
        Map<Long, Long> now = learners(cohortId);
        // The database's mark was read before the versions (a write in between shows as a moved mark next time); in
        // memory, the mark is the sum of the versions just read.
        Mark mark = db.shared() ? read : new Mark(read.members(), sum(now.values()));
        synchronized (slot) {
            members(slot, cohortId, now);
            Entry<T> entry = refresh(get.apply(slot), key, mark, now, readSome, readAll, derive);
            put.accept(slot, entry);
            return entry;
        }
    }

    /**
     * The cohort's mark from its {@code stamp}; {@code learners} are the learners of the entry it is compared with
     * (where versions live in memory their sum is taken here; in the database the stamp carries the sum of the
     * cohort's stripe counters).
     */
    private Mark mark(CohortRepository.Stamp stamp, Set<Long> learners) {
        return new Mark(stamp.members(), db.shared() ? stamp.data() : versions.sum(learners));
    }

    private static long sum(java.util.Collection<Long> values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum;
    }

    /** The cohort's learners and their versions now: one query. */
    private Map<Long, Long> learners(long cohortId) {
        String sql = db.shared() ? """
                SELECT m.learner_id, l.data_version FROM cohort_member m JOIN learner l ON l.id = m.learner_id
                WHERE m.cohort_id = ? AND m.role = 'learner'"""
                : "SELECT learner_id, 0 FROM cohort_member WHERE cohort_id = ? AND role = 'learner'";
        Map<Long, Long> now = new HashMap<>();
        db.read(c -> Sql.list(c, sql, rs -> now.put(rs.getLong(1), versions.current(rs.getLong(1), rs.getLong(2))),
                cohortId));
        return now;
    }

    private Slot slot(long cohortId) {
        Slot slot = slots.get(cohortId);
        if (slot != null) {
            return slot;
        }
        if (slots.values().stream().mapToInt(s -> s.members.size() * (1 + s.answers.size())).sum() > MAX_LEARNERS) {
            slots.clear();
        }
        return slots.computeIfAbsent(cohortId, k -> new Slot());
    }

    /** Reads the members again when the set of learners changed (names do not change, so only then). */
    private void members(Slot slot, long cohortId, Map<Long, Long> now) {
        if (slot.members.keySet().equals(now.keySet())) {
            return;
        }
        Map<Long, CohortRepository.Member> members = new HashMap<>();
        for (CohortRepository.Member m : cohorts.members(cohortId)) {
            if (m.role().equals("learner")) {
                members.put(m.id(), m);
            }
        }
        // A learner who joined between the two reads is left for the next view (their version is not known yet).
        members.keySet().retainAll(now.keySet());
        now.keySet().retainAll(members.keySet());
        slot.members = members;
        slot.byName = members.values().stream()
                .sorted(Comparator.comparing(CohortRepository.Member::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(CohortRepository.Member::id)).toList();
    }

    /**
     * The entry brought up to the versions {@code now}: learners whose version moved are read again (with the
     * cohort-wide query when that is most of them), learners who left are dropped, and {@code derive} runs again only
     * when anything changed.
     */
    private static <T> Entry<T> refresh(Entry<T> old, List<Course> key, Mark mark, Map<Long, Long> now,
                                        Function<List<Long>, Map<Long, T>> readSome,
                                        java.util.function.Supplier<Map<Long, T>> readAll,
                                        Function<Map<Long, T>, Object> derive) {
        boolean same = old != null && sameCourses(old.key(), key);
        List<Long> changed = new ArrayList<>();
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            if (!same || !e.getValue().equals(old.versions().get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        if (same && changed.isEmpty() && old.versions().size() == now.size()) {
            return new Entry<>(key, mark, old.versions(), old.values(), old.derived());
        }
        Map<Long, T> values;
        if (!same || changed.size() > now.size() / 4) {
            values = new HashMap<>(readAll.get());
        } else {
            values = new HashMap<>(old.values());
            changed.forEach(values::remove);
            values.putAll(readSome.apply(changed));
        }
        values.keySet().retainAll(now.keySet());
        return new Entry<>(key, mark, Map.copyOf(now), values, derive.apply(values));
    }

    private static boolean sameCourses(List<Course> a, List<Course> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Answers per learner. The question text and options, the same for every learner who saw that version of the
     * question, are kept once: a cohort of 10,000 has some 45,000 first answers in a module.
     */
    private static Map<Long, List<Response>> byLearner(List<Response> responses) {
        Map<String, String> shared = new HashMap<>();
        Map<Long, List<Response>> out = new HashMap<>();
        for (Response r : responses) {
            out.computeIfAbsent(r.learnerId(), k -> new ArrayList<>()).add(new Response(r.learnerId(),
                    shared.computeIfAbsent(r.activity(), k -> k), r.position(),
                    shared.computeIfAbsent(r.question(), k -> k), shared.computeIfAbsent(r.questionText(), k -> k),
                    shared.computeIfAbsent(r.optionsJson(), k -> k), List.copyOf(r.chosen()), r.score()));
        }
        return out;
    }

    /** The analysis over every learner's answers, in the order of one cohort-wide read (activity, position). */
    private static List<ItemAnalysis.Item> analyse(Map<Long, List<Response>> byLearner) {
        List<Response> all = new ArrayList<>();
        byLearner.values().forEach(all::addAll);
        all.sort(Comparator.comparing(Response::activity).thenComparingInt(Response::position));
        return ItemAnalysis.analyse(all);
    }
}
