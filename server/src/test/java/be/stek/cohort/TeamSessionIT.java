package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.Concurrently;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team answers on their own devices; the facilitator sees an anonymous distribution, and only from a minimum on. */
class TeamSessionIT {
    static final String[] NAMES = {"Sara Janssens", "Tom Claes", "Ilse Maes"};

    static String cohortWithMembers(TestServer server, Http trainer) {
        String location = trainer.post("/cohorts", Map.of("name", "Team De Linde")).headers().firstValue("Location").orElseThrow();
        trainer.post(location + "/codes", Map.of());
        String code = server.codeOf(location);
        for (int i = 0; i < NAMES.length; i++) {
            server.addUser("lid" + i + "@example.be", NAMES[i], Role.LEARNER);
            new Http(server).signIn("lid" + i + "@example.be").join(code);
        }
        return location;
    }

    static void answerAs(Browser member, String sessionPath, String option) throws Exception {
        HtmlForm form = Browser.formWithAction(member.open(sessionPath), sessionPath);
        ((HtmlRadioButtonInput) form.getFirstByXPath(".//input[@value='" + option + "']")).setChecked(true);
        HtmlPage after = Browser.submit(form);
        assertTrue(after.asNormalizedText().contains("anoniem doorgegeven"), after.asNormalizedText());
    }

    @Test
    void three_members_answer_and_the_facilitator_sees_the_distribution_without_names(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser facilitator = new Browser(server)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            String cohort = cohortWithMembers(server, new Http(server).signIn("trainer@example.be"));
            facilitator.signIn("trainer@example.be", TestServer.PASSWORD);
            HtmlPage page = facilitator.open(cohort + "/sessions");
            HtmlForm open = Browser.formWithAction(page, cohort + "/sessions");
            open.getSelectByName("item").setSelectedAttribute("proef|wannes|lezing", true);
            page = Browser.submit(open);
            String view = page.getUrl().getPath();
            String sessionPath = "/sessions" + view.substring(view.lastIndexOf('/'));
            assertTrue(page.asNormalizedText().contains("Draaiboek voor de bespreking"), "the meeting guide");

            String[] choices = {"best", "half", "best"};
            for (int i = 0; i < 3; i++) {
                try (Browser member = new Browser(server)) {
                    member.signIn("lid" + i + "@example.be", TestServer.PASSWORD);
                    assertTrue(Browser.click(member.open("/me"), "Meedoen").getUrl().getPath().equals(sessionPath));
                    answerAs(member, sessionPath, choices[i]);
                }
                String text = facilitator.open(view).asNormalizedText();
                assertEquals(i < 2, text.contains("de verdeling verschijnt vanaf 3 antwoorden"), text);
                for (String name : NAMES) {
                    assertFalse(text.contains(name), "no names on the facilitator's screen");
                }
            }
            String text = facilitator.open(view).asNormalizedText();
            assertTrue(text.contains("Antwoorden: 3"), text);
            assertTrue(text.contains("Zijn gedrag kan een aanpassing zijn.") && text.contains("2 (67%)"), text);
            assertTrue(text.contains("Even afwachten en observeren.") && text.contains("1 (33%)"), text);
        }
    }

    @Test
    void reflection_answers_appear_as_anonymous_texts_only_from_the_minimum(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String cohort = cohortWithMembers(server, trainer);
            String view = trainer.post(cohort + "/sessions", Map.of("item", "proef|kleine-dingen|", "minimum", "2"))
                    .headers().firstValue("Location").orElseThrow();
            String session = "/sessions" + view.substring(view.lastIndexOf('/'));
            new Http(server).signIn("lid0@example.be").post(session, Map.of("body", "Een kind dat lachte naar papa."));
            assertFalse(trainer.get(view).body().contains("lachte naar papa"));
            new Http(server).signIn("lid1@example.be").post(session, Map.of("body", "Een moeder die even rustte."));
            String body = trainer.get(view).body();
            assertTrue(body.contains("lachte naar papa") && body.contains("even rustte"), body);
            assertFalse(body.contains("Sara Janssens") || body.contains("Tom Claes"));
        }
    }

    @Test
    void outsiders_cannot_answer_or_see_a_session_and_closed_sessions_take_no_answers(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            server.addUser("buiten@example.be", "Buitenstaander", Role.LEARNER);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String cohort = cohortWithMembers(server, trainer);
            String view = trainer.post(cohort + "/sessions", Map.of("item", "proef|wannes|lezing")).headers()
                    .firstValue("Location").orElseThrow();
            String session = "/sessions" + view.substring(view.lastIndexOf('/'));
            Http outsider = new Http(server).signIn("buiten@example.be");
            assertEquals(403, outsider.get(session).statusCode());
            assertEquals(403, outsider.post(session, Map.of("option", "best")).statusCode());
            assertEquals(403, outsider.get(view).statusCode());
            Http member = new Http(server).signIn("lid0@example.be");
            assertEquals(400, member.post(session, Map.of("option", "verzonnen")).statusCode());
            assertEquals(400, member.post(session, Map.of()).statusCode());
            trainer.post(view + "/close", Map.of());
            assertEquals(409, member.post(session, Map.of("option", "best")).statusCode());
            assertEquals(0, server.count("SELECT count(*) FROM team_answer"));
            assertEquals(400, trainer.post(cohort + "/sessions", Map.of("item", "proef|niets|x")).statusCode());
        }
    }

    @Test
    void a_member_who_answers_many_times_at_once_counts_once(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String cohort = cohortWithMembers(server, trainer);
            String view = trainer.post(cohort + "/sessions", Map.of("item", "proef|wannes|lezing")).headers()
                    .firstValue("Location").orElseThrow();
            String session = "/sessions" + view.substring(view.lastIndexOf('/'));
            Http member = new Http(server).signIn("lid0@example.be");
            List<Http> tabs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tabs.add(member.twin());
            }
            String[] options = {"best", "half", "fout"};
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Http tab = tabs.get(i % tabs.size());
                String option = options[i % options.length];
                posts.add(() -> tab.post(session, Map.of("option", option)).statusCode());
            }

            List<Integer> statuses = Concurrently.run(8, posts);

            assertTrue(statuses.stream().allMatch(s -> s == 303), statuses.toString());
            assertEquals(1, server.count("SELECT count(*) FROM team_answer"), "one answer per member and session");
            assertTrue(trainer.get(view).body().contains("Antwoorden: 1"), "the facilitator counts one answer");
        }
    }
}
