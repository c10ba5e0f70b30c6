package be.stek.scorm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The {@code cmi} object the player hands to scorm-again's {@code loadFromJSON} before the SCO starts: who the
 * learner is, the entry, total time and the manifest's launch values, and, when the attempt goes on, what the SCO
 * stored (bookmark, suspend_data, statuses, score, objectives, comments, preferences; in 2004 also interactions,
 * which 1.2 SCOs cannot read back). In 2004 {@code cmi.objectives} also holds every objective the manifest declares
 * for the item, with what it reads from the learner's global objectives ({@link Objectives#seed}). Elements the SCO
 * never set are left out, so reading them gives the spec's "not initialized" rather than an empty string.
 */
final class Seed {
    private static final Set<String> CARRIED_12 = Set.of("suspend_data", "comments", "objectives", "student_preference");
    private static final Set<String> CARRIED_CORE_12 = Set.of("lesson_status", "score");
    private static final Set<String> CARRIED_2004 = Set.of("completion_status", "success_status", "score",
            "progress_measure", "objectives", "interactions", "comments_from_learner", "learner_preference");

    private Seed() {
    }

    static ObjectNode build(ScormVersion version, CmiStore.Launch launch, String learnerId, String learnerName,
                            Manifest.Item item) {
        Manifest.LaunchValues v = item.values();
        ObjectNode cmi = CommitParser.JSON.createObjectNode();
        ScoAttempt a = launch.attempt();
        boolean carry = !"ab-initio".equals(launch.entry()) && a.cmi() != null;
        JsonNode stored = carry ? read(a.cmi()) : CommitParser.JSON.createObjectNode();
        if (version == ScormVersion.SCORM_12) {
            scorm12(cmi, stored, launch, learnerId, learnerName, v);
        } else {
            scorm2004(cmi, stored, launch, learnerId, learnerName, v);
            ObjectNode objectives = Objectives.seed(cmi.get("objectives"), item.objectives(), launch.globals());
            if (objectives != null) {
                cmi.set("objectives", objectives);
            }
        }
        return cmi;
    }

    private static void scorm12(ObjectNode cmi, JsonNode stored, CmiStore.Launch launch, String id, String name,
                                Manifest.LaunchValues v) {
        ObjectNode core = cmi.putObject("core");
        core.put("student_id", id).put("student_name", name).put("entry", launch.entry()).put("credit", "credit")
                .put("lesson_mode", "normal").put("total_time", ScormTime.timespan(launch.attempt().totalSeconds()));
        copy(stored.path("core"), core, CARRIED_CORE_12);
        copy(stored, cmi, CARRIED_12);
        putIf(core, "lesson_location", launch.attempt().location());
        putIf(cmi, "suspend_data", launch.attempt().suspendData());
        putIf(cmi, "launch_data", v.launchData());
        ObjectNode data = cmi.putObject("student_data");
        putIf(data, "mastery_score", v.masteryScore() == null ? null : number(v.masteryScore()));
        putIf(data, "max_time_allowed", v.maxTimeAllowed());
        putIf(data, "time_limit_action", v.timeLimitAction());
    }

    private static void scorm2004(ObjectNode cmi, JsonNode stored, CmiStore.Launch launch, String id, String name,
                                  Manifest.LaunchValues v) {
        cmi.put("learner_id", id).put("learner_name", name).put("entry", launch.entry()).put("credit", "credit")
                .put("mode", "normal").put("total_time", ScormTime.duration(launch.attempt().totalSeconds()));
        copy(stored, cmi, CARRIED_2004);
        putIf(cmi, "location", launch.attempt().location());
        putIf(cmi, "suspend_data", launch.attempt().suspendData());
        putIf(cmi, "launch_data", v.launchData());
        putIf(cmi, "completion_threshold", v.completionThreshold() == null ? null : number(v.completionThreshold()));
        putIf(cmi, "scaled_passing_score", v.scaledPassingScore() == null ? null : number(v.scaledPassingScore()));
        putIf(cmi, "max_time_allowed", v.maxTimeAllowed());
        putIf(cmi, "time_limit_action", v.timeLimitAction());
    }

    /** Copies the named fields, leaving out empty strings and empty objects at every level. */
    private static void copy(JsonNode from, ObjectNode to, Set<String> names) {
        for (String name : names) {
            JsonNode pruned = prune(from.get(name));
            if (pruned != null) {
                to.set(name, pruned);
            }
        }
    }

    private static JsonNode prune(JsonNode node) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            return null;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = CommitParser.JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode child = prune(e.getValue());
            if (child != null) {
                out.set(e.getKey(), child);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A number as SCORM text: {@code 0.8}, {@code -0.5}, {@code 80}; integral values without a fraction. */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) > 1 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static JsonNode read(String json) {
        try {
            return CommitParser.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return CommitParser.JSON.createObjectNode();
        }
    }
}
