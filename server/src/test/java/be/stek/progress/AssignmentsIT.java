package be.stek.progress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.cohort.CohortRepository;
import be.stek.store.Sql;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner sees what their group assigned and by when, before the rest of the catalogue. */
class AssignmentsIT {

    @Test
    void mijn_leertraject_starts_with_the_assigned_module_its_group_and_its_due_date_and_marks_it_overdue(
            @TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            String code = server.invitation("Vroedvrouwen 2027");
            long cohort = server.db().read(c -> Sql.one(c, "SELECT id FROM cohort WHERE name = ?",
                    rs -> rs.getLong(1), "Vroedvrouwen 2027")).orElseThrow();
            new CohortRepository(server.db()).assign(cohort, "proef", "2020-03-01");
            Http an = new Http(server).signIn("an@example.be");

            String before = an.get("/me").body();
            assertTrue(!before.contains("Toegewezen door je groep"), "nothing assigned before joining");

            an.join(code);
            String me = an.get("/me").body();
            assertTrue(me.contains("Toegewezen door je groep"), me);
            assertTrue(me.indexOf("Toegewezen door Vroedvrouwen 2027") > me.indexOf("Toegewezen door je groep"), me);
            assertTrue(me.contains("over tijd: af tegen 1 maart 2020"), "overdue and its date: " + me);
            assertTrue(me.contains("card overdue"), "the overdue module stands out");

            String course = an.get("/courses/proef").body();
            assertTrue(course.contains("Toegewezen door Vroedvrouwen 2027"), course);
            assertTrue(course.contains("af tegen 1 maart 2020"), course);
        }
    }
}
