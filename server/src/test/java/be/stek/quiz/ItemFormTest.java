package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.course.Course;
import be.stek.course.CourseLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a learner who never read a lesson would score on a module, by form alone. */
class ItemFormTest {
    private static final String COURSE = """
            ---
            title: Proef
            summary: Een proefmodule.
            audiences: [teams]
            minutes: 10
            objectives: [Iets leren]
            version: "1.0"
            language: nl-BE
            mastery: 70
            ---
            Inleiding.
            """;

    /** A lesson about listening first, with the given blocks after its text. */
    private static String lesson(String blocks) {
        return """
                ---
                title: Een les
                minutes: 5
                ---
                ## Wat je leert
                Eerst luisteren naar de ouder, dan samen kijken wat het kind nodig heeft. Geruststellen is geen reflex.

                %s

                ## De kern
                Luister eerst. Kijk dan samen. Bron: proeftekst.
                """.formatted(blocks);
    }

    private static String graded(String id, String... options) {
        StringBuilder b = new StringBuilder("""
                ```quiz
                id: %s
                title: Vraag %s
                questions:
                  - id: v
                    type: graded
                    prompt: Wat doe je?
                    explanation: Uitleg.
                    source: proeftekst
                    options:
                """.formatted(id, id));
        for (int i = 0; i < options.length; i++) {
            String[] parts = options[i].split("=", 2);
            b.append("      - id: o").append(i).append("\n        weight: ").append(parts[0])
                    .append("\n        text: ").append(parts[1]).append("\n        feedback: Waarom.\n");
        }
        return b.append("```\n").toString();
    }

    private static Course load(Path root, String blocks) throws IOException {
        Path dir = Files.createDirectories(root.resolve("courses/proef"));
        Files.createDirectories(root.resolve("media"));
        Files.writeString(dir.resolve("course.md"), COURSE);
        Files.writeString(dir.resolve("01-les.md"), lesson(blocks));
        var loaded = new CourseLoader(root.resolve("courses"), root.resolve("media"), List.of(new QuizBlocks())).load();
        assertTrue(loaded.problems().isEmpty(), loaded.problems().list().toString());
        return loaded.courses().get(0);
    }

    @Test
    void when_the_best_option_is_always_the_longest_a_learner_passes_without_reading(@TempDir Path root)
            throws IOException {
        Course c = load(root, graded("een", "1=Je vraagt wat de ouder zelf al merkte en wat haar ongerust maakt.",
                "0=Je stelt haar gerust.", "0.5=Je geeft haar een folder.")
                + graded("twee", "0=Je verwijst door.", "1=Je benoemt wat je zag en vraagt hoe hij het beleeft.",
                "0.25=Je zegt dat het normaal is.")
                + graded("drie", "0.5=Je wacht af.", "1=Je zegt wat je zag en spreekt een volgend gesprek af.",
                "0=Je belt de politie."));
        ItemForm.Report report = ItemForm.measure(c, o -> "?");

        assertEquals(1.0, report.strategies().get(ItemForm.Strategy.LONGEST), 1e-9);
        assertEquals(3, report.longestBest());
        String warnings = String.join("\n", report.warnings());
        assertTrue(warnings.contains("scores 100 % by choosing always the longest option"), warnings);
        assertTrue(warnings.contains("the best option is the longest in 3 of 3"), warnings);
    }

    @Test
    void options_of_equal_form_give_a_form_only_strategy_no_more_than_chance(@TempDir Path root) throws IOException {
        Course c = load(root, graded("een", "1=Je vraagt wat ze zelf merkte.", "0=Je zegt dat het vanzelf overgaat.",
                "0.5=Je geeft een folder mee.", "0.25=Je raadt de huisarts aan.")
                + graded("twee", "0=Je belt meteen de kinderarts op.", "1=Je benoemt wat je net zag.",
                "0.25=Je zegt dat het normaal is."));
        ItemForm.Report report = ItemForm.measure(c, o -> "?");

        // The longest options weigh 0 and 0: a learner who picks them scores 0 %.
        assertEquals(0.0, report.strategies().get(ItemForm.Strategy.LONGEST), 1e-9);
        assertEquals(0, report.longestBest());
        assertTrue(report.warnings().stream().noneMatch(w -> w.contains("longest")), report.warnings().toString());
    }

    @Test
    void the_option_that_echoes_the_lesson_is_what_the_lesson_words_strategy_picks(@TempDir Path root)
            throws IOException {
        Course c = load(root, graded("een", "0=Je stelt haar gerust als reflex.",
                "1=Eerst luisteren naar de ouder, dan samen kijken.", "0.5=Je belt de huisarts op."));
        ItemForm.Report report = ItemForm.measure(c, o -> "?");
        assertEquals(1.0, report.strategies().get(ItemForm.Strategy.LESSON_WORDS), 1e-9);
    }

