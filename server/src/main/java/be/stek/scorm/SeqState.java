package be.stek.scorm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashMap;
import java.util.Map;

/**
 * A learner's activity tree state in one package version (the SN book's tracking model): the current and the
 * suspended activity, and per activity its attempt count, whether it is active, suspended or was skipped, its
 * attempt progress and completion, and the local status of each of its objectives. Stored as JSON
 * ({@code scorm_sequencing_state}); global objectives are stored apart ({@code scorm_global_objective}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class SeqState {
    public String current;
    public String suspended;
    /** The sequencing session ended (exitAll, or continue past the last activity). */
    public boolean ended;
    public Map<String, Act> activities = new HashMap<>();

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Act {
        public int attempts;
        public boolean active;
        public boolean suspended;
        public boolean skipped;
        public boolean progressKnown;
        public boolean completed;
        public Map<String, Obj> objectives = new HashMap<>();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Obj {
        public boolean known;
        public boolean satisfied;
        public Double measure;
    }

    Act act(String id) {
        return activities.computeIfAbsent(id, k -> new Act());
    }

    Obj obj(String activity, String objective) {
        return act(activity).objectives.computeIfAbsent(objective, k -> new Obj());
    }

    String toJson() {
        try {
            return CommitParser.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SeqState fromJson(String json) {
        if (json == null || json.isBlank()) {
            return new SeqState();
        }
        try {
            return CommitParser.JSON.readValue(json, SeqState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sequencing state is not readable: " + e.getMessage(), e);
        }
    }

    SeqState copy() {
        return fromJson(toJson());
    }
}
