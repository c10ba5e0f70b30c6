package be.stek.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often each learner's data has changed: a {@link LearnerCache} entry is good while the learner's version is the
 * one it was read at. In one process the versions live in memory; when several processes share the database
 * (PostgreSQL) they live in the database ({@code learner.data_version}), so that a write on one node makes every
 * other node's cache of that learner stale before the writer's answer leaves.
 */
public interface Versions {

    /** The learner's version now. */
    long current(long learner);

    /**
     * The learner's version now, given {@code stored}, their {@code learner.data_version} just read with other rows:
     * lets a caller check many learners with the one query it already makes instead of one read each.
     */
    long current(long learner, long stored);

    /**
     * The sum of these learners' versions (which only grow, so the sum moves when any of them changes). Where the
     * versions live in the database this is one read per learner: there, a cohort's stripe counters
     * ({@code cohort_data_version}, raised by {@link #touch}) tell the same in one read (as {@code CohortCache} uses).
     */
    long sum(java.util.Collection<Long> learners);

    /**
     * Raises the learner's version inside the transaction that changes their data, so that the new version commits
     * (or not) with the data: shared versions then never lag behind the data, not even after a crash between the two.
     */
    void touch(Connection c, long learner) throws SQLException;

    /** Marks everything cached about the learner as stale; call after the change has committed. */
    void bump(long learner);

    /** Counters per cohort in {@code cohort_data_version}: a learner counts on this one. */
    int STRIPES = 16;

    static int stripe(long learner) {
        return (int) Math.floorMod(learner, (long) STRIPES);
    }

    /** Versions of one process. */
    static Versions inMemory() {
        Map<Long, AtomicLong> versions = new ConcurrentHashMap<>();
        return new Versions() {
            @Override
            public long current(long learner) {
                return versions.computeIfAbsent(learner, l -> new AtomicLong()).get();
            }

            @Override
            public long current(long learner, long stored) {
                AtomicLong v = versions.get(learner);
                return v == null ? 0 : v.get();
            }

            @Override
            public long sum(java.util.Collection<Long> learners) {
                long sum = 0;
                for (Long learner : learners) {
                    AtomicLong v = versions.get(learner);
                    sum += v == null ? 0 : v.get();
                }
                return sum;
            }

            @Override
            public void touch(Connection c, long learner) {
                // one process: bump() after the commit is enough
            }

            @Override
            public void bump(long learner) {
                versions.computeIfAbsent(learner, l -> new AtomicLong()).incrementAndGet();
            }
        };
    }

    /**
     * Versions in the database, shared by every node (one indexed read per learner and request, see {@link
     * RequestVersions}; two statements per change: the learner's version and their stripe in each of their cohorts).
     */
    static Versions inDatabase(Database db) {
        return new Versions() {
            @Override
            public long current(long learner) {
                Long seen = RequestVersions.get(learner);
                if (seen != null) {
                    return seen;
                }
                long version = db.read(c -> Sql.one(c, "SELECT data_version FROM learner WHERE id = ?",
                        rs -> rs.getLong(1), learner)).orElse(-1L);
                RequestVersions.seen(learner, version);
                return version;
            }

            @Override
            public long current(long learner, long stored) {
                return stored;
            }

            @Override
            public long sum(java.util.Collection<Long> learners) {
                long sum = 0;
                for (long learner : learners) {
                    sum += current(learner);
                }
                return sum;
            }

            @Override
            public void touch(Connection c, long learner) throws SQLException {
                RequestVersions.forget(learner);
                Sql.update(c, "UPDATE learner SET data_version = data_version + 1 WHERE id = ?", learner);
                // With it, the counter of their stripe in each cohort they learn in (in cohort order, so that two such
                // writes never wait for each other crosswise).
                Sql.update(c, """
                        INSERT INTO cohort_data_version (cohort_id, stripe, version)
                        SELECT cohort_id, ?, 1 FROM cohort_member WHERE learner_id = ? AND role = 'learner'
                        ORDER BY cohort_id
                        ON CONFLICT (cohort_id, stripe) DO UPDATE SET version = cohort_data_version.version + 1""",
                        stripe(learner), learner);
            }

            @Override
            public void bump(long learner) {
                // Raised by touch() in the transaction that changed the data; the request that wrote reads it again
                // (touch() may run on another thread: SQLite's writer).
                RequestVersions.forget(learner);
            }
        };
    }
}
