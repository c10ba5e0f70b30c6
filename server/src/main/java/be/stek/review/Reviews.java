package be.stek.review;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.quiz.Answer;
import be.stek.quiz.AnswerListener;
import be.stek.quiz.Attempt;
import be.stek.quiz.Question;
import be.stek.quiz.Vignette;
import be.stek.store.Database;
import be.stek.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaced review of graded vignette questions: hears of every stored answer in a module and schedules the question
 * ({@link ReviewSchedule} holds the rule), serves short review sessions mixed across modules, and gives the dashboard
 * its "Herhalen" block. Review answers are kept apart from attempts, so they never change a score or certificate.
 */
public final class Reviews implements AnswerListener {
    private static final Logger log = LoggerFactory.getLogger(Reviews.class);
    /** The most questions in one review session. */
    static final int SESSION_SIZE = 10;

    /** What the "Herhalen" block on the dashboard shows: questions due now, the next date, an unfinished session. */
    public record Summary(int due, String nextDue, Long openSession) {
    }

    /** One module on the review page: how many of its questions will still come back, and whether it is paused. */
    public record Module(String slug, String title, int open, boolean paused) {
    }

    /** A scheduled question found in the catalogue as it is now. */
    record Found(Course course, Vignette vignette, Question question) {
    }

    private final Catalogue catalogue;
    private final ReviewRepository repository;

    public Reviews(Database db, Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.repository = new ReviewRepository(db, new ReviewSchedule(clock));
    }

    /** Schedules a graded vignette question once its answer in the module is stored. */
    @Override
    public void stored(Attempt attempt, Answer answer) {
        if (!attempt.graded() || !"vignette".equals(attempt.kind())) {
            return;
        }
        try {
            repository.scheduleModuleAnswer(attempt.learnerId(), attempt.course(), attempt.activity(),
                    answer.question(), answer.score());
        } catch (RuntimeException e) {
            // The answer itself is saved; a question missing from the schedule must not turn that into an error page.
            log.warn("could not schedule {}/{}/{} for review: {}", attempt.course(), attempt.activity(),
                    answer.question(), e.getMessage());
        }
    }

    public void register(Router router) {
        new ReviewRoutes(this, repository).register(router);
    }

    /** The dashboard block of a learner. */
    public Summary summary(long learnerId, Instant now) {
        ReviewRepository.Outlook outlook = repository.outlook(learnerId, now);
        return new Summary((int) outlook.due().stream().filter(d -> find(d.course(), d.activity(), d.question())
                .isPresent()).count(), outlook.nextDue(), outlook.openSession());
    }

    /** The questions due now that still exist in the catalogue, oldest first; paused modules left out. */
    List<ReviewRepository.Due> dueNow(long learnerId, Instant now) {
        return repository.due(learnerId, now).stream()
                .filter(d -> find(d.course(), d.activity(), d.question()).isPresent()).toList();
    }

    /** A question as the catalogue has it now, if its course, vignette and question still exist. */
    Optional<Found> find(String course, String activity, String question) {
        return catalogue.course(course).flatMap(c -> c.activity(activity)
                .filter(Vignette.class::isInstance).map(Vignette.class::cast)
                .flatMap(v -> v.question(question).map(q -> new Found(c, v, q))));
    }

    Catalogue catalogue() {
        return catalogue;
    }

    /**
     * At most {@code max} questions, mixed across modules: the modules take turns, the one with the oldest due
     * question first, and within a module the oldest due question comes first.
     */
    static List<ReviewRepository.Due> mix(List<ReviewRepository.Due> due, int max) {
        Map<String, Iterator<ReviewRepository.Due>> byCourse = new LinkedHashMap<>();
        Map<String, List<ReviewRepository.Due>> lists = new LinkedHashMap<>();
        due.forEach(d -> lists.computeIfAbsent(d.course(), k -> new ArrayList<>()).add(d));
        lists.forEach((course, list) -> byCourse.put(course, list.iterator()));
        List<ReviewRepository.Due> out = new ArrayList<>();
        while (out.size() < max && byCourse.values().stream().anyMatch(Iterator::hasNext)) {
            for (Iterator<ReviewRepository.Due> it : byCourse.values()) {
                if (it.hasNext() && out.size() < max) {
                    out.add(it.next());
                }
            }
        }
        return out;
    }
}
