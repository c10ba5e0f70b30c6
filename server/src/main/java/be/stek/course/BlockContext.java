package be.stek.course;

/** What an activity parser may ask of the course being loaded. */
public interface BlockContext {
    /** Renders author Markdown (links and images resolved like the lesson's own) to HTML. */
    String markdown(String text, int line);

    /** Renders one line of author Markdown without the surrounding paragraph. */
    String inline(String text, int line);

    /** The public URL of a media file referenced from the lesson, or null (and a problem) if it does not exist. */
    String mediaUrl(String path, int line);

    /** True when the course has a lesson (or appendix page) with this slug. */
    boolean hasLesson(String slug);

    /** The slug of the lesson that holds the block. */
    String lessonSlug();

    /** The file being loaded, as shown in problems. */
    String file();
}
