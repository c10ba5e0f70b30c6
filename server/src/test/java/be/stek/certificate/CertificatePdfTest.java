package be.stek.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.web.Messages;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The text of a rendered certificate says who, what, when, how long, and how to check it. */
class CertificatePdfTest {
    private final CertificatePdf pdf = new CertificatePdf();

    static String text(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertEquals(1, doc.getNumberOfPages());
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static Certificate zoe() {
        return new Certificate("K7QM4RTX9PZC", 1, "proef", "Veilige hechting in de eerste 1000 dagen", "1.2",
                "Zoë Daneëls", "2026-11-23T21:30:00.000Z", 60, "2026-11-24T08:00:00.000Z");
    }

    @Test
    void a_dutch_certificate_names_the_learner_course_date_study_time_and_code() throws IOException {
        String text = text(pdf.render(zoe(), Messages.of("nl"), "https://stek.example"));
        assertTrue(text.contains("Certificaat"), text);
        assertTrue(text.contains("Zoë Daneëls"), "accents survive: " + text);
        assertTrue(text.contains("Veilige hechting in de eerste 1000 dagen"), text);
        assertTrue(text.contains("versie 1.2"), text);
        assertTrue(text.contains("heeft afgerond op 23 november 2026."), "completion date in Brussels time: " + text);
        assertTrue(text.contains("studietijd: 60 minuten (geschat)"), text);
        assertTrue(text.contains("Verificatiecode: K7QM-4RTX-9PZC"), text);
        assertTrue(text.contains("https://stek.example/verify/K7QM-4RTX-9PZC"), text);
    }

    @Test
    void the_organisation_that_runs_stek_is_named_beside_it() throws IOException {
        String text = text(new CertificatePdf("Huis van het Kind Gent").render(zoe(), Messages.of("nl"), "https://x"));
        assertTrue(text.contains("Stek · Huis van het Kind Gent"), text);
    }

    @Test
    void an_english_certificate_says_the_same_in_english() throws IOException {
        String text = text(pdf.render(zoe(), Messages.of("en"), "https://stek.example"));
        assertTrue(text.contains("Certificate"), text);
        assertTrue(text.contains("has completed the module"), text);
        assertTrue(text.contains("on 23 November 2026."), text); // the date format of the English pages
        assertTrue(text.contains("study time: 60 minutes (estimated)"), text);
    }

    @Test
    void names_beyond_western_europe_print_and_unprintable_characters_do_not_break_it() throws IOException {
        Certificate c = new Certificate("K7QM4RTX9PZC", 1, "proef", "Proef\nmodule", "1.0", "Łukasz Wójcik 王芳",
                "2026-11-23T10:00:00.000Z", 20, "2026-11-23T10:00:00.000Z");
        String text = text(pdf.render(c, Messages.of("nl"), "http://localhost"));
        assertTrue(text.contains("Łukasz Wójcik ??"), text);
        assertTrue(text.contains("Proef module"), text);
    }

    @Test
    void a_long_course_title_wraps_instead_of_running_off_the_page() throws IOException {
        String title = "Een heel lange moduletitel over hechting, mentaliseren en ontwikkelingsondersteuning bij "
                + "baby's, peuters en hun ouders in de eerste duizend dagen";
        Certificate c = new Certificate("K7QM4RTX9PZC", 1, "proef", title, "1.0", "An",
                "2026-11-23T10:00:00.000Z", 20, "2026-11-23T10:00:00.000Z");
        try (PDDocument doc = Loader.loadPDF(pdf.render(c, Messages.of("nl"), "http://localhost"))) {
            String raw = new PDFTextStripper().getText(doc);
            assertTrue(raw.lines().noneMatch(l -> l.strip().equals(title)), "wrapped over lines:\n" + raw);
            assertTrue(raw.replaceAll("\\s+", " ").contains(title), raw);
        }
    }

    @Test
    void the_font_is_embedded_so_it_prints_the_same_everywhere_and_needs_no_system_fonts() throws IOException {
        // A Standard 14 font would make pdfbox scan the system fonts and write a cache file to the home folder.
        try (PDDocument doc = Loader.loadPDF(pdf.render(zoe(), Messages.of("nl"), "http://localhost"))) {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
                assertTrue(font.getName().contains("LiberationSans"), font.getName());
            }
        }
    }
}
