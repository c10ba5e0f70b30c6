package be.stek.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.CourseTree;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad file or one removed course never takes the others down: a lesson saved as Latin-1 leaves out its own
 * course (with the file and line in the report), and links to a course that was removed become plain text.
 */
class BrokenSourcesIT {

    /** The fixture course, a course whose lesson has a Latin-1 "é", and one that links to a removed course. */
    static CourseTree tree(Path root) {
        CourseTree tree = CourseTree.copyOfFixture(root).course("anker", "## Verder\nLees ook "
                + "[de verdwenen les](../weg/01-les.md) en [die cursus](../weg/course.md).\n\n## De kern\nDit blijft.\n");
        byte[] latin1 = "---\ntitle: Les\nminutes: 5\n---\n## Café\nEen kop koffie.\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        tree.course("latijn", "## Kort\nTekst.\n").write("courses/latijn/01-les.md", latin1);
        return tree;
    }

    @Test
    void the_server_starts_and_serves_every_course_but_the_one_with_the_bad_file(@TempDir Path root)
            throws Exception {
        CourseTree tree = tree(root.resolve("site"));
        try (TestServer server = TestServer.start(root.resolve("data"), tree.courses(), tree.media(),
                Clock.systemUTC())) {
            Http http = new Http(server);
            String catalogue = http.get("/").body();
            assertTrue(catalogue.contains("Cursus anker") && catalogue.contains("/courses/proef"), catalogue);
            assertFalse(catalogue.contains("Cursus latijn"), "the course with the bad file is left out");
            assertEquals(404, http.get("/courses/latijn").statusCode());

            server.addUser("an@example.be", "An", be.stek.web.Role.LEARNER);
            http.signIn("an@example.be");
            String lesson = http.get("/courses/anker/lessons/les").body();
            assertTrue(lesson.contains("de verdwenen les") && lesson.contains("die cursus"), lesson);
            assertFalse(lesson.contains("/courses/weg"), "no link to the removed course:\n" + lesson);
            assertEquals(200, http.get("/courses/proef/lessons/eerste-les").statusCode());
        }
    }

    @Test
    void the_loader_reports_the_bad_byte_with_file_and_line_and_the_dead_links_as_warnings(@TempDir Path root) {
        CourseTree tree = tree(root.resolve("site"));
        var loaded = new CourseLoader(tree.courses(), tree.media(), java.util.List.of(new be.stek.quiz.QuizBlocks()))
                .load();
        assertEquals(java.util.List.of("anker", "proef"), loaded.courses().stream().map(Course::slug).sorted().toList());
        assertEquals(1, loaded.problems().size(), loaded.problems().list().toString());
        assertEquals("courses/latijn/01-les.md:5: the file is not valid UTF-8 (byte 0xE9 in column 7): save it as"
                + " UTF-8; the course is left out until then", loaded.problems().list().get(0).toString());
        assertTrue(loaded.problems().warnings().stream().anyMatch(w -> w.toString().startsWith(
                "courses/anker/01-les.md:6: `../weg/01-les.md` does not exist")), loaded.problems().warnings().toString());
    }
}