    @Test
    void ticking_the_long_options_scores_the_right_ticks_minus_the_wrong_ones(@TempDir Path root) throws IOException {
        String multiple = """
                ```quiz
                id: signalen
                title: Signalen
                questions:
                  - id: v
                    type: multiple
                    prompt: Welke signalen vragen aandacht? Duid alle juiste aan.
                    explanation: Uitleg.
                    source: proeftekst
                    options:
                      - id: a
                        correct: true
                        text: Ze huilt lang en laat zich niet troosten.
                        feedback: Ja.
                      - id: b
                        correct: true
                        text: Ze eet al weken slecht.
                        feedback: Ja.
                      - id: c
                        text: Ze zegt "nee" als ze haar jas moet aandoen, zoals elke peuter.
                        feedback: Nee.
                      - id: d
                        text: Ze lacht.
                        feedback: Nee.
                ```
                """;
        Course c = load(root, multiple + multiple.replace("id: signalen", "id: signalen-twee")
                .replace("title: Signalen", "title: Nog eens"));
        ItemForm.Report report = ItemForm.measure(c, o -> "?");
        // Longer than average: a (right) and c (wrong): (1 - 1) / 2 = 0. Only the longest, c: wrong, 0.
        assertEquals(0.0, report.strategies().get(ItemForm.Strategy.LONG_TICKS), 1e-9);
        assertEquals(0.0, report.strategies().get(ItemForm.Strategy.LONGEST), 1e-9);
        String warnings = String.join("\n", report.warnings());
        assertTrue(warnings.contains("every multiple-response question has exactly 2 right answers"), warnings);
        assertTrue(report.text().contains("2 multiple-response questions with 2/2 right answers"), report.text());
    }

    @Test
    void a_branching_case_is_walked_by_the_strategy_and_scored_on_its_path(@TempDir Path root) throws IOException {
        String branching = """
                ```branching
                id: pad
                title: Een pad
                start: een
                source: proeftekst
                steps:
                  - id: een
                    text: Wat doe je?
                    choices:
                      - id: kort
                        text: Je luistert.
                        weight: 1
                        feedback: Goed.
                        next: goed
                      - id: lang
                        text: Je legt uitgebreid uit wat de ouder voortaan anders moet doen.
                        weight: 0.25
                        feedback: Riskant.
                        next: twee
                  - id: twee
                    text: De ouder zwijgt. Wat nu?
                    choices:
                      - id: lang
                        text: Je herhaalt je advies nog eens, nu met meer nadruk en voorbeelden.
                        weight: 0
                        feedback: Af te raden.
                        next: slecht
                      - id: kort
                        text: Je vraagt wat er is.
                        weight: 0.75
                        feedback: Beter.
                        next: goed
                endings:
                  - id: goed
                    title: Goed
                    debrief: Goed.
                  - id: slecht
                    title: Slecht
                    debrief: Slecht.
                ```
                """;
        ItemForm.Report report = ItemForm.measure(load(root, branching), o -> "?");
        assertEquals(0.125, report.strategies().get(ItemForm.Strategy.LONGEST), 1e-9);
        assertEquals(2, report.decisionPoints());
        assertEquals(0, report.longestBest());
    }

    @Test
    void check_warns_about_labels_that_contradict_their_weight_and_nuance_without_two_good_options(
            @TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("courses/proef"));
        Files.createDirectories(root.resolve("media"));
        Files.writeString(dir.resolve("course.md"), COURSE);
        Files.writeString(dir.resolve("01-les.md"), lesson(graded("een", "1=Je vraagt het.", "0=Je wacht.")
                .replace("      - id: o1\n", "      - id: o1\n        label: aanvaardbaar\n")
                .replace("    type: graded\n", "    type: graded\n    nuance: true\n")));
        var loaded = new CourseLoader(root.resolve("courses"), root.resolve("media"), List.of(new QuizBlocks())).load();
        String warnings = loaded.problems().warnings().stream().map(Object::toString).collect(Collectors.joining("\n"));
        assertTrue(warnings.contains("`label: aanvaardbaar` does not match `weight: 0.0`"), warnings);
        assertTrue(warnings.contains("`nuance: true` says there is no single best answer"), warnings);
        assertTrue(warnings.contains("courses/proef/01-les.md:"), warnings);
        assertEquals(1, loaded.courses().size(), "warnings do not keep a course out");
    }
}
