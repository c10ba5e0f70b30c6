package be.stek.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formatting helpers for templates ({@code fmt.date(...)}), in the visitor's language and Brussels time. One date
 * format per language everywhere (pages, certificates): the day, the month in words, the year ("7 december 2026",
 * "7 December 2026"); with a time, a comma and the 24-hour clock ("7 december 2026, 14:05"). The footer says that
 * times are Brussels time.
 */
public final class Format {
    private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    private static final String DATE = "d MMMM yyyy";
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final Messages messages;

    Format(Messages messages) {
        this.messages = messages;
        this.date = longDate(messages.locale());
        this.dateTime = DateTimeFormatter.ofPattern(DATE + ", HH:mm", messages.locale()).withZone(ZONE);
    }

    /** The one date format of a language, in Brussels time (also used on certificates). */
    public static DateTimeFormatter longDate(java.util.Locale locale) {
        return DateTimeFormatter.ofPattern(DATE, locale).withZone(ZONE);
    }

    /** An ISO-8601 instant as a long date; blank stays blank. */
    public String date(String iso) {
        return iso == null || iso.isBlank() ? "" : date.format(Instant.parse(iso));
    }

    /** A calendar day (YYYY-MM-DD, such as a due date) as a long date; blank stays blank. */
    public String day(String isoDate) {
        return isoDate == null || isoDate.isBlank() ? "" : date.format(java.time.LocalDate.parse(isoDate));
    }

    public String dateTime(String iso) {
        return iso == null || iso.isBlank() ? "" : dateTime.format(Instant.parse(iso));
    }

    /** A time in seconds as people say it: "1 u 5 min", "12 min", "minder dan een minuut" (rounded to minutes). */
    public String duration(double seconds) {
        long minutes = Math.round(Math.max(0, seconds) / 60);
        if (minutes == 0) {
            return messages.get(seconds > 0 ? "time.underMinute" : "time.none");
        }
        return minutes < 60 ? messages.get("time.minutes", String.valueOf(minutes))
                : messages.get("time.hoursMinutes", String.valueOf(minutes / 60), String.valueOf(minutes % 60));
    }

    /** A fraction 0..1 as a whole percentage. */
    public long percent(Double fraction) {
        return fraction == null ? 0 : Math.round(fraction * 100);
    }
}
