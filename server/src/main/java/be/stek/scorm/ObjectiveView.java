package be.stek.scorm;

import java.util.List;

/**
 * An objective as pages show it: its id (or description), its success and completion status (message keys) and its
 * score between 0 and 1 (null without one).
 */
public record ObjectiveView(String id, String description, String successKey, String completionKey, Double score) {

    static List<ObjectiveView> of(List<Objectives.Reported> reported) {
        return reported.stream().map(r -> new ObjectiveView(r.id(), r.description(),
                "scorm.status." + known(r.success(), "passed", "failed"),
                "scorm.status." + known("browsed".equals(r.completion()) ? "incomplete" : r.completion(), "completed",
                        "incomplete", "not attempted").replace(' ', '-'), Objectives.normalized(r))).toList();
    }

    private static String known(String value, String... vocabulary) {
        return List.of(vocabulary).contains(value) ? value : "unknown";
    }
}
