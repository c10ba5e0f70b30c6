package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.course.Activity;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.quiz.Branching;
import be.stek.quiz.QuizGrader;
import be.stek.quiz.Vignette;
import be.stek.store.Sql;
import be.stek.testing.Chromium;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every built-in course, exported by a facilitator as SCORM 2004 and as SCORM 1.2, imported back by an admin and
 * played in Chromium by a learner who reads every page and answers every question: Stek records the course as
 * completed, with the score Stek's own grader gives for the same answers, and every answer as an interaction
 * (with its question text in 2004).
 */
class ExportRoundTripIT {

    static Stream<Arguments> courses() {
        return ScormExportTest.catalogue().courses().stream().flatMap(c -> Stream.of(
                Arguments.of(c.slug(), ScormVersion.SCORM_2004), Arguments.of(c.slug(), ScormVersion.SCORM_12)));
    }

    @ParameterizedTest(name = "{0} as SCORM {1}")
    @MethodSource("courses")
    void exported_course_plays_in_stek_and_records_the_same_results(String slug, ScormVersion version,
                                                                     @TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data, Path.of("courses"), Path.of("media"), Clock.systemUTC())) {
            Catalogue catalogue = ScormExportTest.catalogue();
            Course course = catalogue.course(slug).orElseThrow();
            server.addUser("begeleider@example.be", "Bert Begeleider", Role.FACILITATOR);
            String file = ExportRoutes.fileName(course, version);
            HttpResponse<byte[]> download = TestPackages.download(new Http(server).signIn("begeleider@example.be"),
                    server, "/scorm/export/" + slug + "/" + file);
            assertEquals(200, download.statusCode());
            String pkg = ResumeIT.importAsAdmin(server, download.body());
            long learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);

            Map<String, List<String[]>> chosen;
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                chromium.open("/scorm/packages/" + pkg + "/play/ITEM-" + slug);
                chosen = readEverythingAndAnswer(chromium);
                String status = chromium.driver().findElement(By.id("shell-status")).getText();
                assertTrue(status.contains("bewaard") && !status.contains("niet bewaard"),
                        "every SetValue and Commit was accepted: " + status);
                String verdict = chromium.driver().findElement(By.id("shell-verdict")).getText();
                assertTrue(verdict.startsWith("Score ") && verdict.contains("grens om te slagen"), verdict);
                chromium.driver().switchTo().defaultContent();
                chromium.open("/scorm");
                Await.until("the course's final commit is stored", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 1);
            }
            double expected = expectedScore(course, chosen);
            assertEquals("completed", ResumeIT.attemptValue(server, learner, "completion_status"));
            assertEquals(Math.round(expected * 1000) >= course.meta().mastery() * 10L ? "passed" : "failed",
                    ResumeIT.attemptValue(server, learner, "success_status"));
            assertEquals(Math.round(expected * 1000) / 10.0, Double.parseDouble(
                    ResumeIT.attemptValue(server, learner, "score_raw")), 1e-9, "Stek's grader, same answers");
            int answers = chosen.values().stream().mapToInt(List::size).sum();
            assertEquals(answers, server.count("SELECT COUNT(*) FROM scorm_interaction"));
            // Checked in Java, not with SQLite's GLOB and json_extract, so that it runs on PostgreSQL as well.
            List<String[]> interactions = server.db().read(c -> Sql.list(c,
                    "SELECT interaction_id, type, learner_response FROM scorm_interaction",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
            assertTrue(interactions.stream().allMatch(i -> i[0].matches("[A-Za-z0-9]*")),
                    "interaction ids are letters and digits");
            String cmi = server.db().read(c -> Sql.one(c, "SELECT cmi FROM scorm_attempt", rs -> rs.getString(1))
                    .orElseThrow());
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(cmi);
            String score = (version == ScormVersion.SCORM_12 ? root.path("core").path("score").path("raw")
                    : root.path("score").path("scaled")).asText();
            assertTrue(score.matches(version == ScormVersion.SCORM_12 ? "\\d{1,3}(\\.\\d)?" : "[01](\\.\\d{1,3})?"),
                    "a rounded score: " + score);
            if (version == ScormVersion.SCORM_12) {
                assertTrue(interactions.stream().filter(i -> "choice".equals(i[1]))
                        .allMatch(i -> i[2] != null && i[2].matches("[a-z0-9](,.*)?")),
                        "1.2 choice responses are single characters");
            }
            if (version == ScormVersion.SCORM_2004) {
                assertEquals(answers, server.count("SELECT COUNT(*) FROM scorm_interaction WHERE description <> ''"));
                assertTrue(descriptions(server).containsAll(questionTexts(course, chosen)));
            }
        }
    }

    /** Walks every page; on each, answers every question of every activity with its first option. */
    private static Map<String, List<String[]>> readEverythingAndAnswer(Chromium chromium) {
        WebDriver d = chromium.driver();
        Player.enterSco(chromium);
        chromium.find(By.cssSelector("#shell-pages a"));
        Map<String, List<String[]>> chosen = new LinkedHashMap<>();
        while (true) {
            d.switchTo().frame(chromium.find(By.id("shell-frame")));
            chromium.find(By.cssSelector("article.lesson h1"));
            answerAll(chromium, chosen);
            d.switchTo().parentFrame();
            WebElement next = d.findElement(By.id("shell-next"));
            if (!next.isEnabled()) {
                return chosen;
            }
            String current = d.findElement(By.cssSelector("#shell-pages [aria-current]")).getText();
            next.click();
            chromium.await(x -> !x.findElement(By.cssSelector("#shell-pages [aria-current]")).getText().equals(current));
        }
    }

    private static void answerAll(Chromium chromium, Map<String, List<String[]>> chosen) {
        WebDriver d = chromium.driver();
        for (List<WebElement> forms = d.findElements(By.cssSelector(".stek-activity form.answer-form"));
             !forms.isEmpty(); forms = d.findElements(By.cssSelector(".stek-activity form.answer-form"))) {
            WebElement form = forms.get(0);
            WebElement box = form.findElement(By.xpath(".."));
            String activity = box.findElement(By.xpath("ancestor::section[@data-activity]")).getAttribute("data-activity");
            String question = box.getAttribute("data-question") != null ? box.getAttribute("data-question")
                    : box.getAttribute("data-step");
            WebElement input = form.findElement(By.cssSelector("input"));
            input.click();
            chosen.computeIfAbsent(activity, k -> new ArrayList<>()).add(new String[] {question, input.getAttribute("value")});
            form.findElement(By.cssSelector("button")).click();
            chromium.await(ExpectedConditions.stalenessOf(form));
        }
    }

    /** What Stek's own grader gives for the same answers: the mean over graded activities. */
    private static double expectedScore(Course course, Map<String, List<String[]>> chosen) {
        List<Double> scores = new ArrayList<>();
        for (Activity a : course.gradedActivities()) {
            List<Double> parts = new ArrayList<>();
            for (String[] answer : chosen.getOrDefault(a.id(), List.of())) {
                if (a instanceof Vignette v) {
                    parts.add(QuizGrader.score(v.question(answer[0]).orElseThrow(), Set.of(answer[1])));
                } else if (a instanceof Branching b) {
                    parts.add(b.steps().get(answer[0]).choice(answer[1]).orElseThrow().weight());
                }
            }
            scores.add(QuizGrader.mean(parts));
        }
        return QuizGrader.mean(scores);
    }

    private static List<String> questionTexts(Course course, Map<String, List<String[]>> chosen) {
        List<String> texts = new ArrayList<>();
        chosen.forEach((activity, answers) -> answers.forEach(a -> {
            Activity act = course.activity(activity).orElseThrow();
            String text = act instanceof Vignette v ? v.question(a[0]).orElseThrow().prompt()
                    : stepQuestion(((Branching) act).steps().get(a[0]).text());
            String line = text.replaceAll("\\s+", " ").strip();
            texts.add(line.length() > 250 ? line.substring(0, 249) + "\u2026" : line);
        }));
        return texts;
    }

    /** A branching step as its description starts: the last sentence that asks something, then the story. */
    static String stepQuestion(String story) {
        String plain = story.replaceAll("\\s+", " ").strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[^.!?]*\\?").matcher(plain);
        String question = null;
        while (m.find()) {
            question = m.group().replaceAll("^\\s+", "");
        }
        return (question == null ? "Wat doe je?" : question) + " \u2014 " + plain;
    }

    private static List<String> descriptions(TestServer server) {
        return server.db().read(c -> Sql.list(c, "SELECT description FROM scorm_interaction", rs -> rs.getString(1)));
    }
}
