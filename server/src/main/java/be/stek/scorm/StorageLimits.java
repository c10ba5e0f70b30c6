package be.stek.scorm;

/**
 * How much SCORM run-time data Stek keeps: at most {@code interactionsPerAttempt} interactions in one attempt, and at
 * most {@code bytesPerPackage} bytes (UTF-8) per learner and package, counting the bookmark, suspend_data and cmi
 * values of every attempt and the text of every interaction. A commit that would go past either is refused whole
 * (the SCO's Commit returns false); a commit that stores less than before is always accepted.
 */
record StorageLimits(int interactionsPerAttempt, long bytesPerPackage) {
    static final StorageLimits DEFAULT = new StorageLimits(1_000, 10L * 1024 * 1024);

    long megabytes() {
        return bytesPerPackage / (1024 * 1024);
    }
}
