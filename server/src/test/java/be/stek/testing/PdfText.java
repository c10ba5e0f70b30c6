package be.stek.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as pdfbox extracts it (what a screen reader or a search finds), whole or from some pages. */
public final class PdfText {
    private PdfText() {
    }

    public static String of(byte[] pdf) {
        return pages(pdf, 1, Integer.MAX_VALUE);
    }

    /** The text of pages {@code first} to {@code last} (1-based, inclusive). */
    public static String pages(byte[] pdf, int first, int last) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(first);
            stripper.setEndPage(last);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pageCount(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
