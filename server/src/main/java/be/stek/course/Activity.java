package be.stek.course;

/**
 * An interactive part of a lesson (a vignette, a branching vignette, a reflection prompt). The course package
 * only places activities in lessons; what they are and how they are taken belongs to the quiz package.
 */
public interface Activity {
    String id();

    String title();

    /** {@code vignette}, {@code quiz}, {@code branching} or {@code reflection}. */
    String kind();

    /** True when the activity counts for completion and for the pass mark. */
    boolean graded();

    /** The slug of the lesson that holds it. */
    String lesson();
}
