package be.stek.handout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table on the page: columns as wide as their content allows within the text width, each cell wrapped, a row
 * never split over two pages, and the header row repeated on a new page.
 */
final class TableLayout {
    private static final float SIZE = 9.5f;
    private static final float LEADING = SIZE * 1.35f;
    private static final float PAD = 4;
    private static final float MIN_COLUMN = 40;

    private final PageLayout page;
    private final Block table;
    private final int columns;

    TableLayout(PageLayout page, Block table) {
        this.page = page;
        this.table = table;
        this.columns = Math.max(1, table.level());
    }

    void draw() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i + columns <= table.cells().size(); i += columns) {
            rows.add(table.cells().subList(i, i + columns));
        }
        float[] widths = widths(rows);
        page.moveTo(page.y() - 6);
        for (int r = 0; r < rows.size(); r++) {
            boolean header = r == 0 && table.strong();
            float height = height(rows.get(r), widths);
            if (!page.fits(height) && !page.isEmpty()) {
                page.newPage();
                if (table.strong() && r > 0) {
                    row(rows.get(0), widths, height(rows.get(0), widths), true);
                }
            }
            row(rows.get(r), widths, height, header);
        }
        page.moveTo(page.y() - 4);
    }

    /**
     * Column widths: each column first gets its longest word (so words are not broken, up to a third of the width),
     * then the rest of the width is shared in proportion to how much more each column's longest cell needs.
     */
    private float[] widths(List<List<String>> rows) throws IOException {
        float[] min = new float[columns];
        float[] natural = new float[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                String cell = page.printable(row.get(c));
                natural[c] = Math.max(natural[c], page.width(cell, SIZE) + 2 * PAD + 1);
                for (String word : cell.split(" ")) {
                    min[c] = Math.max(min[c], Math.min(page.width(word, SIZE) + 2 * PAD + 1, PageLayout.textWidth() / 3));
                }
            }
        }
        float fixed = 0;
        float extra = 0;
        for (int c = 0; c < columns; c++) {
            min[c] = Math.max(min[c], MIN_COLUMN);
            fixed += min[c];
            extra += Math.max(0, natural[c] - min[c]);
        }
        float left = Math.max(0, PageLayout.textWidth() - fixed);
        float[] widths = new float[columns];
        float sum = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = min[c] + (extra == 0 ? left / columns : left * Math.max(0, natural[c] - min[c]) / extra);
            sum += widths[c];
        }
        for (int c = 0; c < columns; c++) {
            widths[c] *= PageLayout.textWidth() / sum;
        }
        return widths;
    }

    private float height(List<String> row, float[] widths) throws IOException {
        int lines = 1;
        for (int c = 0; c < columns; c++) {
            lines = Math.max(lines, page.lines(row.get(c), SIZE, widths[c] - 2 * PAD).size());
        }
        return lines * LEADING + 2 * PAD;
    }

    private void row(List<String> row, float[] widths, float height, boolean header) throws IOException {
        var cs = page.stream();
        float top = page.y();
        float x = PageLayout.left();
        for (int c = 0; c < columns; c++) {
            if (header) {
                cs.setNonStrokingColor(PageLayout.panel());
                cs.addRect(x, top - height, widths[c], height);
                cs.fill();
            }
            cs.setStrokingColor(PageLayout.line());
            cs.setLineWidth(0.6f);
            cs.addRect(x, top - height, widths[c], height);
            cs.stroke();
            float baseline = top - PAD - SIZE;
            for (String line : page.lines(row.get(c), SIZE, widths[c] - 2 * PAD)) {
                page.show(line, x + PAD, baseline, SIZE, header, PageLayout.ink());
                baseline -= LEADING;
            }
            x += widths[c];
        }
        page.moveTo(top - height);
    }
}
