package be.stek.handout;

import be.stek.web.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A handout as an A4 PDF: body text at 11 pt, headings, lists, quotes and tables wrapped to the page, and a footer
 * with the module's title and "page N of M". Like certificates, it uses Liberation Sans from pdfbox's own jar (SIL
 * Open Font License), embedded as a subset, so no system font is looked up and no font cache is written. Making
 * the PDF of a large module takes a few hundred milliseconds; the routes keep each one.
 */
final class HandoutPdf {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final byte[] font;

    HandoutPdf() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " not found in pdfbox: check the pdfbox version");
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PDF of {@code blocks}; {@code title} goes in the footer and the document's properties, and the diagrams are
     * read from {@code mediaDir}.
     */
    byte[] render(String title, String language, List<Block> blocks, Messages m, Path mediaDir) {
        try (PDDocument doc = new PDDocument()) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            // Glyph substitution (ligatures) costs milliseconds per line in pdfbox 3 and adds nothing to Dutch text.
            ttf.setEnableGsub(false);
            PageLayout layout = new PageLayout(doc, PDType0Font.load(doc, ttf, true), mediaDir);
            for (int i = 0; i < blocks.size(); i++) {
                layout.add(blocks.get(i), i + 1 < blocks.size() ? blocks.get(i + 1) : null);
            }
            layout.close();
            footers(doc, layout, title, m);
            describe(doc, title, language);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void footers(PDDocument doc, PageLayout layout, String title, Messages m) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                layout.footer(cs, title, m.get("handout.page", i + 1, total));
            }
        }
    }

    private static void describe(PDDocument doc, String title, String language) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor("Stek");
        info.setCreator("Stek");
        doc.getDocumentCatalog().setLanguage(language);
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }
}
