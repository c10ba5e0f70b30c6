package be.stek.course;

import java.util.Set;

/** Turns the YAML of a fenced activity block into an {@link Activity}, reporting problems through the context. */
public interface ActivityParser {
    /** The fence names this parser reads, e.g. {@code vignette}. */
    Set<String> kinds();

    /** Parses one block; returns null when it has problems serious enough that it cannot be used. */
    Activity parse(String kind, YamlTree yaml, BlockContext context);

    /**
     * Checks a whole loaded course once all its blocks are parsed (for example the form of its graded items) and
     * reports what it finds as warnings; {@code courseFile} is the course.md file as shown in reports.
     */
    default void checkCourse(Course course, String courseFile, Problems problems) {
    }
}
