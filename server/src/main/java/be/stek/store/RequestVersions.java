package be.stek.store;

import java.util.HashMap;
import java.util.Map;

/**
 * Learner versions read from the database during one request, on its thread: a page asks for the same learner's
 * version once per cached part (lesson states, answers, journal, …), and each ask was a round trip to PostgreSQL.
 * Within a request one read is enough; the next request reads again, so a write on another node is seen by the next
 * page. The request's own writes drop the learner's entry ({@link Versions#touch}), so it reads its writes. Threads
 * outside a request (sweeps, mail) have no scope and read every time.
 * <p>
 * The same holds for the other versions that cached parts check: the package catalogue's ({@link #shared}) and a
 * learner's {@link GroupsStamp} ({@link #once}). The session's row carries all three, so a page whose parts are all
 * cached reads nothing else. Pages that change groups or assignments answer with a redirect, so the next request
 * reads the new versions.
 */
public final class RequestVersions {
    private static final ThreadLocal<Map<Long, Long>> SEEN = new ThreadLocal<>();
    private static final ThreadLocal<Map<String, Long>> SHARED = new ThreadLocal<>();
    private static final ThreadLocal<Map<String, Object>> ONCE = new ThreadLocal<>();

    private RequestVersions() {
    }

    /** Starts a request's scope on this thread (the front servlet, around each request). */
    public static void begin() {
        SEEN.set(new HashMap<>());
        SHARED.set(new HashMap<>());
        ONCE.set(new HashMap<>());
    }

    /** Ends it. */
    public static void end() {
        SEEN.remove();
        SHARED.remove();
        ONCE.remove();
    }

    /** A version read with other data (the session's row carries the visitor's), kept for the rest of the request. */
    public static void seen(long learner, long version) {
        Map<Long, Long> seen = SEEN.get();
        if (seen != null) {
            seen.put(learner, version);
        }
    }

    static Long get(long learner) {
        Map<Long, Long> seen = SEEN.get();
        return seen == null ? null : seen.get(learner);
    }

    static void forget(long learner) {
        Map<Long, Long> seen = SEEN.get();
        if (seen != null) {
            seen.remove(learner);
        }
    }

    /**
     * A version of shared data ({@code shared_version}, e.g. {@code packages}) read with other data, kept for the rest
     * of the request.
     */
    public static void seenShared(String name, long version) {
        Map<String, Long> seen = SHARED.get();
        if (seen != null) {
            seen.put(name, version);
        }
    }

    /** The version of {@code name} seen in this request, or null. */
    public static Long shared(String name) {
        Map<String, Long> seen = SHARED.get();
        return seen == null ? null : seen.get(name);
    }

    /** Forgets it (after this request changed that data, on the request's thread). */
    public static void forgetShared(String name) {
        Map<String, Long> seen = SHARED.get();
        if (seen != null) {
            seen.remove(name);
        }
    }

    /**
     * A read that several parts of one page need (a learner's {@link GroupsStamp}): made once per request under
     * {@code key}; outside a request, every time.
     */
    @SuppressWarnings("unchecked")
    public static <T> T once(String key, java.util.function.Supplier<T> read) {
        Map<String, Object> done = ONCE.get();
        if (done == null) {
            return read.get();
        }
        Object value = done.get(key);
        if (value == null) {
            value = read.get();
            done.put(key, value);
        }
        return (T) value;
    }

    /** A value read with other data (the session's row) for {@link #once} under {@code key} in this request. */
    public static void remember(String key, Object value) {
        Map<String, Object> done = ONCE.get();
        if (done != null) {
            done.put(key, value);
        }
    }
}
