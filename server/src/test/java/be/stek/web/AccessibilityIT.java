package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WCAG basics a machine can check, on every kind of page: a page title and language, one h1, a skip link to the
 * main content, a label for every form control, an alt text for every image, a name for every button.
 */
class AccessibilityIT {

    static List<String> problems(HtmlPage page) {
        List<String> out = new ArrayList<>();
        String where = page.getUrl().getPath() + ": ";
        if (page.getTitleText().isBlank()) {
            out.add(where + "no title");
        }
        if (page.getDocumentElement().getAttribute("lang").isBlank()) {
            out.add(where + "no lang");
        }
        if (page.getElementsByTagName("h1").size() != 1) {
            out.add(where + page.getElementsByTagName("h1").size() + " h1 elements");
        }
        if (page.getFirstByXPath("//a[@href='#main']") == null || page.getElementById("main") == null) {
            out.add(where + "no skip link to #main");
        }
        for (DomElement input : page.getDocumentElement().getElementsByTagName("input")) {
            String type = input.getAttribute("type");
            if (type.equals("hidden") || type.equals("submit")) {
                continue;
            }
            String id = input.getAttribute("id");
            if (id.isBlank() || page.getFirstByXPath("//label[@for='" + id + "']") == null) {
                out.add(where + "input " + input.getAttribute("name") + " has no label");
            }
        }
        for (String tag : List.of("select", "textarea")) {
            for (DomElement el : page.getDocumentElement().getElementsByTagName(tag)) {
                if (page.getFirstByXPath("//label[@for='" + el.getAttribute("id") + "']") == null) {
                    out.add(where + tag + " " + el.getAttribute("name") + " has no label");
                }
            }
        }
        for (DomElement img : page.getDocumentElement().getElementsByTagName("img")) {
            if (!img.hasAttribute("alt")) {
                out.add(where + "image " + img.getAttribute("src") + " has no alt");
            }
        }
        for (DomElement button : page.getDocumentElement().getElementsByTagName("button")) {
            if (button.getTextContent().isBlank()) {
                out.add(where + "a button has no text");
            }
        }
        return out;
    }

    @Test
    void every_kind_of_page_passes_the_machine_checkable_basics(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser learner = new Browser(server);
             Browser trainer = new Browser(server)) {
            long an = server.addUser("an@example.be", "An", Role.LEARNER);
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            Http t = new Http(server).signIn("trainer@example.be");
            String cohort = t.post("/cohorts", Map.of("name", "Groep")).headers().firstValue("Location").orElseThrow();
            String session = t.post(cohort + "/sessions", Map.of("item", "proef|wannes|lezing")).headers()
                    .firstValue("Location").orElseThrow();
            t.post(cohort + "/codes", Map.of());
            new Http(server).signIn("an@example.be").join(server.codeOf(cohort));

            List<String> problems = new ArrayList<>();
            for (String path : List.of("/", "/login", "/signup", "/password/forgot", "/woordenlijst",
                    "/courses/proef", "/nergens")) {
                problems.addAll(problems(learner.open(path)));
            }
            learner.signIn("an@example.be", TestServer.PASSWORD);
            HtmlPage attempt = Browser.submit(Browser.formWithAction(learner.open("/courses/proef/lessons/eerste-les"),
                    "/courses/proef/activities/dag-vier/start"));
            problems.addAll(problems(attempt));
            HtmlPage branching = Browser.submit(Browser.formWithAction(learner.open("/courses/proef/lessons/derde-les"),
                    "/courses/proef/activities/avonddienst/start"));
            problems.addAll(problems(branching));
            for (String path : List.of("/me", "/account", "/courses/proef", "/courses/proef/lessons/eerste-les",
                    "/courses/proef/lessons/bijlage", "/courses/proef/journal", "/sessions", "/code",
                    "/code/KMNPRT", "/sessions" + session.substring(session.lastIndexOf('/')))) {
                problems.addAll(problems(learner.open(path)));
            }
            trainer.signIn("trainer@example.be", TestServer.PASSWORD);
            for (String path : List.of("/cohorts", cohort, cohort + "/dashboard", cohort + "/items", cohort + "/sessions",
                    session, session + "/projector", session + "/close", cohort + "/invite",
                    cohort + "/learners/" + an, cohort + "/items?course=all")) {
                problems.addAll(problems(trainer.open(path)));
            }
            assertEquals(List.of(), problems);
            assertTrue(learner.open("/me").getTitleText().endsWith("· Stek"));
        }
    }
}
