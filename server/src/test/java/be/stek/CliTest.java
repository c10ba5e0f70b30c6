package be.stek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.learner.LearnerRepository;
import be.stek.learner.Passwords;
import be.stek.store.Database;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {

    private static String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, new CommandLine(new Cli()).execute(args));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void user_add_reads_the_password_from_standard_input_and_backup_copies_the_database(@TempDir Path dir) {
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream("een lang wachtwoord\n".getBytes(StandardCharsets.UTF_8)));
        try {
            // On SQLite the database is the default file in --data; on PostgreSQL it is named with --database.
            String[] where = TestDatabases.sqlite() ? new String[] {"--data", dir.toString()}
                    : new String[] {"--database", TestDatabases.url(dir).toString()};
            String out = run(0, "user", "add", "--email", "hr@example.be", "--name", "HR", "--role", "facilitator",
                    where[0], where[1]);
            assertTrue(out.contains("created facilitator hr@example.be"), out);
        } finally {
            System.setIn(stdin);
        }
        try (Database db = TestDatabases.open(dir)) {
            assertEquals(Role.FACILITATOR, new LearnerRepository(db).byEmail("HR@example.be").orElseThrow().role(),
                    "found whatever the case of the address");
        }
        if (TestDatabases.postgresql()) {
            assertEquals(2, new CommandLine(new Cli()).execute("backup", dir.resolve("kopie.db").toString(),
                    "--database", TestDatabases.url(dir).toString()), "backup refuses PostgreSQL and says pg_dump");
            return;
        }
        Path copy = dir.resolve("kopie.db");
        assertTrue(run(0, "backup", copy.toString(), "--data", dir.toString()).contains("backup written"));
        try (Database db = Database.open(copy)) {
            var hr = new LearnerRepository(db).byEmail("hr@example.be").orElseThrow();
            assertEquals(Role.FACILITATOR, hr.role());
            assertTrue(Passwords.matches("een lang wachtwoord", hr.passwordHash()));
        }
        assertEquals(1, new CommandLine(new Cli()).execute("backup", copy.toString(), "--data", dir.toString()),
                "an existing file is never overwritten");
    }

    @Test
    void demo_data_fills_an_empty_database_refuses_one_with_learners_and_copy_data_moves_it(@TempDir Path dir) {
        String source = "sqlite:" + dir.resolve("bron.db");
        String courses = TestServer.fixture("courses").toString();
        String media = TestServer.fixture("media").toString();
        String out = run(0, "demo-data", "--learners", "12", "--cohorts", "2", "--database", source, "--courses",
                courses, "--media", media);
        assertTrue(out.contains("2 cohort(s), 12 learner(s)"), out);
        assertEquals(1, new CommandLine(new Cli()).execute("demo-data", "--learners", "5", "--database", source,
                "--courses", courses, "--media", media), "a database with learners is refused without --add");
        assertEquals(2, new CommandLine(new Cli()).execute("demo-data", "--learners", "5", "--cohorts", "9",
                "--database", source, "--courses", courses, "--media", media), "more cohorts than learners is refused");

        String target = TestDatabases.url(dir.resolve("doel")).toString();
        out = run(0, "copy-data", "--from", source, "--to", target);
        assertTrue(out.contains("every table's count matches") && out.matches("(?s).*learner\\s+14\\n.*"), out);
        assertEquals(1, new CommandLine(new Cli()).execute("copy-data", "--from", source, "--to", target),
                "a target with data is refused");
        assertEquals(2, new CommandLine(new Cli()).execute("copy-data", "--from", "sqlite:" + dir.resolve("geen.db"),
                "--to", "sqlite:" + dir.resolve("nieuw.db")), "a missing source file is refused, not created");
    }

    @Test
    void check_passes_on_valid_courses() {
        String out = run(0, "check", "--courses", TestServer.fixture("courses").toString(),
                "--media", TestServer.fixture("media").toString());
        assertTrue(out.contains("1 course(s) valid, 0 problem(s)"), out);
    }

    @Test
    void check_lists_problems_as_file_line_message_and_fails() {
        String out = run(1, "check", "--courses", TestServer.fixture("broken/courses").toString(),
                "--media", TestServer.fixture("broken").resolve("media").toString());
        assertTrue(out.lines().anyMatch(l -> l.matches(".*kapot/01-les\\.md:\\d+: .+")), out);
        assertTrue(out.contains("0 course(s) valid"), out);
    }

    @Test
    void check_reports_a_lesson_that_is_not_utf8_and_symbolic_links_out_of_courses_and_media(@TempDir Path root)
            throws java.io.IOException {
        var tree = be.stek.testing.CourseTree.copyOfFixture(root.resolve("site")).course("latijn", "## Kort\nTekst.\n");
        tree.write("courses/latijn/01-les.md", "---\ntitle: Les\nminutes: 5\n---\nCaf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path secret = java.nio.file.Files.writeString(root.resolve("passwd"), "geheim");
        tree.link("media/proef/lek.png", secret);
        tree.link("courses/proef/lek.png", secret);
        String out = run(1, "check", "--courses", tree.courses().toString(), "--media", tree.media().toString());
        assertTrue(out.contains("courses/latijn/01-les.md:5: the file is not valid UTF-8"), out);
        assertTrue(out.contains("media/proef/lek.png:1: a symbolic link to a file outside media/"), out);
        assertTrue(out.contains("courses/proef/lek.png:1: a symbolic link to a file outside courses/"), out);
        assertTrue(out.contains("1 course(s) valid"), "the fixture course still loads:\n" + out);
    }
}
