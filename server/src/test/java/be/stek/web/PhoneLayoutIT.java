package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.stek.cohort.CohortRepository;
import be.stek.testing.Axe;
import be.stek.testing.Chromium;
import be.stek.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * On a 320 px phone no page is wider than the screen: wide tables scroll inside their own box instead of pushing
 * the whole page sideways. Checked in Chromium on the real modules and on the facilitator's and admin's pages.
 */
class PhoneLayoutIT {

    @Test
    void no_page_is_wider_than_a_320_px_phone(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data, Path.of("courses"), Path.of("media"), Clock.systemUTC());
             Chromium chromium = Chromium.start(server)) {
            long admin = server.addUser("admin@example.be", "Ada Admin met een vrij lange naam", Role.ADMIN);
            CohortRepository cohorts = new CohortRepository(server.db());
            long cohort = cohorts.create("Vroedvrouwen tweede jaar, campus Gent, groep B", admin, Instant.now());
            cohorts.addMember(cohort, admin, "facilitator", Instant.now());
            long firstLearner = 0;
            for (int i = 0; i < 6; i++) {
                long id = server.addUser("lerende" + i + "@een-lange-organisatienaam.example.be",
                        "Lerende Nummer " + i, Role.LEARNER);
                cohorts.addMember(cohort, id, "learner", Instant.now());
                firstLearner = firstLearner == 0 ? id : firstLearner;
            }
            for (String course : List.of("imh-basis", "eerste-1000-dagen", "ingrijpende-ervaringen")) {
                cohorts.assign(cohort, course, "2027-03-01");
            }
            chromium.signIn("admin@example.be");
            ((ChromiumDriver) chromium.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 320, "height", 740, "deviceScaleFactor", 2, "mobile", false));

            List<String> pages = List.of("/", "/me", "/woordenlijst", "/courses/imh-basis",
                    "/courses/ingrijpende-ervaringen/lessons/van-signaal-tot-herstel",
                    "/courses/eerste-1000-dagen/lessons/duizend-dagen-epidemie",
                    "/courses/mentaliseren-onder-druk/lessons/instrumenten",
                    "/cohorts", "/cohorts/" + cohort, "/cohorts/" + cohort + "/dashboard",
                    "/cohorts/" + cohort + "/items", "/cohorts/" + cohort + "/items?course=all",
                    "/cohorts/" + cohort + "/learners/" + firstLearner, "/cohorts/" + cohort + "/sessions",
                    "/cohorts/" + cohort + "/invite", "/sessions", "/password/forgot",
                    "/admin/users", "/account", "/me/data");
            List<String> tooWide = new ArrayList<>();
            List<String> axe = new ArrayList<>();
            for (String page : pages) {
                chromium.open(page);
                be.stek.testing.Axe.violations(chromium.driver()).forEach(v -> axe.add(page + ": " + v));
                long width = ((Number) ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeScript(
                        "return document.documentElement.scrollWidth")).longValue();
                long inner = ((Number) ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeScript("return window.innerWidth")).longValue();
                assertEquals(320, inner, "the phone emulation is on");
                if (width > 320) {
                    // Name the innermost elements that stick out, to say where to look.
                    Object culprit = ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeScript(
                            "var out = []; document.querySelectorAll('body *').forEach(function (e) {"
                            + " var r = e.getBoundingClientRect().right; if (r <= 321) { return; }"
                            + " var kids = Array.prototype.filter.call(e.children, function (k) {"
                            + " return k.getBoundingClientRect().right > 321; });"
                            + " if (kids.length === 0) { out.push(e.tagName + '.' + e.className + ' ' + Math.round(r)); } });"
                            + " return out.slice(0, 4).join(' | ')");
                    tooWide.add(page + " is " + width + " px wide (widest: " + culprit + ")");
                }
            }
            assertEquals(List.of(), tooWide);
            assertEquals(List.of(), axe, "axe (WCAG 2.1 A and AA) on every page at 320 px");

            // The chart's labels stay readable on the phone (12 px or more).
            chromium.open("/cohorts/" + cohort + "/dashboard");
            double smallest = ((Number) ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeScript("var svg = document.querySelector('svg.chart');"
                    + " var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; var m = 1e9;"
                    + " svg.querySelectorAll('text').forEach(function (t) {"
                    + " m = Math.min(m, parseFloat(t.getAttribute('font-size')) * scale); }); return m"))
                    .doubleValue();
            assertEquals(true, smallest >= 12, "chart labels are " + smallest + " px high");
            // ... and none is cut off at the chart's right edge ("100% afgerond" included: the longest label).
            double right = ((Number) ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeScript(
                    "var svg = document.querySelector('svg.chart'); var m = 0;"
                    + " svg.querySelectorAll('text').forEach(function (t) { var old = t.textContent;"
                    + " if (/%/.test(old)) { t.textContent = old.replace(/\\d+/, '100'); }"
                    + " var b = t.getBBox(); m = Math.max(m, b.x + b.width); t.textContent = old; });"
                    + " return m / svg.viewBox.baseVal.width")).doubleValue();
            assertEquals(true, right <= 1.0, "a chart label reaches " + Math.round(right * 100) + " % of the chart's width");

            // A form sent back with errors: focus lands on the error summary, the page fits and axe finds nothing.
            for (String form : List.of("/cohorts", "/account/password")) {
                chromium.open(form.equals("/cohorts") ? form : "/account");
                chromium.find(By.cssSelector("form[action='" + form + "'] button[type=submit]")).click();
                chromium.find(By.id("error-summary"));
                JavascriptExecutor js = (JavascriptExecutor) chromium.driver();
                assertEquals("error-summary", chromium.await(d -> js.executeScript(
                        "return document.activeElement && document.activeElement.id || null")), form);
                assertEquals(true, chromium.driver().getTitle().startsWith("Fout: "), chromium.driver().getTitle());
                long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
                assertEquals(true, width <= 320, form + " with errors is " + width + " px wide");
                assertEquals(List.of(), Axe.violations(chromium.driver()), form + " with errors");
            }
            ((JavascriptExecutor) chromium.driver()).executeScript(
                    "document.querySelector('main').appendChild(document.createElement('img'))");
            assertEquals(false, Axe.violations(chromium.driver()).isEmpty(), "axe notices an image without alt text");

            // The measure itself notices a page that is too wide.
            chromium.open("/");
            long wide = ((Number) ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeScript("var d = document.createElement('div');"
                    + " d.style.width = '900px'; d.textContent = 'x'; document.querySelector('main').appendChild(d);"
                    + " return document.documentElement.scrollWidth")).longValue();
            assertEquals(true, wide > 320, "a 900 px element makes the page " + wide + " px wide");
        }
    }
}
