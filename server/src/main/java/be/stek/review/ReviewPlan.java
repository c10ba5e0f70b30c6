package be.stek.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The questions of one review session in the order they are asked, each with its options in the order shown.
 * Stored with the session, so that a reload or a later visit shows the same session.
 */
record ReviewPlan(List<Item> items) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One question of the session: where it comes from and its options as shown. */
    record Item(String course, String activity, String question, List<String> options) {
    }

    /** The item at a 1-based position, or null outside the plan. */
    Item at(int position) {
        return position >= 1 && position <= items.size() ? items.get(position - 1) : null;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReviewPlan fromJson(String json) {
        try {
            return new ReviewPlan(JSON.readValue(json, new TypeReference<List<Item>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored review plan is not JSON: " + e.getMessage(), e);
        }
    }
}
