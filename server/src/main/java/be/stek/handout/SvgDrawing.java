package be.stek.handout;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws one of the courses' SVG diagrams into a PDF, as vectors: the subset the diagrams use (rect with rounded
 * corners, circle, ellipse, line, path with M L H V C Q A Z, one-line text, groups whose attributes are inherited,
 * arrowhead markers, dashes). A gradient is drawn in its first colour and a pattern as a light fill. Anything else is
 * left out; the text version printed below the diagram says it all in words anyway.
 */
final class SvgDrawing {
    private static final Color PATTERN_FILL = new Color(0xe6, 0xdf, 0xd3);

    private final Element root;
    private final float[] viewBox;
    private final PageLayout page;
    private PDPageContentStream cs;

    private SvgDrawing(Element root, float[] viewBox, PageLayout page) {
        this.root = root;
        this.viewBox = viewBox;
        this.page = page;
    }

    /** The drawing in {@code file}, or empty when it cannot be read (then the handout prints the text only). */
    static Optional<SvgDrawing> read(Path file, PageLayout page) {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element root = f.newDocumentBuilder().parse(in).getDocumentElement();
            String[] vb = root.getAttribute("viewBox").trim().split("[\\s,]+");
            if (vb.length != 4) {
                return Optional.empty();
            }
            float[] box = {num(vb[0]), num(vb[1]), num(vb[2]), num(vb[3])};
            return box[2] > 0 && box[3] > 0 ? Optional.of(new SvgDrawing(root, box, page)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    float height(float width) {
        return width * viewBox[3] / viewBox[2];
    }

    /** Draws the diagram {@code width} points wide with its top left corner at ({@code x}, {@code top}). */
    void draw(PDPageContentStream stream, float x, float top, float width) throws IOException {
        cs = stream;
        float s = width / viewBox[2];
        cs.saveGraphicsState();
        // SVG's y axis points down: flip it, then work in the drawing's own units.
        cs.transform(new Matrix(s, 0, 0, -s, x - viewBox[0] * s, top + viewBox[1] * s));
        children(root);
        cs.restoreGraphicsState();
    }

    private void children(Element parent) throws IOException {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                element(e);
            }
        }
    }

    private void element(Element e) throws IOException {
        switch (e.getLocalName() == null ? e.getTagName() : e.getLocalName()) {
            case "g", "a" -> children(e);
            case "rect" -> shape(e, () -> rect(e));
            case "circle" -> shape(e, () -> ellipse(num(e, "cx"), num(e, "cy"), num(e, "r"), num(e, "r")));
            case "ellipse" -> shape(e, () -> ellipse(num(e, "cx"), num(e, "cy"), num(e, "rx"), num(e, "ry")));
            case "line" -> line(e);
            case "path" -> path(e);
            case "text" -> text(e);
            default -> {
                // defs, marker, gradients, patterns, title and desc are not drawn by themselves
            }
        }
    }

    private interface Outline {
        void trace() throws IOException;
    }

    private void shape(Element e, Outline outline) throws IOException {
        Color fill = paint(e, "fill", Color.BLACK);
        Color stroke = paint(e, "stroke", null);
        if (fill == null && stroke == null) {
            return;
        }
        cs.saveGraphicsState();
        if (stroke != null) {
            strokeStyle(e, stroke);
        }
        if (fill != null) {
            cs.setNonStrokingColor(fill);
        }
        outline.trace();
        if (fill != null && stroke != null) {
            cs.fillAndStroke();
        } else if (fill != null) {
            cs.fill();
        } else {
            cs.stroke();
        }
        cs.restoreGraphicsState();
    }

