package be.stek.handout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns HTML rendered by Stek's own Markdown pipeline (headings, paragraphs, lists, quotes, tables, images,
 * footnotes) into printable blocks of plain text. External links keep their address in brackets, so a printed
 * source can be found; internal links become their text. It reads only that well-formed subset of HTML.
 */
final class HtmlBlocks {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private record ListState(boolean ordered, int[] counter) {
    }

    private final List<Block> out = new ArrayList<>();
    private final Deque<ListState> lists = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private Block.Kind kind = Block.Kind.PARAGRAPH;
    private int level;
    private String marker = "";
    private int quotes;
    private int skip;
    private int strongChars;
    private int strongDepth;
    private String href;
    private int linkStart;
    private List<String> row;
    private List<String> table;
    private int columns;
    private boolean header;

    private HtmlBlocks() {
    }

    static List<Block> of(String html) {
        HtmlBlocks b = new HtmlBlocks();
        Matcher m = TAG.matcher(html);
        int last = 0;
        while (m.find()) {
            b.text(html.substring(last, m.start()));
            if (m.group(2) != null) {
                b.tag(m.group(1).equals("/"), m.group(2).toLowerCase(java.util.Locale.ROOT), m.group(3));
            }
            last = m.end();
        }
        b.text(html.substring(last));
        b.flush();
        return b.out;
    }

    private void text(String raw) {
        if (skip > 0 || raw.isEmpty()) {
            return;
        }
        String t = decode(raw).replaceAll("\\s+", " ");
        if (text.isEmpty() || text.charAt(text.length() - 1) == ' ') {
            t = t.stripLeading();
        }
        text.append(t);
        if (strongDepth > 0) {
            strongChars += t.replace(" ", "").length();
        }
    }

    private void tag(boolean close, String name, String attributes) {
        if (skip > 0) {
            skip += name.equals("a") ? (close ? -1 : 1) : 0;
            return;
        }
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> start(close, Block.Kind.HEADING, name.charAt(1) - '0');
            case "p", "pre" -> paragraph(close);
            case "ul", "ol" -> list(close, name.equals("ol"));
            case "li" -> item(close);
            case "blockquote" -> {
                flush();
                quotes += close ? -1 : 1;
                reset();
            }
            case "strong", "b" -> strongDepth += close ? -1 : 1;
            case "a" -> link(close, attributes);
            case "sup" -> text.append(close ? "]" : "[");
            case "br" -> text.append(' ');
            case "img" -> image(attributes);
            case "tr", "td", "th", "table", "thead", "tbody" -> table(close, name);
            default -> {
                // other tags (em, code, span, div, hr) carry no structure worth printing
            }
        }
    }

    private void start(boolean close, Block.Kind k, int lvl) {
        flush();
        if (!close) {
            kind = k;
            level = lvl;
        }
    }

    private void paragraph(boolean close) {
        if (!lists.isEmpty() && kind == Block.Kind.ITEM && text.isEmpty()) {
            return; // the first paragraph of a loose list item is the item itself
        }
        flush();
        if (!lists.isEmpty() && !close) {
            kind = Block.Kind.ITEM;
            level = lists.size();
            marker = "";
        }
    }

    private void list(boolean close, boolean ordered) {
        flush();
        if (close) {
            lists.pop();
        } else {
            lists.push(new ListState(ordered, new int[] {0}));
        }
        reset();
    }

    private void item(boolean close) {
        flush();
        if (!close && !lists.isEmpty()) {
            ListState l = lists.peek();
            kind = Block.Kind.ITEM;
            level = lists.size();
            marker = l.ordered() ? ++l.counter()[0] + "." : "•";
        }
    }

    private void link(boolean close, String attributes) {
        Map<String, String> attrs = attributes(attributes);
        if (!close && attrs.getOrDefault("class", "").contains("footnote-backref")) {
            skip = 1;
            return;
        }
        if (!close) {
            href = attrs.get("href");
            linkStart = text.length();
            return;
        }
        if (href != null && href.matches("https?://.+") && !text.substring(linkStart).strip().equals(href)) {
            text.append(" (").append(href).append(")");
        }
        href = null;
    }

    private void image(String attributes) {
        flush();
        Map<String, String> attrs = attributes(attributes);
        out.add(new Block(Block.Kind.IMAGE, 0, "", attrs.getOrDefault("alt", ""), false,
                List.of(attrs.getOrDefault("src", ""))));
    }

    private void table(boolean close, String name) {
        switch (name) {
            case "table" -> {
                flush();
                if (close && table != null) {
                    out.add(new Block(Block.Kind.TABLE, columns, "", "", header, List.copyOf(table)));
                    table = null;
                } else if (!close) {
                    table = new ArrayList<>();
                    columns = 0;
                    header = false;
                }
            }
            case "tr" -> {
                if (close && row != null && table != null) {
                    columns = columns == 0 ? row.size() : columns;
                    for (int i = 0; i < columns; i++) {
                        table.add(i < row.size() ? row.get(i) : "");
                    }
                    row = null;
                } else if (!close) {
                    row = new ArrayList<>();
                }
            }
            case "td", "th" -> {
                if (close && row != null) {
                    row.add(text.toString().strip());
                } else if (!close && table != null && table.isEmpty() && row != null && row.isEmpty()) {
                    header = name.equals("th");
                }
                text.setLength(0);
            }
            default -> {
            }
        }
    }

    private void flush() {
        String t = text.toString().strip();
        if (!t.isEmpty() && row == null) {
            Block.Kind k = kind == Block.Kind.PARAGRAPH && quotes > 0 ? Block.Kind.QUOTE : kind;
            boolean strong = strongChars > 0 && strongChars >= t.replace(" ", "").length() - 1;
            out.add(new Block(k, level, marker, t, strong || k == Block.Kind.HEADING, List.of()));
        }
        if (row == null) {
            text.setLength(0);
        }
        strongChars = 0;
        if (kind != Block.Kind.ITEM) {
            reset();
        } else {
            marker = "";
        }
    }

    private void reset() {
        kind = lists.isEmpty() ? Block.Kind.PARAGRAPH : Block.Kind.ITEM;
        level = lists.size();
        marker = "";
    }

    private static Map<String, String> attributes(String s) {
        Map<String, String> attrs = new java.util.HashMap<>();
        Matcher m = ATTRIBUTE.matcher(s);
        while (m.find()) {
            attrs.put(m.group(1).toLowerCase(java.util.Locale.ROOT), decode(m.group(2)));
        }
        return attrs;
    }

    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r;
            if (e.startsWith("#x")) {
                r = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            } else if (e.startsWith("#")) {
                r = new String(Character.toChars(Integer.parseInt(e.substring(1))));
            } else {
                r = NAMED.getOrDefault(e, m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
