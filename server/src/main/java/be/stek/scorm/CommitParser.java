package be.stek.scorm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a commit body: scorm-again's JSON ({@code {"cmi": {...}, "commitSequence": n}}), sent as
 * {@code application/json} by Commit and as {@code text/plain} by the beacon on Terminate, or the player's own
 * beacon when a tab closes before the SCO terminated ({@code "abandon": true}).
 */
final class CommitParser {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A parsed commit; {@code sequence} is null when the sender gave none. {@code undelivered} says the player could
     * not send everything (a final commit too big for a beacon while the page was closing).
     */
    record Commit(Long sequence, boolean abandon, boolean undelivered, CmiState state) {
    }

    private CommitParser() {
    }

    static Commit parse(String body, ScormVersion version) throws BadCommit {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadCommit("not JSON");
        }
        if (root == null || !root.path("cmi").isObject()) {
            throw new BadCommit("no cmi object");
        }
        JsonNode seq = root.get("commitSequence");
        Long sequence = seq != null && seq.canConvertToLong() ? seq.asLong() : null;
        JsonNode cmi = root.get("cmi");
        CmiState state = version == ScormVersion.SCORM_12 ? scorm12(cmi) : scorm2004(cmi);
        return new Commit(sequence, root.path("abandon").asBoolean(false), root.path("undelivered").asBoolean(false),
                state);
    }

    private static CmiState scorm12(JsonNode cmi) {
        JsonNode core = cmi.path("core");
        JsonNode score = core.path("score");
        return new CmiState(text(core, "lesson_location"), text(cmi, "suspend_data"), blankToNull(core, "lesson_status"),
                null, null, number(score, "raw"), number(score, "min"), number(score, "max"), null, null,
                text(core, "exit"), ScormTime.seconds(text(core, "session_time")),
                interactions(cmi.path("interactions"), ScormVersion.SCORM_12), cmi,
                Objectives.reported(cmi.path("objectives"), ScormVersion.SCORM_12));
    }

    private static CmiState scorm2004(JsonNode cmi) {
        JsonNode score = cmi.path("score");
        return new CmiState(text(cmi, "location"), text(cmi, "suspend_data"), null,
                blankToNull(cmi, "completion_status"), blankToNull(cmi, "success_status"), number(score, "raw"),
                number(score, "min"), number(score, "max"), number(score, "scaled"), number(cmi, "progress_measure"),
                text(cmi, "exit"), ScormTime.seconds(text(cmi, "session_time")),
                interactions(cmi.path("interactions"), ScormVersion.SCORM_2004), cmi,
                Objectives.reported(cmi.path("objectives"), ScormVersion.SCORM_2004));
    }

    /** Interactions arrive as an object keyed by index ({@code "0"}, {@code "1"}, …) or as an array. */
    private static List<CmiState.Interaction> interactions(JsonNode node, ScormVersion version) {
        Map<Integer, JsonNode> byIndex = new TreeMap<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                byIndex.put(i, node.get(i));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().matches("\\d{1,6}") && e.getValue().isObject()) {
                    byIndex.put(Integer.parseInt(e.getKey()), e.getValue());
                }
            }
        }
        List<CmiState.Interaction> out = new ArrayList<>();
        byIndex.forEach((i, n) -> {
            String id = text(n, "id");
            if (id != null && !id.isEmpty()) {
                out.add(interaction(i, id, n, version));
            }
        });
        return out;
    }

    private static CmiState.Interaction interaction(int index, String id, JsonNode n, ScormVersion version) {
        boolean v12 = version == ScormVersion.SCORM_12;
        JsonNode first = n.path("correct_responses").isArray() ? n.path("correct_responses").path(0)
                : n.path("correct_responses").path("0");
        return new CmiState.Interaction(index, id, blankToNull(n, "type"), blankToNull(n, "description"),
                text(n, v12 ? "student_response" : "learner_response"), blankToNull(first, "pattern"),
                blankToNull(n, "result"), blankToNull(n, "weighting"), blankToNull(n, "latency"),
                blankToNull(n, v12 ? "time" : "timestamp"));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String blankToNull(JsonNode node, String field) {
        String v = text(node, field);
        return v == null || v.isBlank() ? null : v;
    }

    private static Double number(JsonNode node, String field) {
        String v = blankToNull(node, field);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A commit body Stek cannot read. */
    static final class BadCommit extends Exception {
        BadCommit(String message) {
            super(message);
        }
    }
}