    private void strokeStyle(Element e, Color stroke) throws IOException {
        cs.setStrokingColor(stroke);
        cs.setLineWidth(num(inherited(e, "stroke-width"), 1));
        if ("round".equals(inherited(e, "stroke-linecap"))) {
            cs.setLineCapStyle(1);
        }
        String dash = inherited(e, "stroke-dasharray");
        if (dash != null && !dash.isBlank() && !dash.equals("none")) {
            String[] parts = dash.trim().split("[\\s,]+");
            float[] pattern = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                pattern[i] = num(parts[i]);
            }
            cs.setLineDashPattern(pattern, 0);
        }
    }

    private void rect(Element e) throws IOException {
        float x = num(e, "x");
        float y = num(e, "y");
        float w = num(e, "width");
        float h = num(e, "height");
        float rx = Math.min(num(e.hasAttribute("rx") ? e.getAttribute("rx") : e.getAttribute("ry"), 0), w / 2);
        float ry = Math.min(num(e.hasAttribute("ry") ? e.getAttribute("ry") : e.getAttribute("rx"), 0), h / 2);
        if (rx <= 0) {
            cs.addRect(x, y, w, h);
            return;
        }
        float k = 0.5523f;
        cs.moveTo(x + rx, y);
        cs.lineTo(x + w - rx, y);
        cs.curveTo(x + w - rx + k * rx, y, x + w, y + ry - k * ry, x + w, y + ry);
        cs.lineTo(x + w, y + h - ry);
        cs.curveTo(x + w, y + h - ry + k * ry, x + w - rx + k * rx, y + h, x + w - rx, y + h);
        cs.lineTo(x + rx, y + h);
        cs.curveTo(x + rx - k * rx, y + h, x, y + h - ry + k * ry, x, y + h - ry);
        cs.lineTo(x, y + ry);
        cs.curveTo(x, y + ry - k * ry, x + rx - k * rx, y, x + rx, y);
        cs.closePath();
    }

    private void ellipse(float cx, float cy, float rx, float ry) throws IOException {
        float k = 0.5523f;
        cs.moveTo(cx + rx, cy);
        cs.curveTo(cx + rx, cy + k * ry, cx + k * rx, cy + ry, cx, cy + ry);
        cs.curveTo(cx - k * rx, cy + ry, cx - rx, cy + k * ry, cx - rx, cy);
        cs.curveTo(cx - rx, cy - k * ry, cx - k * rx, cy - ry, cx, cy - ry);
        cs.curveTo(cx + k * rx, cy - ry, cx + rx, cy - k * ry, cx + rx, cy);
        cs.closePath();
    }

    private void line(Element e) throws IOException {
        float x1 = num(e, "x1");
        float y1 = num(e, "y1");
        float x2 = num(e, "x2");
        float y2 = num(e, "y2");
        Color stroke = paint(e, "stroke", null);
        if (stroke == null) {
            return;
        }
        cs.saveGraphicsState();
        strokeStyle(e, stroke);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
        cs.restoreGraphicsState();
        markers(e, new float[] {x1, y1, x2, y2}, new float[] {x1, y1, x2, y2});
    }

    private void path(Element e) throws IOException {
        SvgPath traced = new SvgPath(e.getAttribute("d"));
        shape(e, () -> traced.trace(cs));
        markers(e, traced.start(), traced.end());
    }

    /** Arrowheads: {@code start} and {@code end} hold a point and the point that gives the direction there. */
    private void markers(Element e, float[] start, float[] end) throws IOException {
        marker(e, "marker-end", end[2], end[3], end[2] - end[0], end[3] - end[1]);
        marker(e, "marker-start", start[0], start[1], start[0] - start[2], start[1] - start[3]);
    }

    private void marker(Element e, String which, float x, float y, float dx, float dy) throws IOException {
        Element m = reference(inherited(e, which));
        if (m == null || (dx == 0 && dy == 0)) {
            return;
        }
        String[] vb = m.getAttribute("viewBox").trim().split("[\\s,]+");
        float units = vb.length == 4 ? num(vb[2]) : 3;
        float size = num(m.getAttribute("markerWidth"), 3) * num(inherited(e, "stroke-width"), 1) / units;
        cs.saveGraphicsState();
        Matrix at = new Matrix();
        at.translate(x, y);
        at.rotate(Math.atan2(dy, dx));
        at.scale(size, size);
        at.translate(-num(m.getAttribute("refX"), 0), -num(m.getAttribute("refY"), 0));
        cs.transform(at);
        children(m);
        cs.restoreGraphicsState();
    }

    private void text(Element e) throws IOException {
        String text = page.printable(e.getTextContent().strip().replaceAll("\\s+", " "));
        Color fill = paint(e, "fill", Color.BLACK);
        if (text.isEmpty() || fill == null) {
            return;
        }
        float size = num(inherited(e, "font-size"), 16);
        float x = num(e, "x");
        String anchor = inherited(e, "text-anchor");
        float width = page.width(text, size);
        x -= "middle".equals(anchor) ? width / 2 : "end".equals(anchor) ? width : 0;
        String weight = inherited(e, "font-weight");
        boolean bold = weight != null && (weight.equals("bold") || weight.matches("[6-9]00"));
        cs.saveGraphicsState();
        // The page is flipped for SVG; flip the text back so that it stands upright.
        cs.transform(new Matrix(1, 0, 0, -1, x, num(e, "y")));
        page.show(text, 0, 0, size, bold, fill);
        cs.restoreGraphicsState();
    }

    /** A paint attribute (own or inherited): a colour, the first colour of a gradient, or null for none. */
    private Color paint(Element e, String name, Color fallback) {
        String value = inherited(e, name);
        if (value == null) {
            return fallback;
        }
        value = value.trim();
        if (value.equals("none") || value.equals("transparent")) {
            return null;
        }
        if (value.startsWith("url(")) {
            Element ref = reference(value);
            if (ref == null) {
                return fallback;
            }
            for (Node n = ref.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element stop && "stop".equals(stop.getTagName())) {
                    return color(stop.getAttribute("stop-color"), fallback);
                }
            }
            return PATTERN_FILL;
        }
        return color(value, fallback);
    }

    static Color color(String value, Color fallback) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.matches("#[0-9a-f]{6}")) {
                return new Color(Integer.parseInt(v.substring(1), 16));
            }
            if (v.matches("#[0-9a-f]{3}")) {
                return new Color(Integer.parseInt("" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2)
                        + v.charAt(3) + v.charAt(3), 16));
            }
        } catch (NumberFormatException e) {
            return fallback;
        }
        return switch (v) {
            case "white" -> Color.WHITE;
            case "black" -> Color.BLACK;
            default -> fallback;
        };
    }

    /** The element an attribute like {@code url(#pijl)} points to, or null. */
    private Element reference(String value) {
        if (value == null || !value.startsWith("url(#")) {
            return null;
        }
        String id = value.substring(5, value.indexOf(')') < 0 ? value.length() : value.indexOf(')'));
        return find(root, id);
    }

    private static Element find(Element e, String id) {
        if (id.equals(e.getAttribute("id"))) {
            return e;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                Element found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** An attribute of the element or of the nearest ancestor that has it. */
    private static String inherited(Element e, String name) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute(name)) {
                return el.getAttribute(name);
            }
        }
        return null;
    }

    private static float num(Element e, String name) {
        return num(e.getAttribute(name), 0);
    }

    static float num(String s, float fallback) {
        try {
            return s == null || s.isBlank() ? fallback : num(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static float num(String s) {
        return Float.parseFloat(s.trim().replaceAll("(px|pt)$", ""));
    }
}
