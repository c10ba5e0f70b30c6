package be.stek.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a learner's groups offer them (the modules and packages they assign, their open team sessions) changes only
 * when the learner joins or leaves a group ({@code learner.groups_version}) or one of their groups changes its
 * assignments or opens or closes a team session ({@code cohort.settings_version}, summed over the learner's groups:
 * while the set of groups is the same, the sum moves with any of them). Both are raised by database triggers, so
 * every node sees them. The session's row carries them ({@link #seen}); otherwise they are read once per request.
 */
public record GroupsStamp(long groups, long settings) {

    /** The SQL of the stamp for the learner row aliased {@code l}: two columns, {@code groups_version} and this. */
    public static final String SETTINGS_SQL = """
            (SELECT coalesce(sum(gc.settings_version), 0) FROM cohort_member gm JOIN cohort gc ON gc.id = gm.cohort_id
             WHERE gm.learner_id = l.id)""";

    private static String key(long learner) {
        return "groups:" + learner;
    }

    /** The stamp read with the learner's session, kept for the rest of the request. */
    public static void seen(long learner, long groups, long settings) {
        RequestVersions.remember(key(learner), new GroupsStamp(groups, settings));
    }

    /** The learner's stamp now: as seen in this request, else one read. */
    public static GroupsStamp of(Database db, long learner) {
        return RequestVersions.once(key(learner), () -> db.read(c -> Sql.one(c,
                "SELECT l.groups_version, " + SETTINGS_SQL + " FROM learner l WHERE l.id = ?",
                rs -> new GroupsStamp(rs.getLong(1), rs.getLong(2)), learner)).orElse(new GroupsStamp(-1, -1)));
    }

    /**
     * Values per learner kept by one node while the learner's stamp stays the same (the stamp is read before the
     * value, so a change racing the read leaves an entry that is already stale). Starts again above 20,000 learners.
     */
    public static final class Kept<T> {
        private record Entry<T>(GroupsStamp stamp, T value) {
        }

        private final Map<Long, Entry<T>> entries = new ConcurrentHashMap<>();

        public T get(Database db, long learner, Supplier<T> read) {
            GroupsStamp stamp = of(db, learner);
            Entry<T> e = entries.get(learner);
            if (e != null && e.stamp().equals(stamp)) {
                return e.value();
            }
            T value = read.get();
            if (entries.size() > 20_000) {
                entries.clear();
            }
            entries.put(learner, new Entry<>(stamp, value));
            return value;
        }
    }
}
