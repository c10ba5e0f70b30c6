package be.stek.handout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * An SVG path's {@code d} as PDF path operators: M, L, H, V, C, Q, A and Z, absolute or relative. Quadratic curves
 * and arcs become cubic curves. It also remembers the direction at its start and end, for arrowheads.
 */
final class SvgPath {
    private static final Pattern TOKEN = Pattern.compile("[MmLlHhVvCcQqAaZz]|-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    /** One operator: 'M', 'L', 'C' (six numbers) or 'Z'. */
    private record Op(char kind, float[] p) {
    }

    private final List<Op> ops = new ArrayList<>();
    private final float[] start = new float[4];
    private final float[] end = new float[4];
    private float x;
    private float y;
    private boolean started;

    SvgPath(String d) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(d);
        while (m.find()) {
            tokens.add(m.group());
        }
        parse(tokens);
    }

    /** The first point and the point the path heads to from there. */
    float[] start() {
        return start;
    }

    /** The point the path comes from at its end, and its last point. */
    float[] end() {
        return end;
    }

    void trace(PDPageContentStream cs) throws IOException {
        for (Op op : ops) {
            switch (op.kind()) {
                case 'M' -> cs.moveTo(op.p()[0], op.p()[1]);
                case 'L' -> cs.lineTo(op.p()[0], op.p()[1]);
                case 'C' -> cs.curveTo(op.p()[0], op.p()[1], op.p()[2], op.p()[3], op.p()[4], op.p()[5]);
                default -> cs.closePath();
            }
        }
    }

    private void parse(List<String> t) {
        char cmd = 'M';
        float sx = 0;
        float sy = 0;
        int i = 0;
        while (i < t.size()) {
            if (Character.isLetter(t.get(i).charAt(0))) {
                cmd = t.get(i++).charAt(0);
                if (cmd == 'Z' || cmd == 'z') {
                    ops.add(new Op('Z', new float[0]));
                    direction(x, y, sx, sy);
                    x = sx;
                    y = sy;
                    continue;
                }
            }
            boolean rel = Character.isLowerCase(cmd);
            float ox = rel ? x : 0;
            float oy = rel ? y : 0;
            switch (Character.toUpperCase(cmd)) {
                case 'M' -> {
                    x = ox + f(t, i++);
                    y = oy + f(t, i++);
                    sx = x;
                    sy = y;
                    ops.add(new Op('M', new float[] {x, y}));
                    cmd = rel ? 'l' : 'L';
                }
                case 'L' -> lineTo(ox + f(t, i++), oy + f(t, i++));
                case 'H' -> lineTo((rel ? x : 0) + f(t, i++), y);
                case 'V' -> lineTo(x, (rel ? y : 0) + f(t, i++));
                case 'C' -> {
                    curveTo(ox + f(t, i), oy + f(t, i + 1), ox + f(t, i + 2), oy + f(t, i + 3), ox + f(t, i + 4),
                            oy + f(t, i + 5));
                    i += 6;
                }
                case 'Q' -> {
                    float qx = ox + f(t, i);
                    float qy = oy + f(t, i + 1);
                    float ex = ox + f(t, i + 2);
                    float ey = oy + f(t, i + 3);
                    i += 4;
                    curveTo(x + 2f / 3 * (qx - x), y + 2f / 3 * (qy - y), ex + 2f / 3 * (qx - ex),
                            ey + 2f / 3 * (qy - ey), ex, ey);
                }
                case 'A' -> {
                    arc(f(t, i), f(t, i + 1), f(t, i + 2), f(t, i + 3) != 0, f(t, i + 4) != 0, ox + f(t, i + 5),
                            oy + f(t, i + 6));
                    i += 7;
                }
                default -> i++;
            }
        }
    }

    private static float f(List<String> t, int i) {
        return i < t.size() ? Float.parseFloat(t.get(i)) : 0;
    }

    private void lineTo(float nx, float ny) {
        ops.add(new Op('L', new float[] {nx, ny}));
        direction(x, y, nx, ny);
        x = nx;
        y = ny;
    }

    private void curveTo(float x1, float y1, float x2, float y2, float nx, float ny) {
        ops.add(new Op('C', new float[] {x1, y1, x2, y2, nx, ny}));
        direction(x, y, x1, y1);
        end[0] = x2;
        end[1] = y2;
        end[2] = nx;
        end[3] = ny;
        x = nx;
        y = ny;
    }

    /** Records a segment from (fx, fy) heading to (tx, ty): the first one gives the start, the last the end. */
    private void direction(float fx, float fy, float tx, float ty) {
        if (!started) {
            started = true;
            start[0] = fx;
            start[1] = fy;
            start[2] = tx;
            start[3] = ty;
        }
        end[0] = fx;
        end[1] = fy;
        end[2] = tx;
        end[3] = ty;
    }

    /** An elliptical arc (SVG's endpoint form) as up to four cubic curves; rotation is not used by the diagrams. */
    private void arc(float rx, float ry, float rotation, boolean large, boolean sweep, float ex, float ey) {
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0) {
            lineTo(ex, ey);
            return;
        }
        double dx = (x - ex) / 2;
        double dy = (y - ey) / 2;
        double scale = dx * dx / (rx * rx) + dy * dy / (ry * ry);
        if (scale > 1) {
            rx *= (float) Math.sqrt(scale);
            ry *= (float) Math.sqrt(scale);
        }
        double num = rx * rx * ry * ry - rx * rx * dy * dy - ry * ry * dx * dx;
        double den = rx * rx * dy * dy + ry * ry * dx * dx;
        double coef = (large == sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
        double cx = coef * rx * dy / ry + (x + ex) / 2;
        double cy = -coef * ry * dx / rx + (y + ey) / 2;
        double a1 = Math.atan2((y - cy) / ry, (x - cx) / rx);
        double a2 = Math.atan2((ey - cy) / ry, (ex - cx) / rx);
        double delta = a2 - a1;
        if (sweep && delta < 0) {
            delta += 2 * Math.PI;
        } else if (!sweep && delta > 0) {
            delta -= 2 * Math.PI;
        }
        int parts = (int) Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-6);
        double step = delta / Math.max(parts, 1);
        double k = 4.0 / 3 * Math.tan(step / 4);
        for (int p = 0; p < parts; p++) {
            double t1 = a1 + p * step;
            double t2 = t1 + step;
            float x1 = (float) (cx + rx * (Math.cos(t1) - k * Math.sin(t1)));
            float y1 = (float) (cy + ry * (Math.sin(t1) + k * Math.cos(t1)));
            float x2 = (float) (cx + rx * (Math.cos(t2) + k * Math.sin(t2)));
            float y2 = (float) (cy + ry * (Math.sin(t2) - k * Math.cos(t2)));
            boolean last = p == parts - 1;
            curveTo(x1, y1, x2, y2, last ? ex : (float) (cx + rx * Math.cos(t2)),
                    last ? ey : (float) (cy + ry * Math.sin(t2)));
        }
    }
}
