package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.FormErrors;
import be.stek.testing.TestServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms that keep what was typed: a form with mistakes comes back with every error beside its field, in words and in
 * the visitor's language, the values still filled in, and an error summary at the top that links to the fields.
 */
class FormsIT {

    @Test
    void a_facilitator_form_with_two_mistakes_keeps_its_values_and_shows_both_errors(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data); Browser trainer = new Browser(server)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            trainer.signIn("trainer@example.be", TestServer.PASSWORD);
            HtmlForm create = Browser.formWithAction(trainer.open("/cohorts"), "/cohorts");
            Browser.fill(create, "name", "Team De Linde");
            HtmlPage cohort = Browser.submit(create);
            String path = cohort.getUrl().getPath();

            HtmlForm codes = Browser.formWithAction(cohort, path + "/codes");
            codes.getSelectByName("role").setSelectedAttribute("facilitator", true);
            Browser.fill(codes, "days", "400");
            Browser.fill(codes, "uses", "0");
            HtmlPage page = Browser.submit(codes);

            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("days", "Het aantal dagen dat de code geldig is, moet een getal van 1 tot 365 zijn.");
            errors.put("uses", "Het aantal keer dat de code gebruikt mag worden, moet een getal van 1 tot 10000 zijn.");
            FormErrors.assertShown(page, errors);
            assertTrue(page.getTitleText().startsWith("Fout: Team De Linde"), page.getTitleText());
            HtmlForm again = Browser.formWithAction(page, path + "/codes");
            assertEquals("400", again.getInputByName("days").getValue(), "what was typed stays");
            assertEquals("0", again.getInputByName("uses").getValue());
            assertEquals("facilitator", again.getSelectByName("role").getSelectedOptions().get(0)
                    .getValueAttribute(), "the chosen role stays");
            HtmlAnchor toDays = page.getFirstByXPath("//div[@id='error-summary']//a[@href='#days']");
            HtmlPage followed = toDays.click();
            assertEquals("days", followed.getUrl().getRef(), "the summary's link leads to the field");
            assertEquals(0, server.count("SELECT count(*) FROM invitation"), "nothing was created");

            Browser.fill(again, "days", "30");
            Browser.fill(again, "uses", "");
            HtmlPage fixed = Browser.submit(again);
            assertEquals(200, fixed.getWebResponse().getStatusCode());
            assertEquals(null, fixed.getElementById("error-summary"));
            assertEquals(1, server.count("SELECT count(*) FROM invitation WHERE role = 'facilitator'"));

            HtmlPage english = Browser.click(trainer.open("/cohorts"), "English");
            HtmlPage unnamed = Browser.submit(Browser.formWithAction(english, "/cohorts"));
            FormErrors.assertShown(unnamed, Map.of("name", "Enter the name of the group."));
            assertTrue(unnamed.getTitleText().startsWith("Error: "), unnamed.getTitleText());
        }
    }

    @Test
    void sign_up_with_several_mistakes_shows_all_of_them_and_asks_for_the_password_again(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data); Browser visitor = new Browser(server)) {
            HtmlForm signup = Browser.formWithAction(visitor.open("/signup"), "/signup");
            Browser.fill(signup, "email", "an-at-example.be");
            Browser.fill(signup, "password", "kort");
            Browser.fill(signup, "password2", "kort");
            HtmlPage page = Browser.submit(signup);

            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("code", "Vul je uitnodigingscode in.");
            errors.put("name", "Vul je naam in");
            errors.put("email", "Vul een geldig e-mailadres in.");
            errors.put("password", "Je wachtwoord moet minstens 10 tekens lang zijn.");
            FormErrors.assertShown(page, errors);
            HtmlForm again = Browser.formWithAction(page, "/signup");
            assertEquals("an-at-example.be", again.getInputByName("email").getValue(), "the address stays");
            assertEquals("", again.getInputByName("password").getValue(), "a password is never sent back");
            assertTrue(page.getElementById("password-hint").getTextContent().contains("Typ het wachtwoord opnieuw"),
                    "and the field says so");
            assertTrue(page.getElementById("password2-hint").getTextContent().contains("Typ het wachtwoord opnieuw"));

            Browser.fill(again, "code", server.invitation("Team De Linde"));
            Browser.fill(again, "name", "An Peeters");
            Browser.fill(again, "email", "an@example.be");
            Browser.fill(again, "password", TestServer.PASSWORD);
            Browser.fill(again, "password2", "een ander wachtwoord");
            FormErrors.assertShown(Browser.submit(again),
                    Map.of("password2", "De twee wachtwoorden zijn niet gelijk."));
            assertEquals(0, server.count("SELECT count(*) FROM learner"));
        }
    }
}
