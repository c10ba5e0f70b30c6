package be.stek.scorm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCORM time spans: 1.2 CMITimespan ({@code HHHH:MM:SS.SS}) and 2004 ISO 8601 durations ({@code P1DT2H3M4.5S}).
 * Stek keeps seconds and renders them back in the version's own format.
 */
final class ScormTime {
    private static final Pattern TIMESPAN = Pattern.compile("^(\\d{2,4}):(\\d{2}):(\\d{2})(\\.\\d{1,2})?$");
    private static final Pattern DURATION = Pattern.compile(
            "^P(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)D)?"
                    + "(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");
    private static final double[] UNITS = {365 * 86400.0, 30 * 86400.0, 86400, 3600, 60, 1};

    private ScormTime() {
    }

    /** Seconds in a 1.2 timespan or a 2004 duration; null when the text is neither (or blank). */
    static Double seconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher t = TIMESPAN.matcher(text.trim());
        if (t.matches()) {
            double fraction = t.group(4) == null ? 0 : Double.parseDouble(t.group(4));
            return Integer.parseInt(t.group(1)) * 3600.0 + Integer.parseInt(t.group(2)) * 60
                    + Integer.parseInt(t.group(3)) + fraction;
        }
        Matcher d = DURATION.matcher(text.trim());
        if (!d.matches() || text.trim().equals("P") || text.trim().endsWith("T")) {
            return null;
        }
        double total = 0;
        for (int i = 0; i < UNITS.length; i++) {
            if (d.group(i + 1) != null) {
                total += Double.parseDouble(d.group(i + 1)) * UNITS[i];
            }
        }
        return total;
    }

    /** 1.2: {@code HHHH:MM:SS.SS}. */
    static String timespan(double seconds) {
        long hundredths = Math.round(Math.max(0, seconds) * 100);
        long h = Math.min(9999, hundredths / 360_000);
        long m = hundredths / 6000 % 60;
        double s = hundredths % 6000 / 100.0;
        return String.format(Locale.ROOT, "%04d:%02d:%05.2f", h, m, s);
    }

    /** 2004: the shortest ISO 8601 duration with days, hours, minutes and seconds ({@code PT0H0M0S} for none). */
    static String duration(double seconds) {
        long hundredths = Math.round(Math.max(0, seconds) * 100);
        if (hundredths == 0) {
            return "PT0H0M0S";
        }
        long days = hundredths / 8_640_000;
        long h = hundredths / 360_000 % 24;
        long m = hundredths / 6000 % 60;
        long cs = hundredths % 6000;
        StringBuilder out = new StringBuilder("P");
        if (days > 0) {
            out.append(days).append('D');
        }
        if (h > 0 || m > 0 || cs > 0) {
            out.append('T');
            appendIf(out, h, "H");
            appendIf(out, m, "M");
            if (cs > 0) {
                out.append(cs % 100 == 0 ? String.valueOf(cs / 100)
                        : String.format(Locale.ROOT, "%.2f", cs / 100.0).replaceAll("0+$", "")).append('S');
            }
        }
        return out.toString();
    }

    private static void appendIf(StringBuilder out, long value, String unit) {
        if (value > 0) {
            out.append(value).append(unit);
        }
    }

    /** Either format, by version. */
    static String render(ScormVersion version, double seconds) {
        return version == ScormVersion.SCORM_12 ? timespan(seconds) : duration(seconds);
    }
}
