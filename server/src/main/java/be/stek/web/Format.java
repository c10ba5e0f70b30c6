package be.stek.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Formatting helpers for templates ({@code fmt.date(...)}), in the visitor's language and Brussels time. */
public final class Format {
    private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    Format(Messages messages) {
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.locale()).withZone(ZONE);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(ZONE);
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

    /** A fraction 0..1 as a whole percentage. */
    public long percent(Double fraction) {
        return fraction == null ? 0 : Math.round(fraction * 100);
    }
}
