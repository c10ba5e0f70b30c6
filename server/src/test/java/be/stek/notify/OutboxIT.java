package be.stek.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --smtp, mail is not lost: it becomes an .eml file in the data folder's outbox. */
class OutboxIT {

    @Test
    void without_an_smtp_server_a_reset_mail_is_written_to_the_outbox(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An Peeters", Role.LEARNER);

            var answer = new Http(server).post("/password/forgot", Map.of("email", "an@example.be"));
            assertEquals(200, answer.statusCode());

            List<Path> files = emlFiles(data.resolve("outbox"), 15_000);
            assertEquals(1, files.size(), "one .eml file");
            try (InputStream in = Files.newInputStream(files.get(0))) {
                MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
                assertEquals("Een nieuw wachtwoord voor Stek", mail.getSubject());
                assertEquals("an@example.be", mail.getAllRecipients()[0].toString());
                assertTrue(MailIT.text(mail).contains("http://localhost/password/reset/"), MailIT.text(mail));
            }
        }
    }

    /** The .eml files in the folder, once there is one (at most {@code waitMs}). */
    private static List<Path> emlFiles(Path folder, long waitMs) throws Exception {
        long end = System.nanoTime() + waitMs * 1_000_000;
        while (true) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<Path> eml = files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
                    if (!eml.isEmpty() || System.nanoTime() > end) {
                        return eml;
                    }
                }
            } else if (System.nanoTime() > end) {
                return List.of();
            }
            Thread.sleep(50);
        }
    }
}
