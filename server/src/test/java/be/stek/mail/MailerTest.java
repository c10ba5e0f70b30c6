package be.stek.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sending off the request thread: a failed delivery is tried again, and given up after the last retry. */
class MailerTest {
    private static final List<Duration> QUICK = List.of(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(5));

    /** A transport that fails its first {@code failures} deliveries. */
    private static final class Flaky implements MailTransport {
        final AtomicInteger tries = new AtomicInteger();
        final List<Mail> delivered = new CopyOnWriteArrayList<>();
        final int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        @Override
        public void deliver(Mail mail) throws Exception {
            if (tries.incrementAndGet() <= failures) {
                throw new java.io.IOException("connection refused");
            }
            delivered.add(mail);
        }

        @Override
        public String describe() {
            return "flaky";
        }
    }

    private static Letter aReset() {
        return new Letter("an@example.be", "en", "reset", Map.of("name", "An <b>", "link", "http://x/r/1", "minutes", 60));
    }

    private static void awaitIdle(Mailer mailer) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (mailer.waiting() > 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    @Test
    void a_mail_that_fails_twice_is_delivered_once_on_the_third_try() throws Exception {
        Flaky transport = new Flaky(2);
        try (Mailer mailer = new Mailer(transport, new MailTemplates("Kind & Gezin", "http://x"), QUICK)) {
            mailer.send(aReset());
            awaitIdle(mailer);
        }
        assertEquals(3, transport.tries.get());
        assertEquals(1, transport.delivered.size());
        Mail mail = transport.delivered.get(0);
        assertEquals("A new password for Stek", mail.subject());
        assertTrue(mail.text().contains("Hello An <b>,") && mail.text().contains("http://x/r/1"), mail.text());
        assertTrue(mail.html().contains("Hello An &lt;b&gt;,") && mail.html().contains("Kind &amp; Gezin"), mail.html());
    }

    @Test
    void a_mail_that_always_fails_is_given_up_after_the_last_retry() throws Exception {
        Flaky transport = new Flaky(Integer.MAX_VALUE);
        try (Mailer mailer = new Mailer(transport, new MailTemplates(null, "http://x"), QUICK)) {
            mailer.send(aReset());
            awaitIdle(mailer);
            assertEquals(0, mailer.waiting());
        }
        assertEquals(1 + QUICK.size(), transport.tries.get());
        assertEquals(0, transport.delivered.size());
    }

    @Test
    void smtp_settings_come_from_one_address_and_never_hold_the_password() {
        SmtpSettings s = SmtpSettings.parse("smtp://stek%40org.be@mail.org.be?from=stek@org.be", "geheim");
        assertEquals(new SmtpSettings("mail.org.be", 587, SmtpSettings.Tls.STARTTLS, "stek@org.be", "geheim",
                "stek@org.be"), s);
        assertEquals(465, SmtpSettings.parse("smtp://mail.org.be?tls=tls&from=a@b.be", null).port());
        assertTrue(!s.toString().contains("geheim"));
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.parse("smtp://u:pw@mail.org.be?from=a@b.be", null));
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.parse("smtp://mail.org.be", null));
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.parse("smtp://mail.org.be?tls=ssl&from=a@b.be", null));
    }
}
