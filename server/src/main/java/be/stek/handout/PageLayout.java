package be.stek.handout;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays blocks out on A4 pages, top to bottom: wraps text to the width, hangs list markers, keeps a heading with
 * what follows it, and starts a new page when the current one is full.
 */
final class PageLayout {
    static final PDRectangle A4 = PDRectangle.A4;
    static final float BODY = 11;
    private static final float MARGIN_X = 62;
    private static final float MARGIN_TOP = 64;
    private static final float MARGIN_BOTTOM = 64;
    private static final float WIDTH = A4.getWidth() - 2 * MARGIN_X;
    private static final float INDENT = 16;
    private static final Color INK = new Color(0x1f, 0x24, 0x28);
    private static final Color BRAND = new Color(0x0b, 0x55, 0x63);
    private static final Color MUTED = new Color(0x4d, 0x56, 0x5e);
    private static final Color LINE = new Color(0xd8, 0xcf, 0xc2);
    private static final Color PANEL = new Color(0xf4, 0xef, 0xe7);

    private final PDDocument doc;
    private final PDFont font;
    private final PictureLayout pictures;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private PDPageContentStream cs;
    private float y;
    private boolean empty = true;
    /** A list marker to draw beside the next line, and whether the next lines get a quote's bar. */
    private String marker;
    private float markerX;
    private boolean bar;

    /** {@code mediaDir} holds the diagrams the blocks show; null draws none (their captions stay). */
    PageLayout(PDDocument doc, PDFont font, Path mediaDir) throws IOException {
        this.doc = doc;
        this.font = font;
        this.pictures = new PictureLayout(this, doc, mediaDir);
        newPage();
    }

    /** Lays out {@code b}; {@code next} (or null) is what follows it, so that a heading stays with it. */
    void add(Block b, Block next) throws IOException {
        switch (b.kind()) {
            case TITLE -> text(b.text(), 22, true, BRAND, 0, 0, 0, 8);
            case HEADING -> heading(b, next);
            case PARAGRAPH -> text(b.text(), BODY, b.strong(), INK, 0, 0, 6, 0);
            case NOTE -> text(b.text(), 9.5f, false, MUTED, 0, 0, 2, 2);
            case QUOTE -> quote(b);
            case ITEM -> item(b);
            case TABLE -> new TableLayout(this, b).draw();
            case IMAGE -> image(b);
            case PAGE_BREAK -> {
                if (!empty) {
                    newPage();
                }
            }
        }
    }

    private void heading(Block b, Block next) throws IOException {
        float size = switch (b.level()) {
            case 1 -> 16f;
            case 2 -> 13.5f;
            case 3 -> 12f;
            default -> BODY;
        };
        float gap = b.level() == 1 ? 20 : b.level() == 2 ? 14 : 10;
        // Keep a heading with at least three lines of what follows it, or with the whole picture that follows it.
        float following = next != null && next.kind() == Block.Kind.IMAGE ? pictures.height(next) + 10 : 3 * BODY * 1.45f;
        if (y - gap - lines(b.text(), size, WIDTH).size() * size * 1.35f - following < MARGIN_BOTTOM && !empty) {
            newPage();
        }
        text(b.text(), size, true, b.level() <= 2 ? BRAND : INK, 0, 0, gap, 3);
    }

    private void item(Block b) throws IOException {
        float indent = INDENT * (b.level() - 1);
        if (!b.marker().isEmpty()) {
            float hang = Math.max(INDENT, width(b.marker(), BODY) + 5);
            marker = b.marker();
            markerX = MARGIN_X + indent + INDENT - hang;
        }
        text(b.text(), BODY, b.strong(), INK, indent + INDENT, 0, 3, 0);
    }

    private void quote(Block b) throws IOException {
        bar = true;
        text(b.text(), BODY, false, MUTED, INDENT, INDENT, 6, 0);
    }

    /** A diagram (see {@link PictureLayout}) with its alt text as caption below it. */
    private void image(Block b) throws IOException {
        pictures.draw(b);
        text(b.text(), 9.5f, false, MUTED, INDENT, INDENT, 4, 6);
    }

