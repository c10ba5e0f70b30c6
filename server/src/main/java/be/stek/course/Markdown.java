package be.stek.course;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Markdown pipeline (flexmark): tables, footnotes, heading anchors; raw HTML is escaped, links are mapped to
 * Stek's URLs and checked, and fenced activity blocks are left as markers for the loader to fill in.
 */
final class Markdown {
    static final Pattern MARKER = Pattern.compile("<!--stek:block:(\\d+)-->");

    /** A fenced activity block found in a body: its kind, YAML text, first YAML line and marker offset. */
    record Block(String kind, String yaml, int line, int offset) {
    }

    record Rendered(String html, List<Block> blocks) {
    }

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Set<String> activityKinds;

    Markdown(Set<String> activityKinds) {
        this.activityKinds = activityKinds;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AttributesExtension.create(),
                FootnoteExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(TablesExtension.CLASS_NAME, "table");
        options.toImmutable();
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options)
                .nodeRendererFactory(o -> new MarkerRenderer(activityKinds))
                .build();
    }

    /** Where a body comes from, for link mapping and problem reports. */
    record Source(Path path, String displayName, int firstLine, Links links, Problems problems) {
        void problem(Node node, String message) {
            problems.add(displayName, firstLine + node.getStartLineNumber(), message);
        }

        void warn(Node node, String message) {
            problems.warn(displayName, firstLine + node.getStartLineNumber(), message);
        }
    }

    Rendered render(String body, Source source, boolean pageLevel) {
        Document doc = parser.parse(body);
        List<Block> blocks = new ArrayList<>();
        List<Node> plain = new ArrayList<>();
        for (Node node : doc.getDescendants()) {
            if (node instanceof Image image) {
                checkImage(image, source, plain);
            } else if (node instanceof Link link) {
                mapLink(link, source, plain);
            } else if (node instanceof Heading h && h.getLevel() == 1 && pageLevel) {
                source.problem(h, "use `##` and lower: the title in the header is the page's only top heading");
            } else if (node instanceof FencedCodeBlock code && activityKinds.contains(code.getInfo().toString().trim())) {
                if (!(code.getParent() instanceof Document)) {
                    source.problem(code, "an activity block must stand on its own, not inside a list or quote");
                }
                blocks.add(new Block(code.getInfo().toString().trim(), code.getContentChars().toString(),
                        source.firstLine() + code.getStartLineNumber() + 1, code.getStartOffset()));
            }
        }
        plain.forEach(Markdown::unwrap);
        return new Rendered(scrollableTables(renderer.render(doc)), blocks);
    }

    /**
     * Puts every table in a box that scrolls sideways on its own (keyboard-focusable, named as a table region), so that
     * a wide table never makes a phone's page wider than its screen.
     */
    static String scrollableTables(String html) {
        return html.replace("<table>", "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"tabel\"><table>")
                .replace("</table>", "</table></div>");
    }

    /** Replaces a link or image by its text (for an image, its alt text). */
    private static void unwrap(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    /** Renders a short text without its paragraph wrapper (for option texts). */
    String inline(String text, Source source) {
        String html = render(text, source, false).html().strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    private static void mapLink(Link link, Source source, List<Node> plain) {
        Links.Target t = source.links().link(source.path(), link.getUrl().toString());
        if (t.problem() != null) {
            source.problem(link, t.problem());
        } else if (t.isPlainText()) {
            source.warn(link, t.warning());
            plain.add(link);
        } else {
            link.setUrl(BasedSequence.of(t.url()));
        }
    }

    private static void checkImage(Image image, Source source, List<Node> plain) {
        if (image.getText().isBlank()) {
            source.problem(image, "image `" + image.getUrl() + "` needs an alt text: ![what it shows](...)");
        }
        Links.Target t = source.links().media(source.path(), image.getUrl().toString());
        if (t.problem() != null) {
            source.problem(image, t.problem());
        } else if (t.isPlainText()) {
            source.warn(image, t.warning());
            plain.add(image);
        } else {
            image.setUrl(BasedSequence.of(t.url()));
        }
    }

    /** Renders activity fences as markers; every other fenced block as usual. */
    private static final class MarkerRenderer implements NodeRenderer {
        private final Set<String> kinds;

        MarkerRenderer(Set<String> kinds) {
            this.kinds = kinds;
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, (node, ctx, html) -> {
                if (kinds.contains(node.getInfo().toString().trim())) {
                    html.raw("<!--stek:block:" + node.getStartOffset() + "-->");
                } else {
                    ctx.delegateRender();
                }
            }));
        }
    }
}
