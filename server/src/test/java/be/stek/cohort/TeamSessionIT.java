package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.Concurrently;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    static HttpResponse<String> liveJson(TestServer server, Http visitor, String view) {
        return visitor.send(HttpRequest.newBuilder(URI.create(server.url(view + "/live")))
                .header("Accept", "application/json").GET().build());
    }

    /** The join code shown on the facilitator's page, as it is shown ({@code ACD-EFH}). */
    static String joinCode(String html) {
        Matcher m = Pattern.compile("class=\"join-code\">([A-Z0-9]{3}-[A-Z0-9]{3})<").matcher(html);
        assertTrue(m.find(), "a join code on the page");
        return m.group(1);
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
            assertEquals(403, liveJson(server, outsider, view).statusCode(), "the live counts are for the group's facilitators");
            assertEquals(403, outsider.get(view + "/projector").statusCode());
            assertEquals(403, liveJson(server, new Http(server).signIn("lid0@example.be"), view).statusCode(), "not for members");
            server.addUser("ander@example.be", "Andere begeleider", Role.FACILITATOR);
            Http otherTrainer = new Http(server).signIn("ander@example.be");
            assertEquals(403, liveJson(server, otherTrainer, view).statusCode(), "not for facilitators of other groups");
            assertEquals(303, liveJson(server, new Http(server), view).statusCode(), "anonymous visitors are sent to sign in");
            String otherCohort = otherTrainer.post("/cohorts", Map.of("name", "Andere groep")).headers()
                    .firstValue("Location").orElseThrow();
            assertEquals(404, liveJson(server, otherTrainer, otherCohort + view.substring(view.indexOf("/sessions"))).statusCode(),
                    "a session is found only under its own group");
            String code = joinCode(trainer.get(view).body());
            assertEquals(404, outsider.post("/code", Map.of("code", code)).statusCode(),
                    "a code of another group's session finds nothing");
            for (int i = 1; i < JoinThrottle.FREE; i++) {
                assertEquals(404, outsider.get("/code/KMNPRT").statusCode());
            }
            HttpResponse<String> throttled = outsider.post("/code", Map.of("code", code));
            assertEquals(429, throttled.statusCode(), "guessing codes is throttled");
            assertTrue(throttled.body().contains("Te veel foute codes"), throttled.body());
            assertEquals(303, new Http(server).signIn("lid1@example.be").get("/code/" + code).statusCode(),
                    "others are not held up");
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

    @Test
    void a_pair_joins_by_code_and_sees_the_result_after_a_confirmed_close(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser facilitator = new Browser(server);
             Browser sara = new Browser(server); Browser tom = new Browser(server)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            String cohort = cohortWithMembers(server, new Http(server).signIn("trainer@example.be"));
            facilitator.signIn("trainer@example.be", TestServer.PASSWORD);
            HtmlPage page = facilitator.open(cohort + "/sessions");
            assertTrue(page.asNormalizedText().contains("Met 2 is de anonimiteit zwakker"), "the warning beside the field");
            HtmlForm open = Browser.formWithAction(page, cohort + "/sessions");
            open.getSelectByName("item").setSelectedAttribute("proef|wannes|lezing", true);
            Browser.fill(open, "minimum", "2");
            page = Browser.submit(open);
            String view = page.getUrl().getPath();
            assertTrue(page.asNormalizedText().contains("toont de antwoorden vanaf 2: de anonimiteit is zwakker"));
            String code = joinCode(page.getWebResponse().getContentAsString());
            assertTrue(page.asNormalizedText().contains("Leden gaan naar http://localhost/code en typen de code " + code),
                    page.asNormalizedText());

            sara.signIn("lid0@example.be", TestServer.PASSWORD);
            HtmlForm join = Browser.formWithAction(Browser.click(sara.open("/sessions"), "Meedoen met een code"), "/code");
            Browser.fill(join, "code", " " + code.toLowerCase(java.util.Locale.ROOT).replace('-', ' '));
            String sessionPath = Browser.submit(join).getUrl().getPath();
            assertTrue(sessionPath.startsWith("/sessions/"), sessionPath);
            answerAs(sara, sessionPath, "best");
            assertTrue(sara.open(sessionPath).asNormalizedText().contains("Als de begeleider de sessie sluit, zie je hier"));
            tom.signIn("lid1@example.be", TestServer.PASSWORD);
            assertEquals(sessionPath, tom.open("/code/" + code).getUrl().getPath(), "the QR code's address leads to it");
            answerAs(tom, sessionPath, "half");
            String text = facilitator.open(view).asNormalizedText();
            assertTrue(text.contains("Antwoorden: 2") && text.contains("1 (50%)"), "a pair sees its distribution: " + text);

            HtmlPage confirm = Browser.click(facilitator.open(view), "Sessie sluiten");
            assertTrue(confirm.asNormalizedText().contains("Sessie sluiten?"), confirm.asNormalizedText());
            assertEquals(0, server.count("SELECT count(*) FROM team_session WHERE closed_at IS NOT NULL"), "not yet closed");
            HtmlPage closed = Browser.submit(Browser.formWithAction(confirm, view + "/close"));
            assertTrue(closed.asNormalizedText().contains("De sessie is gesloten."), closed.asNormalizedText());
            assertEquals(1, server.count("SELECT count(*) FROM team_session WHERE closed_at IS NOT NULL"));

            HtmlPage result = Browser.click(sara.open("/sessions"), "Resultaat bekijken");
            assertEquals(sessionPath, result.getUrl().getPath());
            String seen = result.asNormalizedText();
            assertTrue(seen.contains("Resultaat van de groep") && seen.contains("Zijn gedrag kan een aanpassing zijn.")
                    && seen.contains("1 (50%)"), seen);
            for (String name : NAMES) {
                assertFalse(seen.contains(name), "no names in the result");
            }
        }
    }

    @Test
    void the_live_counts_name_nobody_and_show_the_distribution_only_from_the_minimum(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String cohort = cohortWithMembers(server, trainer);
            String view = trainer.post(cohort + "/sessions", Map.of("item", "proef|wannes|lezing")).headers()
                    .firstValue("Location").orElseThrow();
            String session = "/sessions" + view.substring(view.lastIndexOf('/'));
            List<Http> members = new ArrayList<>();
            for (int i = 0; i < NAMES.length; i++) {
                members.add(new Http(server).signIn("lid" + i + "@example.be"));
            }
            members.get(0).post(session, Map.of("option", "best"));
            HttpResponse<String> first = liveJson(server, trainer, view);
            assertEquals(200, first.statusCode());
            JsonNode live = new ObjectMapper().readTree(first.body());
            assertEquals(1, live.get("count").asInt());
            assertFalse(live.get("enough").asBoolean());
            assertTrue(live.get("open").asBoolean());
            live.get("bars").forEach(b -> assertEquals(0, b.get("count").asInt(), "no counts below the minimum"));
            members.get(1).post(session, Map.of("option", "half"));
            members.get(2).post(session, Map.of("option", "best"));
            trainer.post(view + "/close", Map.of());
            String body = liveJson(server, trainer, view).body();
            live = new ObjectMapper().readTree(body);
            assertEquals(3, live.get("count").asInt());
            assertTrue(live.get("enough").asBoolean());
            assertFalse(live.get("open").asBoolean());
            assertEquals("De sessie is gesloten.", live.get("statusText").asText());
            List<Integer> counts = new ArrayList<>();
            live.get("bars").forEach(b -> counts.add(b.get("count").asInt()));
            assertTrue(counts.contains(2) && counts.contains(1) && counts.stream().mapToInt(Integer::intValue).sum() == 3,
                    body);
            for (int i = 0; i < NAMES.length; i++) {
                assertFalse(body.contains(NAMES[i]) || body.contains("lid" + i), "nobody is named: " + body);
            }

            String lonely = trainer.post(cohort + "/sessions", Map.of("item", "proef|wannes|lezing")).headers()
                    .firstValue("Location").orElseThrow();
            String lonelySession = "/sessions" + lonely.substring(lonely.lastIndexOf('/'));
            members.get(0).post(lonelySession, Map.of("option", "best"));
            trainer.post(lonely + "/close", Map.of());
            String seen = members.get(0).get(lonelySession).body();
            assertTrue(seen.contains("De verdeling verschijnt pas vanaf 3 antwoorden"), seen);
            assertFalse(seen.contains("(100%)") || seen.contains("data-live=\"bars\""), "no distribution below the minimum");
        }
    }
}
