package be.stek.certificate;

import be.stek.web.Messages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A certificate as a one-page A4 landscape PDF. The font is Liberation Sans (SIL Open Font License), which pdfbox
 * ships in its own jar as its last-resort font, embedded as a subset. It is used instead of a Standard 14 font
 * because pdfbox looks up a system font for every Standard 14 font it creates, which scans all fonts on the machine
 * and writes a cache file to the home folder; and it has glyphs for names in most European languages (Ł, Ő, Ş, …).
 */
final class CertificatePdf {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final byte[] font;

    /** {@code organisation}: printed in the heading beside "Stek" when set ({@code --org-name}), else null. */
    private final String organisation;

    CertificatePdf() {
        this(null);
    }

    CertificatePdf(String organisation) {
        this.organisation = organisation;
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " not found in pdfbox: check the pdfbox version");
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF of a certificate, in the language of {@code m}; the same row always gives the same text. */
    byte[] render(Certificate cert, Messages m, String baseUrl) {
        try (PDDocument doc = new PDDocument()) {
            PDFont pdfFont = PDType0Font.load(doc, new ByteArrayInputStream(font));
            PDPage page = new PDPage(LANDSCAPE);
            doc.addPage(page);
            describe(doc.getDocumentInformation(), cert, m);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                new PdfLines(cs, pdfFont, LANDSCAPE).frame().draw(lines(cert, m, baseUrl, organisation));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PdfLines.Line> lines(Certificate cert, Messages m, String baseUrl, String organisation) {
        return List.of(
                new PdfLines.Line(organisation == null ? "Stek" : "Stek · " + organisation, 14, false, 0),
                new PdfLines.Line(m.get("cert.pdf.title"), 34, true, 34),
                new PdfLines.Line(m.get("cert.pdf.confirms"), 14, false, 30),
                new PdfLines.Line(cert.learnerName(), 26, true, 16),
                new PdfLines.Line(m.get("cert.pdf.completed"), 14, false, 16),
                new PdfLines.Line(cert.courseTitle(), 20, true, 12),
                new PdfLines.Line(m.get("cert.pdf.version", cert.courseVersion()), 12, false, 6),
                new PdfLines.Line(m.get("cert.pdf.date", date(cert.completedAt(), m)), 14, false, 18),
                new PdfLines.Line(m.get("cert.studyTime", cert.minutes()), 12, false, 8),
                new PdfLines.Line(m.get("cert.pdf.code", cert.displayCode()), 14, true, 34),
                new PdfLines.Line(m.get("cert.pdf.check", cert.verifyUrl(baseUrl)), 10, false, 6));
    }

    /** A stored ISO-8601 instant as a long date in Brussels time: "23 november 2026". */
    static String date(String iso, Messages m) {
        return be.stek.web.Format.longDate(m.locale()).format(Instant.parse(iso));
    }

    private static void describe(PDDocumentInformation info, Certificate cert, Messages m) {
        info.setTitle(m.get("cert.pdf.title") + ": " + cert.courseTitle());
        info.setSubject(cert.learnerName() + " · " + cert.displayCode());
        info.setAuthor("Stek");
        info.setCreator("Stek");
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        issued.setTimeInMillis(Instant.parse(cert.issuedAt()).toEpochMilli());
        info.setCreationDate(issued);
    }
}
