package be.stek.course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps the relative links authors write (the way they work when browsing the files) to the URLs Stek serves, and
 * says what is wrong when a link points nowhere. A link into another course that is not there (removed, renamed) is
 * only a warning, and the link is shown as plain text: removing one course must not take down the courses that
 * mention it. A link to a missing file of the linking course itself is a problem of that course.
 */
final class Links {
    static final Pattern LESSON_FILE = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");
    static final Set<String> MEDIA_EXTENSIONS = Set.of("svg", "png", "jpg", "jpeg", "gif", "webp", "mp3", "ogg",
            "m4a", "mp4", "webm", "vtt", "pdf");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    static final String GLOSSARY_FILE = "woordenlijst.md";

    /** A mapped URL, or the reason it could not be mapped, or a warning that it is shown as plain text instead. */
    record Target(String url, String problem, String warning) {
        static Target ok(String url) {
            return new Target(url, null, null);
        }

        static Target bad(String problem) {
            return new Target(null, problem, null);
        }

        /** Not a link (shown as its text), with a warning: the course it points into is not there. */
        static Target plainText(String warning) {
            return new Target(null, null, warning);
        }

        boolean isPlainText() {
            return warning != null;
        }
    }

    private final Path coursesDir;
    private final Path mediaDir;
    private final Set<String> glossaryAnchors;

    Links(Path coursesDir, Path mediaDir, Set<String> glossaryAnchors) {
        this.coursesDir = coursesDir.toAbsolutePath().normalize();
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
        this.glossaryAnchors = glossaryAnchors;
    }

    /** Maps a link written in {@code from}. */
    Target link(Path from, String url) {
        if (url.isEmpty()) {
            return Target.bad("empty link");
        }
        if (SCHEME.matcher(url).matches() || url.startsWith("#") || url.startsWith("//")) {
            return Target.ok(url);
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        Path target = url.startsWith("/media/")
                ? mediaDir.resolve(path.substring("/media/".length())).normalize()
                : from.toAbsolutePath().getParent().resolve(path).normalize();
        return map(from, target, fragment, url);
    }

    /** Maps an image or other media reference: it must be a media file that exists. */
    Target media(Path from, String url) {
        Target t = link(from, url);
        if (t.problem() != null || t.isPlainText() || SCHEME.matcher(url).matches()) {
            return t;
        }
        if (!t.url().startsWith("/media/") && !t.url().contains("/files/")) {
            return Target.bad("`" + url + "` is not a media file");
        }
        return t;
    }

    private Target map(Path from, Path target, String fragment, String original) {
        if (target.startsWith(mediaDir)) {
            return existingFile(target, original, "/media/" + slashes(mediaDir.relativize(target)));
        }
        if (!target.startsWith(coursesDir)) {
            return Target.bad("link `" + original + "` points outside courses/ and media/");
        }
        Path rel = coursesDir.relativize(target);
        if (rel.getNameCount() == 1 && rel.toString().equals(GLOSSARY_FILE)) {
            String anchor = fragment.isEmpty() ? "" : fragment.substring(1);
            if (!anchor.isEmpty() && !glossaryAnchors.contains(anchor)) {
                return Target.bad("glossary has no entry `#" + anchor + "`");
            }
            return Target.ok("/woordenlijst" + fragment);
        }
        if (rel.getNameCount() < 2) {
            return Target.bad("link `" + original + "` points to no course, lesson or media file");
        }
        String course = rel.getName(0).toString();
        String file = rel.subpath(1, rel.getNameCount()).toString();
        if (!Files.isRegularFile(target)) {
            return course.equals(courseOf(from)) ? Target.bad("`" + original + "` does not exist")
                    : Target.plainText("`" + original + "` does not exist (course `" + course + "` was removed or "
                    + "renamed?): the link is shown as plain text");
        }
        if (!SourceFiles.inside(coursesDir, target)) {
            return Target.bad("`" + original + "` is a symbolic link to a file outside courses/, which Stek does not"
                    + " serve");
        }
        if (file.equals("course.md")) {
            return Target.ok("/courses/" + course + fragment);
        }
        var lesson = LESSON_FILE.matcher(file);
        if (lesson.matches()) {
            return Target.ok("/courses/" + course + "/lessons/" + lesson.group(2) + fragment);
        }
        if (MEDIA_EXTENSIONS.contains(extension(file))) {
            return Target.ok("/courses/" + course + "/files/" + slashes(rel.subpath(1, rel.getNameCount())));
        }
        return Target.bad("`" + original + "` is neither a lesson, a course nor a media file");
    }

    private Target existingFile(Path target, String original, String url) {
        if (!Files.isRegularFile(target)) {
            return Target.bad("`" + original + "` does not exist");
        }
        if (!SourceFiles.inside(mediaDir, target)) {
            return Target.bad("`" + original + "` is a symbolic link to a file outside media/, which Stek does not"
                    + " serve");
        }
        if (!MEDIA_EXTENSIONS.contains(extension(target.toString()))) {
            return Target.bad("`" + original + "` is not a kind of media Stek serves");
        }
        return Target.ok(url);
    }

    /** The course folder a file lies in, or "" for files at the top of the courses folder. */
    private String courseOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(coursesDir)) {
            return "";
        }
        Path rel = coursesDir.relativize(abs);
        return rel.getNameCount() < 2 ? "" : rel.getName(0).toString();
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
