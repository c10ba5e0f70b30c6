package be.stek.certificate;

import be.stek.testing.Browser;
import java.io.IOException;
import java.util.List;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextArea;

/**
 * Works through the fixture course "proef" (three lessons, three graded vignettes, pass mark 80 %) the way a learner
 * does, by submitting the forms on its pages.
 */
public final class ProefCourse {
    private ProefCourse() {
    }

    public static HtmlPage start(Browser browser, String lesson, String activity) throws IOException {
        HtmlPage page = browser.open("/courses/proef/lessons/" + lesson);
        return Browser.submit(Browser.formWithAction(page, "/courses/proef/activities/" + activity + "/start"));
    }

    /** Answers one vignette question with the given options. */
    public static HtmlPage choose(HtmlPage page, String question, String... options) throws IOException {
        HtmlForm form = page.getFirstByXPath("//section[@id='q-" + question + "']//form");
        for (String o : options) {
            Object input = form.getFirstByXPath(".//input[@value='" + o + "']");
            if (input instanceof HtmlRadioButtonInput r) {
                r.setChecked(true);
            } else {
                ((HtmlCheckBoxInput) input).setChecked(true);
            }
        }
        return Browser.submit(form);
    }

    /** Takes the given choices through the branching vignette. */
    public static HtmlPage walk(HtmlPage page, String... choices) throws IOException {
        for (String choice : choices) {
            HtmlForm form = page.getFirstByXPath("//section[@id='current']//form");
            ((HtmlRadioButtonInput) form.getFirstByXPath(".//input[@value='" + choice + "']")).setChecked(true);
            page = Browser.submit(form);
        }
        return page;
    }

    public static void finishLessons(Browser browser) throws IOException {
        for (String lesson : List.of("eerste-les", "tweede-les", "derde-les")) {
            Browser.submit(Browser.formWithAction(browser.open("/courses/proef/lessons/" + lesson),
                    "/courses/proef/lessons/" + lesson + "/done"));
        }
    }

    /** Every vignette answered well and every lesson finished: the course is complete and passed. */
    public static void completeAndPass(Browser browser) throws IOException {
        choose(choose(start(browser, "eerste-les", "dag-vier"), "reactie", "b"), "signalen", "huilen", "slapen");
        choose(start(browser, "tweede-les", "wannes"), "lezing", "best");
        walk(start(browser, "derde-les", "avonddienst"), "opnemen", "luisteren");
        finishLessons(browser);
    }

    /** Every vignette answered poorly and every lesson finished: complete, but below the pass mark. */
    public static void completeAndFail(Browser browser) throws IOException {
        choose(choose(start(browser, "eerste-les", "dag-vier"), "reactie", "a"), "signalen", "lachen");
        choose(start(browser, "tweede-les", "wannes"), "lezing", "fout");
        walk(start(browser, "derde-les", "avonddienst"), "laten", "terugbellen");
        finishLessons(browser);
    }

    /** Writes a reflection in the first lesson's journal prompt. */
    public static void reflect(Browser browser, String text) throws IOException {
        HtmlForm form = Browser.formWithAction(browser.open("/courses/proef/lessons/eerste-les"),
                "/courses/proef/reflections/kleine-dingen");
        ((HtmlTextArea) form.getTextAreaByName("body")).setText(text);
        Browser.submit(form);
    }
}
