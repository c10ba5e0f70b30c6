package be.stek.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads about one learner, kept until that learner's data changes. A repository owns one, caches the reads it
 * makes on every page view, and calls {@link #changing} inside each of its writes and {@link #changed} after it has
 * committed. Entries carry the
 * learner's version at the moment the read began, so a read racing a write can only leave an entry that is already
 * stale, never a wrong one. The versions come from {@link Database#versions()}: in memory for one process, in the
 * database when several nodes share it, so that a learner's next request on any node sees their own writes.
 */
public final class LearnerCache {
    private static final int MAX_ENTRIES = 100_000;

    private record Key(long learner, String scope) {
    }

    private record Entry(long version, Object value) {
    }

    private final Versions versions;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** A cache for one process. */
    public LearnerCache() {
        this(Versions.inMemory());
    }

    public LearnerCache(Versions versions) {
        this.versions = versions;
    }

    /** The cached value for a learner and scope (e.g. a course), loading it when absent or stale. */
    @SuppressWarnings("unchecked")
    public <T> T get(long learner, String scope, Supplier<T> load) {
        long version = versions.current(learner);
        Key key = new Key(learner, scope);
        Entry e = entries.get(key);
        if (e != null && e.version() == version) {
            return (T) e.value();
        }
        T value = load.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(version, value));
        return value;
    }

    /** Call inside every write transaction that changes what this cache holds about the learner. */
    public void changing(java.sql.Connection c, long learner) throws java.sql.SQLException {
        versions.touch(c, learner);
    }

    /** Marks everything cached about a learner as stale; call after the change has committed. */
    public void changed(long learner) {
        versions.bump(learner);
    }
}
