package be.stek.scorm;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A learner's result for one item, by the one rule Stek uses everywhere (package page, dashboards, header): the best
 * of their attempts counts. Completed once any attempt completed (an asset: once opened), passed once any attempt
 * passed (otherwise the latest attempt's success), and the highest score of any attempt, also of attempts at versions
 * of the package it replaced. {@code latest} is the newest attempt, or null when the item was never started.
 */
public record ItemResult(String completion, String success, Double score, int attempts, ScoAttempt latest) {

    static ItemResult of(Manifest.Item item, List<ScoAttempt> all) {
        List<ScoAttempt> mine = all.stream().filter(a -> a.itemId().equals(item.id())).toList();
        if (mine.isEmpty()) {
            return new ItemResult("not attempted", "unknown", null, 0, null);
        }
        ScoAttempt latest = mine.stream().max(Comparator.comparingLong(ScoAttempt::packageId)
                .thenComparingInt(ScoAttempt::number)).orElseThrow();
        boolean completed = mine.stream().anyMatch(ScoAttempt::completed) || "asset".equals(item.scormType());
        String success = mine.stream().anyMatch(ScoAttempt::passed) ? "passed" : latest.success();
        Double score = mine.stream().map(ScoAttempt::normalizedScore).filter(Objects::nonNull).max(Double::compare)
                .orElse(null);
        return new ItemResult(completed ? "completed" : "incomplete", success, score, mine.size(), latest);
    }

    public boolean started() {
        return latest != null;
    }

    public boolean completed() {
        return "completed".equals(completion);
    }

    /** The item's state in words (a message key): passed or not yet, else completed, in progress or not started. */
    public String stateKey() {
        if (!started()) {
            return "scorm.state.notStarted";
        }
        if ("passed".equals(success) || "failed".equals(success)) {
            return "scorm.state." + success;
        }
        return completed() ? "scorm.state.completed" : "scorm.state.inProgress";
    }
}
