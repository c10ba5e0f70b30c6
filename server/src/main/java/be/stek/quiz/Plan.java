package be.stek.quiz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one attempt at a vignette shows: which questions were drawn and in which order their options appear.
 * Stored with the attempt so that a reload shows the same attempt.
 */
public record Plan(List<String> questions, Map<String, List<String>> optionOrder) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Draws the questions (N of M when the vignette sets {@code draw}) and shuffles options unless fixed. */
    public static Plan draw(Vignette v, Random random) {
        List<String> ids = new ArrayList<>(v.questions().stream().map(Question::id).toList());
        if (v.draw() < ids.size()) {
            Collections.shuffle(ids, random);
            List<String> drawn = ids.subList(0, v.draw());
            ids = v.questions().stream().map(Question::id).filter(drawn::contains).toList();
        }
        Map<String, List<String>> order = new LinkedHashMap<>();
        for (String qid : ids) {
            List<String> options = new ArrayList<>(v.question(qid).orElseThrow().options().stream().map(Option::id).toList());
            if (v.shuffle()) {
                Collections.shuffle(options, random);
            }
            order.put(qid, options);
        }
        return new Plan(List.copyOf(ids), order);
    }

    public static Plan empty() {
        return new Plan(List.of(), Map.of());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(Map.of("questions", questions, "options", optionOrder));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Plan fromJson(String json) {
        try {
            Map<String, Object> map = JSON.readValue(json, new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            List<String> qs = (List<String>) map.getOrDefault("questions", List.of());
            @SuppressWarnings("unchecked")
            Map<String, List<String>> opts = (Map<String, List<String>>) map.getOrDefault("options", Map.of());
            return new Plan(qs, opts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan is not JSON: " + e.getMessage(), e);
        }
    }

    /** The options of a question in this attempt's order; options added to the course later come last. */
    public List<Option> options(Question q) {
        List<String> order = optionOrder.getOrDefault(q.id(), List.of());
        List<Option> out = new ArrayList<>();
        order.forEach(id -> q.option(id).ifPresent(out::add));
        q.options().stream().filter(o -> !order.contains(o.id())).forEach(out::add);
        return out;
    }
}
