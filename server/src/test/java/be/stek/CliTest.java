package be.stek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.TestServer;
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
}
