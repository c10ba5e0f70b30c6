package be.stek.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default without an SMTP server: every mail becomes an {@code .eml} file in {@code <data>/outbox/} (any mail
 * program opens it) and one line in the log. The file is written under a temporary name and then renamed, so a
 * half-written mail never shows up.
 */
final class Outbox implements MailTransport {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String from;
    private final String senderName;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    Outbox(Path folder, String from, String senderName, Clock clock) {
        this.folder = folder;
        this.from = from;
        this.senderName = senderName;
        this.clock = clock;
    }

    @Override
    public void deliver(Mail mail) throws Exception {
        Files.createDirectories(folder);
        MimeMessage message = MimeMail.of(session, from, senderName, mail, Date.from(clock.instant()));
        String name = STAMP.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
        Path temporary = folder.resolve("." + name + ".part");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            message.writeTo(out);
        }
        Path file = Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        log.info("Mail \"{}\" to {} written to {} (no --smtp set)", mail.subject(), mail.to(), file);
    }

    @Override
    public String describe() {
        return "outbox folder " + folder.toAbsolutePath() + " (no --smtp set)";
    }
}
