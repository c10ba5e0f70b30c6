package be.stek.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Pictures on the page: an SVG diagram drawn as vectors ({@link SvgDrawing}), a PNG or JPEG placed as it is, centred
 * at the text width and never taller than 60 % of the page. A picture that cannot be found or read is left out.
 */
final class PictureLayout {
    private static final float MAX_SHARE = 0.6f;

    private final PageLayout page;
    private final PDDocument doc;
    private final Path mediaDir;

    PictureLayout(PageLayout page, PDDocument doc, Path mediaDir) {
        this.page = page;
        this.doc = doc;
        this.mediaDir = mediaDir == null ? null : mediaDir.toAbsolutePath().normalize();
    }

    void draw(Block b) throws IOException {
        Optional<Path> file = media(b);
        Optional<SvgDrawing> svg = svg(file);
        float full = PageLayout.textWidth();
        if (svg.isPresent()) {
            float width = fitted(svg.get().height(full));
            float height = svg.get().height(width);
            place(height);
            svg.get().draw(page.stream(), PageLayout.left() + (full - width) / 2, page.y(), width);
            page.moveTo(page.y() - height);
        } else if (bitmap(file)) {
            PDImageXObject picture = PDImageXObject.createFromFileByExtension(file.get().toFile(), doc);
            float width = fitted(full * picture.getHeight() / picture.getWidth());
            float height = width * picture.getHeight() / picture.getWidth();
            place(height);
            page.stream().drawImage(picture, PageLayout.left() + (full - width) / 2, page.y() - height, width, height);
            page.moveTo(page.y() - height);
        }
    }

    /** How high the picture will be on the page (0 when it cannot be drawn). */
    float height(Block b) throws IOException {
        Optional<Path> file = media(b);
        Optional<SvgDrawing> svg = svg(file);
        if (svg.isPresent()) {
            return svg.get().height(fitted(svg.get().height(PageLayout.textWidth())));
        }
        if (bitmap(file)) {
            PDImageXObject picture = PDImageXObject.createFromFileByExtension(file.get().toFile(), doc);
            return fitted(PageLayout.textWidth() * picture.getHeight() / picture.getWidth())
                    * picture.getHeight() / picture.getWidth();
        }
        return 0;
    }

    private Optional<SvgDrawing> svg(Optional<Path> file) {
        return file.filter(f -> f.toString().endsWith(".svg")).flatMap(f -> SvgDrawing.read(f, page));
    }

    private static boolean bitmap(Optional<Path> file) {
        return file.isPresent() && file.get().toString().matches("(?i).*\\.(png|jpe?g)");
    }

    /** The width at which a picture {@code heightAtFullWidth} high stays within 60 % of the page's height. */
    private static float fitted(float heightAtFullWidth) {
        float max = PageLayout.textHeight() * MAX_SHARE;
        return heightAtFullWidth > max ? PageLayout.textWidth() * max / heightAtFullWidth : PageLayout.textWidth();
    }

    /** Moves to a new page unless the picture and a few lines of its caption fit on this one. */
    private void place(float height) throws IOException {
        if (!page.fits(height + 10 + 3 * PageLayout.BODY) && !page.isEmpty()) {
            page.newPage();
        }
        page.moveTo(page.y() - (page.isEmpty() ? 0 : 10));
    }

    /** The picture's {@code /media/...} address as a file in the media folder, if it is one. */
    private Optional<Path> media(Block b) {
        String src = b.cells().isEmpty() ? "" : b.cells().get(0);
        if (mediaDir == null || !src.startsWith("/media/")) {
            return Optional.empty();
        }
        Path file = mediaDir.resolve(src.substring("/media/".length())).normalize();
        return file.startsWith(mediaDir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
