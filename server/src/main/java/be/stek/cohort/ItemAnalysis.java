package be.stek.cohort;

import be.stek.quiz.AttemptRepository.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item statistics as Moodle's quiz statistics define them, over each learner's first attempt. Pure.
 * <ul>
 * <li>Facility index: the mean score on the item as a share of its maximum (how easy it was).</li>
 * <li>Discrimination index: the correlation between the score on the item and the score on the rest of the
 * course's vignettes (the learner's total minus this item), times 100. High: learners who did well overall also
 * did well here. Unknown with fewer than three learners or when everyone scored the same.</li>
 * </ul>
 * An item is a vignette question or a step of a branching vignette; options are counted as chosen.
 */
public final class ItemAnalysis {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How often an option was chosen. */
    public record OptionCount(String id, String text, double weight, int count, int percent) {
    }

    /** One item with its statistics. {@code discrimination} is null when it cannot be computed. */
    public record Item(String activity, String question, String text, int responses, double facility, Double discrimination,
                List<OptionCount> options) {
        public int facilityPercent() {
            return (int) Math.round(facility * 100);
        }
    }

    private ItemAnalysis() {
    }

    static List<Item> analyse(List<Response> responses) {
        Map<Long, Double> totals = new HashMap<>();
        Map<String, List<Response>> byItem = new LinkedHashMap<>();
        for (Response r : responses) {
            totals.merge(r.learnerId(), r.score(), Double::sum);
            byItem.computeIfAbsent(r.activity() + "\u0000" + r.question(), k -> new ArrayList<>()).add(r);
        }
        List<Item> items = new ArrayList<>();
        for (List<Response> group : byItem.values()) {
            Response last = group.get(group.size() - 1);
            double facility = group.stream().mapToDouble(Response::score).average().orElse(0);
            double[] item = group.stream().mapToDouble(Response::score).toArray();
            double[] rest = group.stream().mapToDouble(r -> totals.get(r.learnerId()) - r.score()).toArray();
            items.add(new Item(last.activity(), last.question(), last.questionText(), group.size(), facility,
                    correlation(item, rest), options(group)));
        }
        return items;
    }

    /** The items learners found hardest (lowest facility first), at most {@code n}. */
    static List<Item> mostMissed(List<Item> items, int n) {
        return items.stream().filter(i -> i.facility() < 1.0).sorted(Comparator.comparingDouble(Item::facility))
                .limit(n).toList();
    }

    /** Pearson correlation × 100; null below three pairs or without variance. */
    static Double correlation(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return null;
        }
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return null;
        }
        return 100 * sxy / Math.sqrt(sxx * syy);
    }

    private static List<OptionCount> options(List<Response> group) {
        List<Map<String, Object>> shown = parse(group.get(group.size() - 1).optionsJson());
        List<OptionCount> out = new ArrayList<>();
        for (Map<String, Object> o : shown) {
            String id = String.valueOf(o.get("id"));
            int count = (int) group.stream().filter(r -> r.chosen().contains(id)).count();
            out.add(new OptionCount(id, String.valueOf(o.get("text")), ((Number) o.get("weight")).doubleValue(), count,
                    Math.round(100f * count / group.size())));
        }
        out.sort(Comparator.comparing(OptionCount::id));
        return out;
    }

    private static List<Map<String, Object>> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored options are not JSON", e);
        }
    }
}
