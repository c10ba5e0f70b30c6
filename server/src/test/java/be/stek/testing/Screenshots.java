package be.stek.testing;

import be.stek.cohort.CohortRepository;
import be.stek.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Screenshots of the main pages, on a desktop (1280 px) and on a phone (390 px), for the README. Run by
 * {@code docs/screenshots.sh}: starts Stek with the real modules in a temporary folder, fills a small group, plays a
 * learner and a facilitator in Chromium and writes {@code <page>-desktop.png} and {@code <page>-phone.png} into the
 * folder given as the first argument.
 */
public final class Screenshots {
    private record Shot(String name, String path, String scrollTo) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("stek-screenshots-");
        try (TestServer server = TestServer.start(data, Path.of("courses"), Path.of("media"), Clock.systemUTC());
             Chromium chromium = Chromium.start(server)) {
            long trainer = server.addUser("an.peeters@example.be", "An Peeters", Role.FACILITATOR);
            CohortRepository cohorts = new CohortRepository(server.db());
            long cohort = cohorts.create("Vroedvrouwen 2e jaar, groep B", trainer, Instant.now());
            cohorts.addMember(cohort, trainer, "facilitator", Instant.now());
            cohorts.assign(cohort, "imh-basis", java.time.LocalDate.now().plusDays(10).toString());
            cohorts.assign(cohort, "eerste-1000-dagen", java.time.LocalDate.now().plusDays(30).toString());
            String[] names = {"Lotte Claes", "Yasmine El Amrani", "Jens Wouters", "Fien De Smet", "Sara Janssens",
                "Bram Maes"};
            long first = 0;
            for (int i = 0; i < names.length; i++) {
                long id = server.addUser("lerende" + i + "@example.be", names[i], Role.LEARNER);
                cohorts.addMember(cohort, id, "learner", Instant.now());
                first = i == 0 ? id : first;
            }

            // The learner: reads a lesson, answers the first question of its case.
            chromium.signIn("lerende0@example.be");
            String lesson = "/courses/imh-basis/lessons/grote-woorden";
            chromium.open(lesson);
            js(chromium, "document.querySelector('form[action$=\"/activities/sinds-de-verhuis/start\"]').submit();");
            chromium.await(d -> d.getCurrentUrl().contains("/attempts/"));
            js(chromium, "var f = Array.prototype.find.call(document.querySelectorAll('main form'),"
                    + " function (f) { return f.querySelector('input[type=checkbox]'); });"
                    + " var boxes = f.querySelectorAll('input[type=checkbox]'); boxes[0].click(); boxes[3].click();"
                    + " f.querySelector('button[type=submit]').click();");
            chromium.await(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete")
                    && !d.findElements(org.openqa.selenium.By.cssSelector("details")).isEmpty());
            String answered = chromium.driver().getCurrentUrl().replaceAll("#.*$", "");
            List<Shot> learner = List.of(
                    new Shot("mijn-leertraject", "/me", null),
                    new Shot("module", "/courses/imh-basis", null),
                    new Shot("les", lesson, null),
                    new Shot("feedback", answered.substring(answered.indexOf("/courses/")), ".verdict"));
            shoot(chromium, out, learner);

            // The facilitator: the group's dashboard and the item analysis.
            chromium.open("/me");
            js(chromium, "document.querySelector('form[action=\"/logout\"]').submit();");
            chromium.await(d -> !d.getCurrentUrl().endsWith("/me"));
            chromium.driver().manage().deleteAllCookies();
            chromium.signIn("an.peeters@example.be");
            chromium.open("/cohorts/" + cohort + "/sessions");
            js(chromium, "document.querySelector('form[action$=\"/sessions\"] button[type=submit]').click();");
            chromium.await(d -> d.getCurrentUrl().matches(".*/sessions/\\d+$"));
            String session = chromium.driver().getCurrentUrl().replaceAll("^.*(/cohorts/)", "$1");
            shoot(chromium, out, List.of(
                    new Shot("groep-dashboard", "/cohorts/" + cohort + "/dashboard", null),
                    new Shot("deelnemer", "/cohorts/" + cohort + "/learners/" + first, null),
                    new Shot("itemanalyse", "/cohorts/" + cohort + "/items", null),
                    new Shot("teamsessie-projector", session + "/projector", null)));
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("wrote screenshots to " + out);
    }

    private static void shoot(Chromium chromium, Path out, List<Shot> shots) throws Exception {
        List<String> written = new ArrayList<>();
        for (boolean phone : new boolean[] {false, true}) {
            ((ChromiumDriver) chromium.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", phone ? 390 : 1280, "height", phone ? 844 : 900, "deviceScaleFactor", 1,
                            "mobile", phone));
            for (Shot shot : shots) {
                chromium.open(shot.path());
                if (shot.scrollTo() != null) {
                    js(chromium, "var e = document.querySelector('" + shot.scrollTo() + "');"
                            + " if (e) { e.scrollIntoView(); window.scrollBy(0, -16); }");
                }
                Path file = out.resolve(shot.name() + (phone ? "-phone" : "-desktop") + ".png");
                Files.write(file, ((ChromiumDriver) chromium.driver()).getScreenshotAs(OutputType.BYTES));
                written.add(file.getFileName().toString());
            }
        }
        System.out.println(String.join("\n", written));
    }

    private static Object js(Chromium chromium, String script) {
        return ((JavascriptExecutor) chromium.driver()).executeScript(script);
    }

    private Screenshots() {
    }
}
