package be.stek.scorm;

/**
 * A commit refused because it would store more than {@link StorageLimits} allows; thrown inside the commit's
 * transaction, so nothing of it (not even the session of a first commit) is kept. {@code key} names the message.
 */
final class StorageFull extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    StorageFull(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
