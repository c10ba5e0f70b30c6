package be.stek.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendered lesson HTML becomes plain printable blocks: structure kept, markup gone, external addresses printed. */
class HtmlBlocksTest {

    private static List<String> shown(String html) {
        return HtmlBlocks.of(html).stream()
                .map(b -> b.kind().name() + (b.level() > 0 ? String.valueOf(b.level()) : "")
                        + (b.marker().isEmpty() ? "" : " " + b.marker())
                        + (b.strong() && b.kind() == Block.Kind.PARAGRAPH ? " strong" : "") + ": " + b.text()
                        + (b.cells().isEmpty() ? "" : " " + b.cells()))
                .toList();
    }

    @Test
    void headings_paragraphs_and_nested_lists_keep_their_structure() {
        assertEquals(List.of("HEADING2: De kern", "PARAGRAPH: Kijk & luister.", "ITEM1 •: een", "ITEM2 1.: twee",
                        "ITEM2 2.: drie", "ITEM1 •: vier", "PARAGRAPH strong: Het schema in woorden"),
                shown("<h2 id=\"de-kern\">De kern</h2>\n<p>Kijk &amp; <em>luister</em>.</p><ul><li>een<ol><li>twee</li>"
                        + "<li><p>drie</p></li></ol></li><li>vier</li></ul><p><strong>Het schema in woorden</strong></p>"));
    }

    @Test
    void external_links_print_their_address_and_footnote_back_links_vanish() {
        assertEquals(List.of("PARAGRAPH: Zie de nota (https://example.org/nota) en les 2[1].", "ITEM1 1.: Bron."),
                shown("<p>Zie <a href=\"https://example.org/nota\">de nota</a> en <a href=\"/courses/x/lessons/y\">les"
                        + " 2</a><sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>.</p>"
                        + "<div class=\"footnotes\"><hr /><ol><li id=\"fn-1\"><p>Bron. <a href=\"#fnref-1\" "
                        + "class=\"footnote-backref\">&#8617;</a></p></li></ol></div>"));
    }

    @Test
    void a_table_is_one_block_with_its_cells_and_an_image_keeps_its_alt_text() {
        assertEquals(List.of("TABLE2:  [rol, wat, begeleider, leidt in]", "IMAGE: Een schema [/media/x/s.svg]",
                        "QUOTE: Een citaat."),
                shown("<table><thead><tr><th>rol</th><th>wat</th></tr></thead><tbody><tr><td>begeleider</td>"
                        + "<td>leidt <strong>in</strong></td></tr></tbody></table><p><img src=\"/media/x/s.svg\" "
                        + "alt=\"Een schema\" /></p><blockquote><p>Een citaat.</p></blockquote>"));
    }
}
