package be.stek.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.PdfText;
import be.stek.web.Messages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A diagram in a handout is drawn from its SVG: its shapes where the SVG puts them, its labels as real text. */
class SvgDrawingTest {
    private static final String SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
              <defs><marker id="pijl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" markerHeight="4">
                <path d="M0,0 L10,5 L0,10 z" fill="#000000"/></marker></defs>
              <rect x="0" y="0" width="100" height="100" rx="8" fill="#ff0000"/>
              <g font-size="12" text-anchor="middle"><text x="150" y="30">Rechts boven</text></g>
              <path d="M 110 80 A 20 20 0 0 1 150 80" fill="none" stroke="#0000ff" stroke-width="2" marker-end="url(#pijl)"/>
            </svg>""";

    private static int rgb(BufferedImage image, double x, double y) {
        return image.getRGB((int) x, (int) y) & 0xffffff;
    }

    @Test
    void the_svg_is_drawn_to_scale_with_its_text_and_the_alt_text_below(@TempDir Path media) throws Exception {
        Files.createDirectories(media.resolve("proef"));
        Files.writeString(media.resolve("proef/schema.svg"), SVG);
        Block image = new Block(Block.Kind.IMAGE, 0, "", "Een rood vlak en een label", false,
                List.of("/media/proef/schema.svg"));
        byte[] pdf = new HandoutPdf().render("Proef", "nl-BE", List.of(image), Messages.of("nl"), media);

        String text = PdfText.of(pdf);
        assertTrue(text.contains("Rechts boven"), text);
        assertTrue(text.contains("Een rood vlak en een label"), text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImage(0, 1f);
            double scale = PageLayout.textWidth() / 200;
            double left = PageLayout.left();
            double top = 64;
            assertEquals(0xff0000, rgb(page, left + 50 * scale, top + 50 * scale), "inside the red square");
            assertEquals(0xffffff, rgb(page, left + 150 * scale, top + 95 * scale), "white below the arc");
            assertEquals(Color.WHITE.getRGB() & 0xffffff, rgb(page, left + 105 * scale, top + 50 * scale));
        }
    }

    @Test
    void a_missing_or_broken_file_leaves_only_the_caption(@TempDir Path media) throws Exception {
        Files.writeString(media.resolve("kapot.svg"), "<svg><rect");
        for (String src : List.of("/media/kapot.svg", "/media/bestaat-niet.svg", "/media/../../etc/passwd")) {
            Block image = new Block(Block.Kind.IMAGE, 0, "", "Het onderschrift", false, List.of(src));
            String text = PdfText.of(new HandoutPdf().render("Proef", "nl-BE", List.of(image), Messages.of("nl"), media));
            assertTrue(text.contains("Het onderschrift"), text);
        }
    }
}
