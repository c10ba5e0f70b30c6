package be.stek.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.quiz.QuizBlocks;
import be.stek.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In development mode an edited lesson is rendered again on the next view; otherwise the cache stays. */
class CatalogueDevModeTest {

    /** Copies the fixture's courses and media folders into {@code dir} (lessons link to ../../media). */
    static void copyOfFixture(Path dir) throws Exception {
        for (String folder : List.of("courses", "media")) {
            Path from = TestServer.fixture(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path target = dir.resolve(folder).resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                }
            }
        }
    }

    static String firstHtml(Catalogue c) {
        return c.course("proef").orElseThrow().lessons().get(0).segments().get(0).html();
    }

    @Test
    void an_edited_lesson_shows_up_in_development_mode_only(@TempDir Path dir) throws Exception {
        copyOfFixture(dir);
        Path courses = dir.resolve("courses");
        CourseLoader loader = new CourseLoader(courses, dir.resolve("media"), List.of(new QuizBlocks()));
        Catalogue dev = new Catalogue(loader, true);
        Catalogue cached = new Catalogue(loader, false);
        Path lesson = courses.resolve("proef/01-eerste-les.md");
        Files.writeString(lesson, Files.readString(lesson).replace("Dit is de eerste les", "Dit is de vernieuwde les"));
        long deadline = System.currentTimeMillis() + 5_000;
        while (!firstHtml(dev).contains("vernieuwde") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(firstHtml(dev).contains("Dit is de vernieuwde les"));
        assertTrue(firstHtml(cached).contains("Dit is de eerste les"));
        assertEquals(1, dev.courses().size());
    }
}
