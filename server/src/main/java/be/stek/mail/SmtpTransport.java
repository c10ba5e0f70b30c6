package be.stek.mail;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/** Hands mail to the configured SMTP server (Jakarta Mail, Eclipse Angus), one connection per mail. */
final class SmtpTransport implements MailTransport {
    private static final String TIMEOUT_MS = "20000";

    private final SmtpSettings settings;
    private final String senderName;
    private final Clock clock;
    private final Session session;

    SmtpTransport(SmtpSettings settings, String senderName, Clock clock) {
        this.settings = settings;
        this.senderName = senderName;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        String protocol = s.tls() == SmtpSettings.Tls.TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", String.valueOf(s.port()));
        p.put("mail." + protocol + ".auth", String.valueOf(s.user() != null));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (s.tls() == SmtpSettings.Tls.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (s.tls() != SmtpSettings.Tls.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public void deliver(Mail mail) throws Exception {
        MimeMessage message = MimeMail.of(session, settings.from(), senderName, mail, Date.from(clock.instant()));
        try (Transport transport = session.getTransport()) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public String describe() {
        return "SMTP server " + settings;
    }
}
