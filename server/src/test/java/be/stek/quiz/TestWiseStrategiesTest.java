package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.course.Course;
import be.stek.course.CourseLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test-wise learner who never reads a lesson must not pass a real module, nor come near: every form-only
 * strategy (always the longest option, the option that echoes the lesson's words, ticking the long options)
 * stays below 50 % in every module of courses/, and the best option is the longest in at most 40 % of a module's
 * decision points.
 */
class TestWiseStrategiesTest {
    private static final CourseLoader.Loaded LOADED = new CourseLoader(Path.of("courses"), Path.of("media"),
            List.of(new QuizBlocks())).load();

    static Stream<String> modules() {
        return Stream.of("imh-basis", "eerste-1000-dagen", "epistemisch-vertrouwen", "mentaliseren-onder-druk",
                "ingrijpende-ervaringen");
    }

    private static ItemForm.Report report(String slug) {
        Course course = LOADED.courses().stream().filter(c -> c.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new AssertionError(slug + " did not load: " + LOADED.problems().list()));
        return ItemForm.measure(course, o -> "?");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void no_form_only_strategy_reaches_half_of_the_marks(String slug) {
        ItemForm.Report report = report(slug);
        report.strategies().forEach((strategy, score) -> assertTrue(score < ItemForm.STRATEGY_LIMIT,
                slug + ": " + strategy.description() + " scores " + Math.round(score * 100) + " %\n" + report.text()));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void the_best_option_is_rarely_the_longest(String slug) {
        ItemForm.Report report = report(slug);
        assertTrue(report.longestBestShare() <= ItemForm.LONGEST_BEST_LIMIT, report.text());
    }

    @ParameterizedTest
    @MethodSource("modules")
    void multiple_response_questions_vary_their_number_of_right_answers(String slug) {
        ItemForm.Report report = report(slug);
        assertTrue(report.rightCounts().size() < 2 || report.rightCounts().stream().distinct().count() > 1,
                report.text());
        assertTrue(report.rightLength() <= report.wrongLength() * 1.1, report.text());
    }
}
