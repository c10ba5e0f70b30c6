package be.stek.course;

import java.util.List;

/**
 * A lesson (or an appendix page), with its body rendered once at load time into segments: rendered HTML, and
 * the places where activities stand.
 */
public record Lesson(String slug, int number, String title, int minutes, boolean appendix, List<Segment> segments) {

    /** Either a piece of rendered HTML or a reference to an activity. */
    public record Segment(String html, String activity) {
    }

    public List<String> activityIds() {
        return segments.stream().filter(s -> s.activity() != null).map(Segment::activity).toList();
    }
}
