package be.stek.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.App;
import be.stek.Config;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.quiz.Option;
import be.stek.quiz.Question;
import be.stek.quiz.Vignette;
import be.stek.testing.PdfText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handouts of the five modules in {@code courses/}, generated and read back as text: the title and every
 * lesson's «De kern» are there (taken from the Markdown files, not from the handout code), and neither version
 * gives anything away about the quizzes: no feedback and no explanation anywhere, no case in the learner's version,
 * and in the facilitator's cases every option but no label such as "beste keuze" and no weight.
 */
class HandoutContentTest {
    private static final List<String> MODULES = List.of("imh-basis", "mentaliseren-onder-druk",
            "ingrijpende-ervaringen", "epistemisch-vertrouwen", "eerste-1000-dagen");
    private static final List<String> LABELS = List.of("beste keuze", "goed, niet volledig",
            "begrijpelijk, maar mist iets belangrijks", "goed bedoeld, maar riskant", "af te raden");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static Catalogue catalogue;
    private static Handouts handouts;

    @BeforeAll
    static void load() {
        catalogue = new Catalogue(App.courseLoader(Config.defaults()), false);
        handouts = new Handouts(catalogue, Config.defaults().mediaDir());
    }

    private static final java.util.Map<String, byte[]> RENDERED = new java.util.HashMap<>();

    /** A module's handout, made once for all tests. */
    private static byte[] pdf(Course course, boolean facilitator) {
        return RENDERED.computeIfAbsent(course.slug() + facilitator,
                k -> handouts.render(course, catalogue.glossary(), facilitator));
    }

    private static Course course(String slug) {
        return catalogue.course(slug).orElseThrow(() -> new AssertionError(slug + " does not load: run check"));
    }

    /** Text without any white space, so that line breaks in the PDF do not matter. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The text of a handout without its page footers, which interrupt a paragraph that runs over a page. */
    private static String text(byte[] pdf) {
        return PdfText.of(pdf).replaceAll("(?m)^.* · hand-out.*$", "").replaceAll("(?m)^pagina \\d+ van \\d+$", "");
    }

    /** The «De kern» section of every lesson file, as plain text (links and emphasis removed). */
    static List<String> cores(String slug) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("courses", slug))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("[0-8]\\d-.*\\.md")).sorted().toList()) {
                String md = Files.readString(f);
                int at = md.indexOf("\n## De kern");
                if (at >= 0) {
                    String core = md.substring(md.indexOf('\n', at + 1) + 1);
                    int next = core.indexOf("\n## ");
                    core = next >= 0 ? core.substring(0, next) : core;
                    out.add(LINK.matcher(core).replaceAll("$1").replaceAll("[*_`]", "").replace("\\", ""));
                }
            }
        }
        return out;
    }

    private static String plain(String html) {
        return html == null ? "" : HtmlBlocks.decode(html.replaceAll("<[^>]+>", " "));
    }

    @Test
    void every_handout_has_the_title_and_each_lessons_core() throws IOException {
        for (String slug : MODULES) {
            Course course = course(slug);
            List<String> cores = cores(slug);
            assertTrue(cores.size() >= course.lessons().size() - 1, slug + ": a core per lesson but the closing one");
            for (boolean facilitator : List.of(false, true)) {
                String text = text(pdf(course, facilitator));
                assertTrue(squeeze(text).startsWith(squeeze(course.title())), slug + " starts with its title");
                String all = squeeze(text);
                for (String core : cores) {
                    assertTrue(all.contains(squeeze(core)), slug + " lacks the core:\n" + core);
                }
            }
        }
    }

    @Test
    void no_handout_marks_an_option_or_shows_feedback_explanations_or_weights() {
        for (String slug : MODULES) {
            Course course = course(slug);
            String learner = squeeze(text(pdf(course, false)));
            String full = text(pdf(course, true));
            String facilitator = squeeze(full);
            String cases = full.substring(full.indexOf("Casussen voor een sessie"));
            for (String label : LABELS) {
                assertFalse(cases.contains(label), slug + " cases say " + label);
            }
            assertFalse(cases.matches("(?s).*(gewicht|weight|correct)\\s*:.*"), slug + " cases show a key");
            String printed = squeeze(cases);
            for (Vignette v : vignettes(course)) {
                assertTrue(printed.contains(squeeze(v.title())), slug + ": case " + v.title() + " is printed");
                for (Question q : v.questions()) {
                    for (Option o : q.options()) {
                        String option = squeeze(plain(o.html()));
                        assertTrue(printed.contains(option), "option printed: " + o.text());
                        assertFalse(option.length() >= 40 && learner.contains(option),
                                slug + " learner handout has the cases: " + o.text());
                        assertNoTrace(slug, plain(o.feedbackHtml()), learner, facilitator);
                    }
                    assertNoTrace(slug, plain(q.explanationHtml()), learner, facilitator);
                }
            }
        }
    }

    /** {@code learner} and {@code facilitator} are squeezed handout texts. */
    private static void assertNoTrace(String slug, String secret, String learner, String facilitator) {
        String s = squeeze(secret);
        if (s.length() >= 40) {
            assertFalse(learner.contains(s), slug + " learner handout shows: " + secret);
            assertFalse(facilitator.contains(s), slug + " facilitator handout shows: " + secret);
        }
    }

    private static List<Vignette> vignettes(Course course) {
        return course.activities().values().stream().filter(Vignette.class::isInstance).map(Vignette.class::cast)
                .toList();
    }

    @Test
    void handouts_are_a4_with_numbered_pages_and_the_facilitator_part_only_in_its_version() throws IOException {
        Course course = course("imh-basis");
        byte[] learner = pdf(course, false);
        byte[] facilitator = pdf(course, true);
        try (PDDocument doc = Loader.loadPDF(learner)) {
            assertEquals(PDRectangle.A4.getWidth(), doc.getPage(0).getMediaBox().getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), doc.getPage(0).getMediaBox().getHeight(), 0.5);
            assertEquals("nl-BE", doc.getDocumentCatalog().getLanguage());
            int pages = doc.getNumberOfPages();
            assertTrue(PdfText.pages(learner, pages, pages).contains("pagina " + pages + " van " + pages));
        }
        String l = text(learner);
        String f = text(facilitator);
        for (String part : List.of("Wat je leert", "De kern van elke les", "Schema's", "Het schema in woorden",
                "Begrippen", "Bronnen")) {
            assertTrue(l.contains(part) && f.contains(part), part);
        }
        for (String page : List.of(Handout.GUIDE, Handout.QUESTIONS)) {
            String first = Handout.blocks(course.page(page).orElseThrow()).stream()
                    .filter(b -> b.kind() == Block.Kind.PARAGRAPH).findFirst().orElseThrow().text();
            assertFalse(squeeze(l).contains(squeeze(first)), "learner version has no " + page);
            assertTrue(squeeze(f).contains(squeeze(first)), "facilitator version has " + page);
        }
        assertFalse(l.contains("Casussen voor een sessie"));
        assertTrue(f.contains("Casussen voor een sessie"));
        Matcher glossaryEntry = Pattern.compile("Begrippen\\s+\\S").matcher(l);
        assertTrue(glossaryEntry.find(), "the glossary section has entries");
    }
}
