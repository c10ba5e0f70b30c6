package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.LargeCohort;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large cohort's dashboard comes in pages of 50 learners, with a search by name, while the chart and the CSV
 * still count everyone.
 */
class DashboardPagingIT {
    private static final Pattern ROW = Pattern.compile(
            "<th scope=\"row\"><a href=\"/cohorts/\\d+/learners/\\d+\">Deelnemer (\\d+)</a></th>");

    private static int rows(String page) {
        Matcher m = ROW.matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void a_cohort_of_120_shows_50_learners_a_page_finds_one_by_name_and_exports_all(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            long trainer = server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            long cohort = LargeCohort.fill(server, trainer, 120);
            Http http = new Http(server).signIn("trainer@example.be");
            String base = "/cohorts/" + cohort + "/dashboard";

            var firstPage = http.get(base);
            assertEquals(200, firstPage.statusCode(), firstPage.body());
            String first = firstPage.body();
            assertEquals(50, rows(first), "the first page holds 50 learners");
            assertTrue(first.contains("120 van 120 deelnemers") && first.contains("pagina 1 van 3"), first);
            assertTrue(first.contains("rel=\"next\""), "a link to the next page");

            String last = http.get(base + "?sort=name&page=3").body();
            assertEquals(20, rows(last), "the last page holds the rest");
            assertFalse(last.contains("rel=\"next\""));
            assertEquals(20, rows(http.get(base + "?page=99").body()), "a page past the end shows the last one");
            assertEquals(50, rows(http.get(base + "?page=nul").body()), "a page that is not a number shows the first");

            String found = http.get(base + "?q=deelnemer%20117").body();
            assertEquals(1, rows(found), found);
            assertTrue(found.contains("Deelnemer 117") && found.contains("1 van 120 deelnemers"), found);

            String csv = http.get(base + ".csv").body();
            assertEquals(120, csv.lines().filter(l -> l.startsWith("\"Deelnemer ") || l.startsWith("Deelnemer "))
                    .count(), "the CSV has every learner");
        }
    }
}
