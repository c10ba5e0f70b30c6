package be.stek.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.quiz.Branching;
import be.stek.quiz.Option;
import be.stek.quiz.Question;
import be.stek.quiz.QuizBlocks;
import be.stek.quiz.Reflection;
import be.stek.quiz.Vignette;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The real modules in courses/: they load without problems and have what the curriculum asks of every module. */
class CoursesContentTest {
    static final List<String> MODULES = List.of("imh-basis", "eerste-1000-dagen", "epistemisch-vertrouwen",
            "mentaliseren-onder-druk", "ingrijpende-ervaringen");
    private static final CourseLoader.Loaded LOADED = new CourseLoader(Path.of("courses"), Path.of("media"),
            List.of(new QuizBlocks())).load();

    static Stream<String> modules() {
        return MODULES.stream();
    }

    static Course course(String slug) {
        return LOADED.courses().stream().filter(c -> c.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new AssertionError("module " + slug + " did not load: " + LOADED.problems().list()));
    }

    @Test
    void every_course_file_loads_without_problems() {
        assertEquals(List.of(), LOADED.problems().list());
        assertEquals(MODULES.size(), LOADED.courses().size());
        assertTrue(LOADED.glossary().anchors().size() >= 30, "glossary entries: " + LOADED.glossary().anchors().size());
    }

    @ParameterizedTest
    @MethodSource("modules")
    void each_module_has_its_lessons_guide_and_sources_page(String slug) {
        Course c = course(slug);
        assertTrue(c.lessons().size() >= 6 && c.lessons().size() <= 9, slug + " lessons: " + c.lessons().size());
        c.lessons().forEach(l -> assertTrue(l.minutes() >= 3 && l.minutes() <= 15, l.slug() + " minutes " + l.minutes()));
        assertTrue(c.page("gids-voor-begeleiders").filter(Lesson::appendix).isPresent(), slug + ": facilitator guide");
        assertTrue(c.page("bronnen").filter(Lesson::appendix).isPresent(), slug + ": sources page");
        assertTrue(c.page("begripsvragen").filter(Lesson::appendix).isPresent(), slug + ": comprehension questions");
        assertEquals(CourseLoader.CLOSING_PAGE, c.lessons().get(c.lessons().size() - 1).slug(),
                slug + ": the last lesson is the closing page");
        assertTrue(c.meta().mastery() != null, slug + ": pass mark");
    }

    /**
     * `check` is clean for the real modules: honest reading times, every lesson ends with "De kern", a closing
     * page, and no item whose form gives its answer away (the warnings of {@code stek check}).
     */
    @Test
    void check_gives_no_warning_on_the_real_modules() {
        assertEquals(List.of(), LOADED.problems().warnings().stream().map(Object::toString).toList());
    }

    @ParameterizedTest
    @MethodSource("modules")
    void each_module_has_six_vignette_questions_a_branching_case_and_two_team_reflections(String slug) {
        Course c = course(slug);
        List<Question> questions = c.activities().values().stream().filter(a -> a instanceof Vignette)
                .flatMap(a -> ((Vignette) a).questions().stream()).toList();
        assertTrue(questions.size() >= 6, slug + ": " + questions.size() + " questions");
        assertTrue(c.activities().values().stream().anyMatch(a -> a instanceof Branching), slug + ": branching");
        long reflections = c.activities().values().stream().filter(a -> a instanceof Reflection r && r.team()).count();
        assertEquals(2, reflections, slug + ": team reflections");
        assertTrue(questions.stream().anyMatch(q -> q.type() == be.stek.quiz.QuestionType.GRADED), slug + ": graded");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void every_question_has_a_best_answer_feedback_on_every_option_and_a_source(String slug) {
        for (var a : course(slug).activities().values()) {
            if (a instanceof Vignette v) {
                for (Question q : v.questions()) {
                    assertTrue(q.options().stream().anyMatch(o -> o.weight() == 1.0), q.id() + ": best answer");
                    for (Option o : q.options()) {
                        assertFalse(o.feedbackHtml().isBlank(), q.id() + "/" + o.id() + ": feedback");
                    }
                    assertTrue(q.source() != null && !q.source().isBlank(), q.id() + ": source");
                }
            } else if (a instanceof Branching b) {
                b.steps().values().forEach(s -> s.choices().forEach(ch ->
                        assertFalse(ch.feedbackHtml().isBlank(), b.id() + "/" + s.id() + "/" + ch.id() + ": feedback")));
                b.endings().values().forEach(e -> assertFalse(e.debriefHtml().isBlank(), b.id() + "/" + e.id()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void each_module_has_an_original_diagram_with_alt_text(String slug) {
        String html = course(slug).lessons().stream().flatMap(l -> l.segments().stream())
                .filter(s -> s.html() != null).map(Lesson.Segment::html).reduce("", String::concat);
        assertTrue(html.matches("(?s).*<img src=\"/media/" + slug + "/[^\"]+\\.svg\" alt=\"[^\"]{10,}\".*"),
                slug + ": an SVG diagram with alt text");
    }
}
