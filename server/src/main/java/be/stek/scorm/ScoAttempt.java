package be.stek.scorm;

/**
 * One learner's attempt at one item of a package: the stored run-time values and the evaluated statuses.
 * {@code location} and {@code suspendData} are null until the SCO sets them ({@code ""} is a value).
 */
public record ScoAttempt(long id, long learnerId, long packageId, String itemId, int number, String completion,
                         String success, String reason, String lessonStatus, Double scoreRaw, Double scoreMin,
                         Double scoreMax, Double scoreScaled, Double progressMeasure, String location,
                         String suspendData, String exit, double totalSeconds, String cmi, String startedAt,
                         String updatedAt, String endedAt) {

    /** The attempt a launch will start with its first commit: nothing stored yet. */
    static ScoAttempt notStarted(long learnerId, long packageId, String itemId, int number) {
        return new ScoAttempt(0, learnerId, packageId, itemId, number, null, null, null, null, null, null, null, null,
                null, null, null, null, 0, null, null, null, null);
    }

    /** The score between 0 and 1: scaled when the SCO gave it, else raw within min–max (0–100 by default). */
    public Double normalizedScore() {
        if (scoreScaled != null) {
            return Math.max(0, Math.min(1, scoreScaled));
        }
        if (scoreRaw == null) {
            return null;
        }
        double min = scoreMin == null ? 0 : scoreMin;
        double max = scoreMax == null || scoreMax <= min ? 100 : scoreMax;
        return Math.max(0, Math.min(1, (scoreRaw - min) / (max - min)));
    }

    public boolean completed() {
        return "completed".equals(completion);
    }

    public boolean passed() {
        return "passed".equals(success);
    }

    /** The reason key and its argument, stored as {@code key|arg}. */
    public String reasonKey() {
        return reason == null ? null : reason.split("\\|", 2)[0];
    }

    public String reasonArg() {
        return reason == null || !reason.contains("|") ? "" : reason.split("\\|", 2)[1];
    }
}
