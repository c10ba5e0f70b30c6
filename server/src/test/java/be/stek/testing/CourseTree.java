package be.stek.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A writable copy of the fixture courses and media in a temporary folder ({@code courses/} and {@code media/} side by
 * side, as in the repository), to which a test adds courses, files and links of its own.
 */
public final class CourseTree {
    private final Path root;

    private CourseTree(Path root) {
        this.root = root;
    }

    /** Copies the fixture courses and media under {@code root}. */
    public static CourseTree copyOfFixture(Path root) {
        copy(TestServer.fixture("courses"), root.resolve("courses"));
        copy(TestServer.fixture("media"), root.resolve("media"));
        return new CourseTree(root);
    }

    public Path courses() {
        return root.resolve("courses");
    }

    public Path media() {
        return root.resolve("media");
    }

    /** A small valid course: {@code course.md} and one lesson {@code 01-les.md} with {@code body}. */
    public CourseTree course(String slug, String lessonBody) {
        write("courses/" + slug + "/course.md", """
                ---
                title: Cursus %s
                summary: Een kleine cursus.
                audiences: [teams]
                minutes: 5
                objectives: [Iets leren]
                version: "1"
                language: nl-BE
                ---
                Over %s.
                """.formatted(slug, slug).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        write("courses/" + slug + "/01-les.md", ("---\ntitle: Les\nminutes: 5\n---\n" + lessonBody)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** Writes a file under the root (parent folders created). */
    public Path write(String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code path} (under the root) a symbolic link to {@code target}. */
    public Path link(String path, Path target) {
        try {
            Path link = root.resolve(path);
            Files.createDirectories(link.getParent());
            return Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
