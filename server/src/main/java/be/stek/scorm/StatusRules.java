package be.stek.scorm;

/**
 * Completion and success by the SCORM rules, recomputed on every commit and kept separately for both versions,
 * with the reason in words (shown on the results page, so nobody has to guess why a learner counts as done).
 *
 * <p>2004 (RTE 4.2.4): with a completion threshold and a progress measure, completed iff measure ≥ threshold; with a
 * scaled passing score and a scaled score, passed iff score ≥ passing score; otherwise what the SCO reported.
 * 1.2: with a mastery score and a raw score (and credit), passed iff raw ≥ mastery; {@code passed},
 * {@code completed} and {@code failed} all mean the SCO was completed.
 */
final class StatusRules {
    /** The outcome, with a message key and its arguments for the reason. */
    record Status(String completion, String success, String reasonKey, String reasonArg) {
    }

    private StatusRules() {
    }

    static Status evaluate(ScormVersion version, CmiState s, Manifest.LaunchValues v) {
        return version == ScormVersion.SCORM_12 ? scorm12(s, v) : scorm2004(s, v);
    }

    private static Status scorm12(CmiState s, Manifest.LaunchValues v) {
        String status = s.lessonStatus() == null ? "not attempted" : s.lessonStatus();
        if (v.masteryScore() != null && s.scoreRaw() != null) {
            boolean passed = s.scoreRaw() >= v.masteryScore();
            return new Status("completed", passed ? "passed" : "failed",
                    passed ? "scorm.reason.mastered" : "scorm.reason.notMastered",
                    num(s.scoreRaw()) + " / " + num(v.masteryScore()));
        }
        return switch (status) {
            case "passed" -> new Status("completed", "passed", "scorm.reason.reported", status);
            case "failed" -> new Status("completed", "failed", "scorm.reason.reported", status);
            case "completed" -> new Status("completed", "unknown", "scorm.reason.reported", status);
            case "incomplete", "browsed" -> new Status("incomplete", "unknown", "scorm.reason.reported", status);
            default -> new Status("not attempted", "unknown", "scorm.reason.reported", status);
        };
    }

    private static Status scorm2004(CmiState s, Manifest.LaunchValues v) {
        String completion = valid(s.completionStatus(), "completed", "incomplete", "not attempted", "unknown");
        String why = "scorm.reason.reported";
        String arg = completion;
        if (v.completionThreshold() != null) {
            if (s.progressMeasure() != null) {
                completion = s.progressMeasure() >= v.completionThreshold() ? "completed" : "incomplete";
                why = "completed".equals(completion) ? "scorm.reason.thresholdReached" : "scorm.reason.belowThreshold";
                arg = num(s.progressMeasure()) + " / " + num(v.completionThreshold());
            } else {
                completion = "unknown";
            }
        }
        String success = valid(s.successStatus(), "passed", "failed", "unknown");
        if (v.scaledPassingScore() != null) {
            success = s.scoreScaled() == null ? "unknown" : s.scoreScaled() >= v.scaledPassingScore() ? "passed" : "failed";
            if (s.scoreScaled() != null) {
                why = "passed".equals(success) ? "scorm.reason.mastered" : "scorm.reason.notMastered";
                arg = num(s.scoreScaled()) + " / " + num(v.scaledPassingScore());
            }
        }
        return new Status(completion, success, why, arg);
    }

    /** The value when it is one of the vocabulary, otherwise {@code unknown} (the 2004 default). */
    private static String valid(String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        return "unknown";
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
