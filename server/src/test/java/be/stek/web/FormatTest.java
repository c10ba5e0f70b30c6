package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One date format per language, in Brussels time, whether a page shows a day, an instant or an instant with time. */
class FormatTest {
    private final Format nl = new Format(Messages.of(Messages.DUTCH));
    private final Format en = new Format(Messages.of(Messages.ENGLISH));

    @Test
    void dayInstantAndTimeShareOneFormatPerLanguage() {
        // 23:30 UTC on 31 January is already 1 February in Brussels (UTC+1 in winter).
        assertEquals("1 februari 2027", nl.date("2027-01-31T23:30:00Z"));
        assertEquals("1 februari 2027", nl.day("2027-02-01"));
        assertEquals("1 februari 2027, 00:30", nl.dateTime("2027-01-31T23:30:00Z"));
        assertEquals("1 February 2027", en.date("2027-01-31T23:30:00Z"));
        assertEquals("1 February 2027", en.day("2027-02-01"));
        assertEquals("1 February 2027, 00:30", en.dateTime("2027-01-31T23:30:00Z"));
        // Summer time: UTC+2.
        assertEquals("15 juli 2027, 14:05", nl.dateTime("2027-07-15T12:05:00Z"));
    }

    @Test
    void blankStaysBlank() {
        assertEquals("", nl.date(null));
        assertEquals("", nl.day(""));
        assertEquals("", en.dateTime(" "));
    }
}
