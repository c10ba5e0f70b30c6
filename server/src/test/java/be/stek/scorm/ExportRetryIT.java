package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.course.Activity;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.quiz.Branching;
import be.stek.quiz.Option;
import be.stek.quiz.Question;
import be.stek.quiz.Vignette;
import be.stek.testing.Chromium;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An exported course as a learner who fails first: every answer the weakest, so the result panel says "not passed
 * yet"; leaving and coming back resumes the same attempt with every answer; trying every exercise again with the
 * best answers raises the score past the pass mark (in 1.2 too, where "failed" used to be final); closing the course
 * on its result panel ends the attempt. No SetValue is refused on the way.
 */
class ExportRetryIT {
    private static final String COURSE = "imh-basis";

    @ParameterizedTest(name = "SCORM {0}")
    @EnumSource(ScormVersion.class)
    void a_failed_learner_retries_to_a_pass_resumes_on_the_way_and_closes_the_course(ScormVersion version,
                                                                                     @TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data, Path.of("courses"), Path.of("media"), Clock.systemUTC())) {
            Catalogue catalogue = ScormExportTest.catalogue();
            Course course = catalogue.course(COURSE).orElseThrow();
            server.addUser("begeleider@example.be", "Bert Begeleider", Role.FACILITATOR);
            byte[] zip = TestPackages.download(new Http(server).signIn("begeleider@example.be"), server,
                    "/scorm/export/" + COURSE + "/" + ExportRoutes.fileName(course, version)).body();
            String pkg = ResumeIT.importAsAdmin(server, zip);
            long learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            String play = "/scorm/packages/" + pkg + "/play/ITEM-" + COURSE;
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                chromium.open(play);
                walk(chromium, course, false);
                assertTrue(text(chromium, "shell-verdict").contains("nog niet geslaagd"), text(chromium, "shell-verdict"));
                double first = Double.parseDouble(ResumeIT.attemptValue(server, learner, "score_raw"));
                assertEquals("failed", ResumeIT.attemptValue(server, learner, "success_status"));

                chromium.driver().switchTo().defaultContent();
                chromium.open("/scorm");
                Await.until("the suspended session is stored", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 1);
                assertEquals("suspend", ResumeIT.attemptValue(server, learner, "exit_mode"));

                chromium.open(play);
                Player.enterSco(chromium);
                chromium.await(d -> d.findElement(By.id("shell-status")).getText().contains("Cursus afgerond"));
                assertEquals(1, server.count("SELECT COUNT(*) FROM scorm_attempt"), "the same attempt goes on");
                walk(chromium, course, true);
                assertTrue(text(chromium, "shell-verdict").contains("geslaagd")
                        && !text(chromium, "shell-verdict").contains("nog niet"), text(chromium, "shell-verdict"));
                assertTrue(Double.parseDouble(ResumeIT.attemptValue(server, learner, "score_raw")) > first);
                assertEquals("passed", ResumeIT.attemptValue(server, learner, "success_status"));
                assertEquals("null", ResumeIT.attemptValue(server, learner, "ended_at"), "not ended by completing");

                chromium.driver().findElement(By.id("shell-finish")).click();
                Await.until("closing the course ends the session", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 2);
                if (version == ScormVersion.SCORM_2004) {
                    assertTrue(!"null".equals(ResumeIT.attemptValue(server, learner, "ended_at")),
                            "closed: the attempt ends");
                }
            }
        }
    }

    /**
     * Every page from the first: answers every open question (the best or the weakest option), and on the way back
     * ({@code retry}) first tries every finished exercise again. Every save must have been accepted.
     */
    private static void walk(Chromium chromium, Course course, boolean retry) {
        WebDriver d = chromium.driver();
        Player.enterSco(chromium);
        WebElement first = chromium.find(By.cssSelector("#shell-pages a"));
        String title = first.getText();
        first.click();
        chromium.await(x -> x.findElement(By.cssSelector("#shell-pages [aria-current]")).getText().equals(title));
        while (true) {
            d.switchTo().frame(chromium.find(By.id("shell-frame")));
            chromium.find(By.cssSelector("article.lesson h1"));
            if (retry) {
                for (WebElement again : d.findElements(By.cssSelector(".stek-activity .summary button"))) {
                    again.click();
                }
            }
            answer(chromium, course, retry);
            d.switchTo().parentFrame();
            assertTrue(!text(chromium, "shell-status").contains("niet bewaard"), text(chromium, "shell-status"));
            WebElement next = d.findElement(By.id("shell-next"));
            if (!next.isEnabled()) {
                return;
            }
            String current = d.findElement(By.cssSelector("#shell-pages [aria-current]")).getText();
            next.click();
            chromium.await(x -> !x.findElement(By.cssSelector("#shell-pages [aria-current]")).getText().equals(current));
        }
    }

    private static void answer(Chromium chromium, Course course, boolean best) {
        WebDriver d = chromium.driver();
        for (List<WebElement> forms = d.findElements(By.cssSelector(".stek-activity form.answer-form"));
             !forms.isEmpty(); forms = d.findElements(By.cssSelector(".stek-activity form.answer-form"))) {
            WebElement form = forms.get(0);
            WebElement box = form.findElement(By.xpath(".."));
            Activity activity = course.activity(box.findElement(By.xpath("ancestor::section[@data-activity]"))
                    .getAttribute("data-activity")).orElseThrow();
            for (String value : pick(activity, box, best)) {
                form.findElement(By.cssSelector("input[value='" + value + "']")).click();
            }
            form.findElement(By.cssSelector("button")).click();
            chromium.await(ExpectedConditions.stalenessOf(form));
        }
    }

    /** The options to tick: all correct ones (or the heaviest) for the best answer, one weakest option otherwise. */
    private static List<String> pick(Activity activity, WebElement box, boolean best) {
        if (activity instanceof Branching b) {
            var choices = b.steps().get(box.getAttribute("data-step")).choices();
            Comparator<Branching.Choice> byWeight = Comparator.comparingDouble(Branching.Choice::weight);
            return List.of((best ? choices.stream().max(byWeight) : choices.stream().min(byWeight)).orElseThrow().id());
        }
        Question q = ((Vignette) activity).question(box.getAttribute("data-question")).orElseThrow();
        Comparator<Option> byWeight = Comparator.comparingDouble(Option::weight);
        if (q.multiple()) {
            return best ? q.options().stream().filter(Option::correct).map(Option::id).toList()
                    : List.of(q.options().stream().filter(o -> !o.correct()).findFirst().orElseThrow().id());
        }
        return List.of((best ? q.options().stream().max(byWeight) : q.options().stream().min(byWeight))
                .orElseThrow().id());
    }

    private static String text(Chromium chromium, String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }
}
