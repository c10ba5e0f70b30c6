package be.stek.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.HandClock;
import be.stek.Config;
import be.stek.mail.SmtpSettings;
import be.stek.testing.Browser;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E-mail through a real SMTP server in the test JVM (GreenMail on a free loopback port): a password reset link that
 * works once, invitations to a pasted list of addresses, due-date reminders sent once and not to a learner who
 * turned them off, and word to the members when a team session opens.
 */
class MailIT {
    private static final long WAIT_MS = 15_000;

    @TempDir
    static Path data;
    static GreenMail smtp;
    static HandClock clock = new HandClock();
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        SmtpSettings settings = SmtpSettings.parse("smtp://127.0.0.1:" + smtp.getSmtp().getPort()
                + "?tls=none&from=stek@example.be", null);
        server = TestServer.start(data, c -> c.withMail(new Config.MailSettings(settings, 3))
                .withOrganisation("Kind & Gezin Oost", null), clock);
        server.addUser("an@example.be", "An Peeters", Role.LEARNER);
        server.addUser("trainer@example.be", "Tine Trainer", Role.FACILITATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        smtp.stop();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void a_reset_link_sets_a_new_password_once_and_an_unknown_address_gets_the_same_page() throws Exception {
        Http elsewhere = new Http(server).signIn("an@example.be");
        try (Browser browser = new Browser(server)) {
            String known = asked(browser, "an@example.be");
            String unknown = asked(browser, "niemand@example.be");
            assertEquals(known.replace("an@example.be", "X"), unknown.replace("niemand@example.be", "X"),
                    "the answer does not tell whether the address has an account");
            assertTrue(known.contains("Kijk in je mailbox"), known);

            MimeMessage mail = only(1, "an@example.be");
            assertEquals("Een nieuw wachtwoord voor Stek", mail.getSubject());
            String text = text(mail);
            assertTrue(text.contains("Dag An Peeters") && text.contains("Kind & Gezin Oost"), text);
            assertTrue(html(mail).contains("Kind &amp; Gezin Oost"), "the HTML part is escaped");
            String link = path(text, "http://localhost(/password/reset/[A-Za-z0-9_-]+)");

            HtmlPage form = browser.open(link);
            Browser.fill(Browser.formWithAction(form, link), "password", "een heel nieuw wachtwoord");
            Browser.fill(Browser.formWithAction(form, link), "password2", "een heel nieuw wachtwoord");
            HtmlPage after = Browser.submit(Browser.formWithAction(form, link));
            assertEquals("/login", after.getUrl().getPath());
            assertTrue(after.asNormalizedText().contains("Je nieuwe wachtwoord is opgeslagen"), after.asNormalizedText());

            assertEquals(303, elsewhere.get("/me").statusCode(), "the other sessions are signed out");
            assertEquals(400, new Http(server).post("/login", Map.of("email", "an@example.be",
                    "password", TestServer.PASSWORD)).statusCode(), "the old password no longer works");
            assertEquals(303, new Http(server).post("/login", Map.of("email", "an@example.be",
                    "password", "een heel nieuw wachtwoord")).statusCode());

            browser.client().getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage again = browser.open(link);
            assertEquals(410, again.getWebResponse().getStatusCode());
            assertTrue(again.asNormalizedText().contains("Deze link is al gebruikt"), again.asNormalizedText());
            assertEquals(410, new Http(server).post(link, Map.of("password", "nog een ander wachtwoord",
                    "password2", "nog een ander wachtwoord")).statusCode(), "a second use is refused");
            assertEquals(303, new Http(server).post("/login", Map.of("email", "an@example.be",
                    "password", "een heel nieuw wachtwoord")).statusCode(), "the password set by the link stays");
        }
    }

    /** Asks for a reset link from the sign-in page, as a person who forgot their password; the answer's text. */
    private static String asked(Browser browser, String email) throws Exception {
        HtmlPage forgot = Browser.click(browser.open("/login"), "Wachtwoord vergeten?");
        HtmlForm form = Browser.formWithAction(forgot, "/password/forgot");
        Browser.fill(form, "email", email);
        HtmlPage answer = Browser.submit(form);
        assertEquals(200, answer.getWebResponse().getStatusCode());
        return answer.asNormalizedText();
    }

    @Test
    void pasted_addresses_each_get_an_invitation_and_the_invalid_ones_are_reported() throws Exception {
        String cohort = new Http(server).signIn("trainer@example.be").post("/cohorts", Map.of("name", "Team De Linde"))
                .headers().firstValue("Location").orElseThrow();
        try (Browser trainer = new Browser(server)) {
            trainer.signIn("trainer@example.be", TestServer.PASSWORD);
            HtmlPage page = Browser.click(trainer.open(cohort), "Uitnodigingen per mail versturen");
            HtmlForm form = Browser.formWithAction(page, cohort + "/invite");
            form.getTextAreaByName("addresses").setText("sara@example.be, geen-adres\ntom@example.be;SARA@example.be");
            trainer.client().getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage after = Browser.submit(form);

            String text = after.asNormalizedText();
            assertTrue(text.contains("2 uitnodigingen verstuurd."), text);
            assertTrue(text.contains("Geen geldig e-mailadres, niet verstuurd: geen-adres."), text);
            assertEquals("geen-adres", after.getElementById("addresses").getTextContent().strip(),
                    "the invalid address stays in the field to correct");
            String code = server.codeOf(cohort);
            for (String to : List.of("sara@example.be", "tom@example.be")) {
                MimeMessage mail = only(2, to);
                assertEquals("Uitnodiging voor de groep Team De Linde op Stek", mail.getSubject());
                assertTrue(text(mail).contains("http://localhost/signup?code=" + code)
                        && text(mail).contains("Tine Trainer"), text(mail));
            }
        }
    }

    @Test
    void a_reminder_goes_once_before_the_due_date_and_once_when_overdue_but_not_to_who_turned_them_off() throws Exception {
        clock.day(0);
        Http trainer = new Http(server).signIn("trainer@example.be");
        String cohort = trainer.post("/cohorts", Map.of("name", "Groep Vroedkunde")).headers().firstValue("Location")
                .orElseThrow();
        trainer.post(cohort + "/codes", Map.of());
        trainer.post(cohort + "/courses", Map.of("course", "proef", "due", "2026-11-25"));
        String code = server.codeOf(cohort);
        server.addUser("wil@example.be", "Wil Herinnerd", Role.LEARNER);
        server.addUser("niet@example.be", "Nel Nooit", Role.LEARNER);
        new Http(server).signIn("wil@example.be").join(code);
        new Http(server).signIn("niet@example.be").join(code);
        try (Browser nel = new Browser(server)) {
            nel.signIn("niet@example.be", TestServer.PASSWORD);
            HtmlForm prefs = Browser.formWithAction(nel.open("/account"), "/account/mail");
            prefs.getInputByName("reminders").setChecked(false);
            assertTrue(Browser.submit(prefs).asNormalizedText().contains("Je voorkeuren voor e-mail zijn opgeslagen."));
        }

        // The server's own sweep (a minute after start-up) may claim a reminder first: either way it goes out once.
        server.app().reminders().sweep();
        MimeMessage before = only(1, "wil@example.be");
        assertTrue(before.getSubject().startsWith("Herinnering: "), before.getSubject());
        assertTrue(text(before).contains("25 november 2026 (over 2 dagen)"), text(before));
        assertTrue(text(before).contains("Zet ze uit onder Mijn account: http://localhost/account#mail"), text(before));
        assertEquals(0, server.app().reminders().sweep(), "once");
        clock.day(1);
        assertEquals(0, server.app().reminders().sweep(), "still once the next day");

        clock.day(3);
        server.app().reminders().sweep();
        assertEquals(0, server.app().reminders().sweep());
        assertTrue(smtp.waitForIncomingEmail(WAIT_MS, 2), "a second reminder on the day after the due date");
        assertEquals(2, smtp.getReceivedMessages().length);
        MimeMessage overdue = smtp.getReceivedMessages()[1];
        assertEquals("wil@example.be", overdue.getRecipients(Message.RecipientType.TO)[0].toString());
        assertTrue(overdue.getSubject().startsWith("Over tijd: "), overdue.getSubject());
        assertEquals(0, Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, "niet@example.be")).count(),
                "no reminder for the learner who turned them off");

