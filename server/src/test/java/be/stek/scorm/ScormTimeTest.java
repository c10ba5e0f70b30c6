package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ScormTimeTest {

    @Test
    void reads_both_versions_time_spans_in_seconds() {
        assertEquals(3723.5, ScormTime.seconds("0001:02:03.50"));
        assertEquals(70.0, ScormTime.seconds("00:01:10"));
        assertEquals(4.5, ScormTime.seconds("PT4.5S"));
        assertEquals(7569.0, ScormTime.seconds("PT2H6M9S"));
        assertEquals(29 * 86400.0, ScormTime.seconds("P29D"));
        assertNull(ScormTime.seconds(""));
        assertNull(ScormTime.seconds("P"));
        assertNull(ScormTime.seconds("half an hour"));
    }

    @Test
    void renders_2004_durations_in_their_shortest_form() {
        assertEquals("PT0H0M0S", ScormTime.duration(0));
        assertEquals("PT1M", ScormTime.duration(60));
        assertEquals("PT2H20S", ScormTime.duration(7220));
        assertEquals("PT2H6M9S", ScormTime.duration(7569));
        assertEquals("P29D", ScormTime.duration(29 * 86400));
        assertEquals("PT4.5S", ScormTime.duration(4.5));
        assertEquals("P1DT1H0.25S", ScormTime.duration(90000.25));
    }

    @Test
    void renders_12_time_spans_with_four_hour_digits() {
        assertEquals("0000:00:00.00", ScormTime.timespan(0));
        assertEquals("0001:02:03.50", ScormTime.timespan(3723.5));
        assertEquals("0123:00:00.00", ScormTime.timespan(123 * 3600));
    }
}
