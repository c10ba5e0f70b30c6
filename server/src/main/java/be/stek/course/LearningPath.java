package be.stek.course;

import java.util.List;

/** A suggested route through the courses for one audience. */
public record LearningPath(String id, String title, String audience, String summary, List<Step> steps) {

    /** One course in the path, optionally limited to some lessons, with a note for the learner. */
    public record Step(String course, List<String> lessons, String note) {
    }
}