    /** Draws wrapped text with {@code gapBefore} above it and {@code gapAfter} below. */
    void text(String raw, float size, boolean bold, Color color, float left, float right, float gapBefore,
              float gapAfter) throws IOException {
        float leading = size * (size > BODY ? 1.3f : 1.45f);
        List<String> lines = lines(raw, size, WIDTH - left - right);
        y -= empty ? 0 : gapBefore;
        for (String line : lines) {
            if (y - leading < MARGIN_BOTTOM) {
                newPage();
            }
            y -= leading;
            float baseline = y + (leading - size) * 0.5f;
            if (marker != null) {
                show(printable(marker), markerX, baseline, size, false, INK);
                marker = null;
            }
            show(line, MARGIN_X + left, baseline, size, bold, color);
            if (bar) {
                cs.setStrokingColor(LINE);
                cs.setLineWidth(3);
                cs.moveTo(MARGIN_X + 4, y);
                cs.lineTo(MARGIN_X + 4, y + leading);
                cs.stroke();
            }
        }
        marker = null;
        bar = false;
        y -= gapAfter;
        empty = false;
    }

    void show(String text, float x, float baseline, float size, boolean bold, Color color) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.setStrokingColor(color);
        // One regular font: bold is drawn by also stroking the outline of the glyphs (as on certificates).
        cs.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        cs.setLineWidth(size / 40);
        cs.newLineAtOffset(x, baseline);
        cs.showText(text);
        cs.endText();
    }

    /** The text wrapped to {@code max} points; a word longer than a line is broken where it must. */
    List<String> lines(String raw, float size, float max) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(raw).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= max) {
                line = new StringBuilder(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line.toString());
            }
            line = new StringBuilder(word);
            while (width(line.toString(), size) > max && line.length() > 1) {
                int cut = line.length() - 1;
                while (cut > 1 && width(line.substring(0, cut), size) > max) {
                    cut--;
                }
                out.add(line.substring(0, cut));
                line = new StringBuilder(line.substring(cut));
            }
        }
        if (!line.isEmpty() || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * The text with every character the font cannot draw replaced: first by its letter without accents, else
     * dropped (a decorative arrow) or "?"; line breaks and tabs become spaces.
     */
    String printable(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
            if (!ch.equals(" ") && !drawable.computeIfAbsent(cp, c -> canShow(new String(Character.toChars(c))))) {
                String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                ch = !base.isEmpty() && canShow(base) ? base : Character.getType(cp) == Character.OTHER_SYMBOL ? "" : "?";
            }
            sb.append(ch);
        });
        return sb.toString();
    }

    private boolean canShow(String s) {
        try {
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = A4.getHeight() - MARGIN_TOP;
        empty = true;
    }

    void close() throws IOException {
        cs.close();
    }

    /** The footer of one page: the module's title on the left, "page N of M" on the right. */
    void footer(PDPageContentStream stream, String title, String pageOf) throws IOException {
        PDPageContentStream own = cs;
        cs = stream;
        float baseline = MARGIN_BOTTOM - 30;
        cs.setStrokingColor(LINE);
        cs.setLineWidth(0.6f);
        cs.moveTo(MARGIN_X, baseline + 12);
        cs.lineTo(A4.getWidth() - MARGIN_X, baseline + 12);
        cs.stroke();
        String shown = lines(title, 8.5f, WIDTH - 110).get(0);
        show(shown, MARGIN_X, baseline, 8.5f, false, MUTED);
        String page = printable(pageOf);
        show(page, A4.getWidth() - MARGIN_X - width(page, 8.5f), baseline, 8.5f, false, MUTED);
        cs = own;
    }

    // What a table row needs from the page.
    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
        empty = false;
    }

    boolean fits(float height) {
        return y - height >= MARGIN_BOTTOM;
    }

    boolean isEmpty() {
        return empty;
    }

    PDPageContentStream stream() {
        return cs;
    }

    static float left() {
        return MARGIN_X;
    }

    static float textWidth() {
        return WIDTH;
    }

    static float textHeight() {
        return A4.getHeight() - MARGIN_TOP - MARGIN_BOTTOM;
    }

    static Color line() {
        return LINE;
    }

    static Color panel() {
        return PANEL;
    }

    static Color ink() {
        return INK;
    }
}
