package be.stek.course;

import java.util.List;

/** The header of a course file. {@code mastery} is the pass mark in percent, or null when the course has none. */
public record CourseMeta(String title, String summary, List<String> audiences, int minutes, List<String> objectives,
                         String version, String language, Integer mastery, int order) {
}
