package be.stek.scorm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The run-time values of one commit, read from the {@code cmi} object the player sends, in the terms of either
 * version (1.2's {@code lesson_status} or 2004's separate statuses). Strings are as sent; absent values are null.
 */
public record CmiState(String location, String suspendData, String lessonStatus, String completionStatus,
                String successStatus, Double scoreRaw, Double scoreMin, Double scoreMax, Double scoreScaled,
                Double progressMeasure, String exit, Double sessionSeconds, List<Interaction> interactions,
                JsonNode cmi, List<Objectives.Reported> objectives) {

    /** One {@code cmi.interactions.n}. */
    public record Interaction(int index, String id, String type, String description, String learnerResponse,
                       String correctPattern, String result, String weighting, String latency, String stamp) {
        Double latencySeconds() {
            return ScormTime.seconds(latency);
        }
    }
}
