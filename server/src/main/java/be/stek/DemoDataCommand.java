package be.stek;

import be.stek.course.Catalogue;
import be.stek.demo.DemoData;
import be.stek.learner.Passwords;
import be.stek.store.Database;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stek demo-data}: fills a database with made-up groups for a demonstration or a load test. */
@Command(name = "demo-data", description = {"Fill the database with made-up learners in cohorts, with progress, answers"
        + " to the modules' questions, reflections and (when packages are imported) SCORM attempts.",
        "Refuses a database that already has learners, unless --add."})
final class DemoDataCommand implements Callable<Integer> {
    @Mixin
    Cli.Options options = new Cli.Options();
    @Option(names = "--learners", required = true, description = "how many learners (spread over the cohorts)")
    int learners;
    @Option(names = "--cohorts", defaultValue = "1", description = "how many cohorts, each with a facilitator")
    int cohorts;
    @Option(names = "--add", description = "add to a database that already has learners")
    boolean add;
    @Option(names = "--password", description = "read one password from standard input and give it to every demo"
            + " account (facilitators included); without it the accounts cannot sign in")
    boolean password;
    @Option(names = "--seed", defaultValue = "1", description = "the same seed gives the same people and answers")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (learners < 1 || cohorts < 1 || cohorts > learners) {
            System.err.println("--learners must be at least 1 and --cohorts between 1 and the number of learners");
            return 2;
        }
        String secret = password ? Cli.User.Add.readPassword() : UUID.randomUUID().toString();
        if (password && Passwords.problem(secret) != null) {
            System.err.println("password must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters");
            return 2;
        }
        Config config = options.toConfig();
        var courses = new Catalogue(App.courseLoader(config), false).courses();
        long t0 = System.nanoTime();
        try (Database db = Database.open(config.database())) {
            DemoData.Summary s = new DemoData(db, courses, Passwords.hash(secret))
                    .fill(learners, cohorts, add, Clock.systemUTC().instant(), seed);
            System.out.printf("%d cohort(s), %d learner(s), %d lesson visits, %d attempts with %d answers, %d"
                    + " reflections, %d SCORM attempts in %.1f s%n", s.cohorts(), s.learners(), s.lessons(),
                    s.attempts(), s.answers(), s.reflections(), s.scormAttempts(), (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (DemoData.NotEmpty e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
