package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The QR code drawn as SVG reads back as the address it was made from: what a phone's camera would see. */
class QrSvgTest {
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    /** The dark modules the SVG draws, without the quiet zone, as the decoder expects them. */
    static BitMatrix modules(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        assertTrue(box.find(), svg);
        int size = Integer.parseInt(box.group(1)) - 2 * QrSvg.QUIET_ZONE;
        BitMatrix m = new BitMatrix(size);
        String path = svg.substring(svg.indexOf(" d=\"") + 4, svg.indexOf("\"/></svg>"));
        Matcher run = RUN.matcher(path);
        int end = 0;
        while (run.find()) {
            assertEquals(end, run.start(), "the path is only runs of modules");
            end = run.end();
            int x = Integer.parseInt(run.group(1)) - QrSvg.QUIET_ZONE;
            int y = Integer.parseInt(run.group(2)) - QrSvg.QUIET_ZONE;
            assertTrue(x >= 0 && y >= 0 && y < size, "nothing drawn in the quiet zone");
            m.setRegion(x, y, Integer.parseInt(run.group(3)), 1);
        }
        assertEquals(path.length(), end, "the path is only runs of modules");
        return m;
    }

    @Test
    void the_svg_decodes_back_to_the_join_address() throws Exception {
        String url = "https://stek.example.be/code/ACDEFH";
        String svg = QrSvg.of(url, "QR-code met het adres " + url);
        assertEquals(url, new Decoder().decode(modules(svg)).getText());
    }

    @Test
    void a_long_address_still_decodes_and_the_label_is_escaped() throws Exception {
        String url = "http://localhost:8080/code/KMNPRT?from=\"projector\"&x=" + "a".repeat(120);
        String svg = QrSvg.of(url, "QR <" + url + ">");
        assertEquals(url, new Decoder().decode(modules(svg)).getText());
        assertFalse(svg.contains("<" + url), "the label is escaped");
        assertTrue(svg.contains("aria-label=\"QR &lt;http://localhost:8080/code/KMNPRT?from=&quot;projector&quot;&amp;x="));
    }
}
