package be.stek.certificate;

import java.awt.Color;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** Centred lines of text on a page, top to bottom, wrapped to the page width, inside a double frame. */
final class PdfLines {
    /** One line (or paragraph, if it wraps): its size, weight, and the space above it. */
    record Line(String text, float size, boolean bold, float gapBefore) {
    }

    private static final float MARGIN = 30;
    private static final float TEXT_WIDTH_SHARE = 0.8f;
    private static final Color BRAND = new Color(0x0b, 0x55, 0x63);
    private static final Color INK = new Color(0x1f, 0x24, 0x28);

    private final PDPageContentStream cs;
    private final PDFont font;
    private final PDRectangle page;

    PdfLines(PDPageContentStream cs, PDFont font, PDRectangle page) {
        this.cs = cs;
        this.font = font;
        this.page = page;
    }

    PdfLines frame() throws IOException {
        cs.setStrokingColor(BRAND);
        cs.setLineWidth(3);
        cs.addRect(MARGIN, MARGIN, page.getWidth() - 2 * MARGIN, page.getHeight() - 2 * MARGIN);
        cs.stroke();
        cs.setLineWidth(0.8f);
        cs.addRect(MARGIN + 8, MARGIN + 8, page.getWidth() - 2 * MARGIN - 16, page.getHeight() - 2 * MARGIN - 16);
        cs.stroke();
        return this;
    }

    void draw(List<Line> lines) throws IOException {
        float y = page.getHeight() - MARGIN - 50;
        for (Line line : lines) {
            y -= line.gapBefore();
            for (String part : wrap(printable(line.text()), line.size())) {
                y -= line.size();
                show(part, line, y);
                y -= line.size() * 0.3f;
            }
        }
    }

    private void show(String text, Line line, float y) throws IOException {
        float x = (page.getWidth() - width(text, line.size())) / 2;
        cs.beginText();
        cs.setFont(font, line.size());
        cs.setNonStrokingColor(line.bold() ? BRAND : INK);
        cs.setStrokingColor(line.bold() ? BRAND : INK);
        // One regular font: bold is drawn by also stroking the outline of the glyphs.
        cs.setRenderingMode(line.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        cs.setLineWidth(line.size() / 40);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    private List<String> wrap(String text, float size) throws IOException {
        float max = page.getWidth() * TEXT_WIDTH_SHARE;
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && width(candidate, size) > max) {
                out.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        out.add(current.toString());
        return out;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * The text with every character the font cannot draw replaced: first by its letter without accents, else by
     * "?". Line breaks and tabs become spaces. Names are printed as typed wherever the font allows.
     */
    String printable(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
            if (!canShow(ch)) {
                String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                ch = !base.isEmpty() && canShow(base) ? base : "?";
            }
            sb.append(ch);
        });
        return sb.toString().strip();
    }

    private boolean canShow(String s) {
        try {
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