        Http wil = new Http(server).signIn("wil@example.be");
        String export = wil.get("/me/data/export").body();
        assertTrue(export.contains("\"reminders_sent\"") && export.contains("\"overdue\""), export);
        Http nel = new Http(server).signIn("niet@example.be");
        assertTrue(Pattern.compile("\"reminders\"\\s*:\\s*0").matcher(nel.get("/me/data/export").body()).find(),
                "the preference is exported");
        for (Http who : List.of(wil, nel)) {
            assertEquals(303, who.post("/me/data/delete", Map.of("password", TestServer.PASSWORD)).statusCode());
        }
        assertEquals(0, server.count("SELECT count(*) FROM reminder_sent") + server.count(
                "SELECT count(*) FROM mail_preference"), "deleting the accounts deletes their mail data");
        clock.day(0);
    }

    @Test
    void the_members_get_a_mail_when_a_team_session_opens() throws Exception {
        Http trainer = new Http(server).signIn("trainer@example.be");
        String cohort = trainer.post("/cohorts", Map.of("name", "Team Sessie")).headers().firstValue("Location")
                .orElseThrow();
        trainer.post(cohort + "/codes", Map.of());
        server.addUser("lid@example.be", "Lid Lies", Role.LEARNER);
        new Http(server).signIn("lid@example.be").join(server.codeOf(cohort));

        String view = trainer.post(cohort + "/sessions", Map.of("item", "proef|wannes|lezing")).headers()
                .firstValue("Location").orElseThrow();

        MimeMessage mail = only(1, "lid@example.be");
        assertEquals("Teamsessie geopend in Team Sessie", mail.getSubject());
        assertTrue(text(mail).contains("http://localhost/sessions/" + view.substring(view.lastIndexOf('/') + 1)),
                text(mail));
    }

    /** Waits for {@code total} mails and returns the one to {@code to}. */
    private static MimeMessage only(int total, String to) throws Exception {
        assertTrue(smtp.waitForIncomingEmail(WAIT_MS, total), "mail arrives");
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, to)).toList();
        assertEquals(1, mails.size(), "one mail to " + to);
        assertEquals(total, smtp.getReceivedMessages().length);
        return mails.get(0);
    }

    private static boolean to(MimeMessage m, String address) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    }

    static String html(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
    }

    private static String path(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
