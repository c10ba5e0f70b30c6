package be.stek.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.quiz.Branching;
import be.stek.quiz.QuizBlocks;
import be.stek.quiz.Vignette;
import be.stek.testing.TestServer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CourseLoaderTest {

    static CourseLoader.Loaded load(String fixture) {
        return new CourseLoader(TestServer.fixture(fixture + "/courses").getParent().resolve("courses"),
                TestServer.fixture(fixture + "/media"), List.of(new QuizBlocks())).load();
    }

    @Test
    void the_fixture_course_loads_with_lessons_appendix_and_activities() {
        var loaded = new CourseLoader(TestServer.fixture("courses"), TestServer.fixture("media"),
                List.of(new QuizBlocks())).load();
        assertTrue(loaded.problems().isEmpty(), loaded.problems().list().toString());
        Course c = loaded.courses().get(0);
        assertEquals(List.of("eerste-les", "tweede-les", "derde-les"), c.lessons().stream().map(Lesson::slug).toList());
        assertEquals("bijlage", c.appendices().get(0).slug());
        assertEquals(List.of("dag-vier", "kleine-dingen", "wannes", "avonddienst"), List.copyOf(c.activities().keySet()));
        assertTrue(c.activity("dag-vier").orElseThrow() instanceof Vignette);
        assertTrue(c.activity("avonddienst").orElseThrow() instanceof Branching);
        String html = c.lessons().get(0).segments().get(0).html();
        assertTrue(html.contains("href=\"/woordenlijst#veerkracht\""), html);
        assertTrue(html.contains("src=\"/media/proef/schema.svg\""), html);
        assertEquals(1, loaded.paths().size());
    }

    @Test
    void a_broken_course_is_left_out_and_every_problem_has_file_and_line() {
        var loaded = new CourseLoader(TestServer.fixture("broken/courses"), TestServer.fixture("broken").resolve("media"),
                List.of(new QuizBlocks())).load();
        assertTrue(loaded.courses().isEmpty());
        String all = loaded.problems().list().stream().map(Object::toString).collect(Collectors.joining("\n"));
        String lesson = "courses/kapot/01-les.md:";
        assertContains(all, "courses/kapot/course.md:4: unknown audience `iedereen`");
        assertContains(all, lesson + "5: use `##` and lower");
        assertContains(all, lesson + "7: image `../../media/ontbreekt.svg` needs an alt text");
        assertContains(all, lesson + "7: `../../media/ontbreekt.svg` does not exist");
        assertContains(all, lesson + "9: `02-bestaat-niet.md` does not exist");
        assertContains(all, "a single question needs exactly one option with `correct: true`");
        assertContains(all, "`weight` must be between 0.0 and 1.0");
        assertContains(all, "`next: nergens` is neither a step nor an ending");
        assertContains(all, "step `los` cannot be reached from the start");
        assertContains(all, "ending `eind` cannot be reached");
        assertContains(all, "courses/kapot/02-yaml.md:3: `minutes` must be a whole number");
        assertContains(all, "courses/kapot/02-yaml.md:8: YAML:");
    }

    @Test
    void check_warns_about_understated_minutes_a_lesson_without_its_core_and_a_module_without_closing_page(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws java.io.IOException {
        var dir = java.nio.file.Files.createDirectories(root.resolve("courses/proef"));
        java.nio.file.Files.createDirectories(root.resolve("media"));
        java.nio.file.Files.writeString(dir.resolve("course.md"), """
                ---
                title: Proef
                summary: Een proef.
                audiences: [teams]
                minutes: 10
                objectives: [Iets]
                version: "1"
                language: nl-BE
                ---
                Intro.
                """);
        String words = "woord ".repeat(450);
        java.nio.file.Files.writeString(dir.resolve("01-lang.md"), "---\ntitle: Lang\nminutes: 2\n---\n## Tekst\n"
                + words + "\n\n## Kort samengevat\nKort.\n");
        java.nio.file.Files.writeString(dir.resolve("02-kort.md"), "---\ntitle: Kort\nminutes: 1\n---\n## Tekst\nEven.\n"
                + "\n## De kern\nDit blijft.\n");
        var loaded = new CourseLoader(root.resolve("courses"), root.resolve("media"), List.of(new QuizBlocks())).load();
        String all = loaded.problems().warnings().stream().map(Object::toString).collect(Collectors.joining("\n"));
        assertContains(all, "courses/proef/01-lang.md:3: `minutes: 2` is less than the reading time of its 454 words"
                + " (3 minutes");
        assertContains(all, "courses/proef/01-lang.md:8: the lesson does not end with its core");
        assertContains(all, "courses/proef/course.md:1: the module has no closing page");
        assertTrue(!all.contains("02-kort.md"), all);
        assertEquals(1, loaded.courses().size());
        assertTrue(loaded.problems().isEmpty(), "warnings are not problems");
    }

    private static void assertContains(String all, String expected) {
        assertTrue(all.contains(expected), "expected «" + expected + "» in:\n" + all);
    }
}
