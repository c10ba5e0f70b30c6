package be.stek.handout;

import java.util.List;

/**
 * One piece of a printed document. {@code level} is the heading level (1 = section), the list depth of an item, or
 * a table's number of columns; {@code marker} is an item's bullet or number ("" for a paragraph inside an item);
 * {@code strong} says the whole text was bold (for a table: its first row is a header); {@code cells} are a table's
 * cells row by row, or an image's address.
 */
record Block(Kind kind, int level, String marker, String text, boolean strong, List<String> cells) {

    enum Kind { TITLE, HEADING, PARAGRAPH, ITEM, QUOTE, NOTE, TABLE, IMAGE, PAGE_BREAK }

    static Block title(String text) {
        return new Block(Kind.TITLE, 0, "", text, true, List.of());
    }

    static Block heading(int level, String text) {
        return new Block(Kind.HEADING, level, "", text, true, List.of());
    }

    static Block paragraph(String text) {
        return new Block(Kind.PARAGRAPH, 0, "", text, false, List.of());
    }

    static Block strong(String text) {
        return new Block(Kind.PARAGRAPH, 0, "", text, true, List.of());
    }

    static Block item(int level, String marker, String text) {
        return new Block(Kind.ITEM, level, marker, text, false, List.of());
    }

    static Block note(String text) {
        return new Block(Kind.NOTE, 0, "", text, false, List.of());
    }

    static Block pageBreak() {
        return new Block(Kind.PAGE_BREAK, 0, "", "", false, List.of());
    }

    /** The same block as a heading one level deeper (a lesson's own headings inside a handout section). */
    Block deeper(int by) {
        return kind == Kind.HEADING ? new Block(kind, level + by, marker, text, strong, cells) : this;
    }

    boolean isHeading() {
        return kind == Kind.HEADING;
    }
}
