package be.stek.testing;

import be.stek.App;
import be.stek.Config;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.demo.DemoData;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A cohort of many learners, written straight into the database by {@link DemoData} (the code behind
 * {@code stek demo-data}) for tests of paging and for the dashboard benchmark: the fixture course assigned, learner i
 * named "Deelnemer i" (deelnemer{i}@example.be), with progress, answers to the course's real questions and
 * reflections. Seeded by {@code n}: the same cohort every time. The learners cannot sign in.
 */
public final class LargeCohort {
    private LargeCohort() {
    }

    /** Creates the cohort, facilitated by {@code trainer}, with {@code n} learners; returns its id. */
    public static long fill(TestServer server, long trainer, int n) {
        Instant t0 = Instant.parse("2026-09-01T08:00:00Z");
        List<Course> courses = fixtureCourses();
        DemoData demo = new DemoData(server.db(), courses, "-");
        Random random = new Random(n);
        long cohort = demo.cohort("Provincie " + n, trainer, courses, t0, random);
        demo.addMembers(cohort, courses, n, i -> new DemoData.Person("Deelnemer " + i, "deelnemer" + i + "@example.be"),
                t0, random);
        return cohort;
    }

    /** The courses of the test fixture. */
    public static List<Course> fixtureCourses() {
        Config config = new Config("127.0.0.1", 0, java.nio.file.Path.of("target"), TestServer.fixture("courses"),
                TestServer.fixture("media"), "http://localhost", false);
        return new Catalogue(App.courseLoader(config), false).courses();
    }
}
