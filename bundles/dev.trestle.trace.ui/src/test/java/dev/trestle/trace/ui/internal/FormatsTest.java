package dev.trestle.trace.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void clockTimesReadBackAsTheyArePrinted() {
        long micros = Formats.parseTime("17:47:19.3946").orElseThrow();
        assertEquals(((17 * 60 + 47) * 60 + 19) * 1_000_000L + 394_600, micros);
        assertEquals("17:47:19.394600", Formats.time(micros));
    }

    @Test
    void epochSecondsStayAsSeconds() {
        long micros = Formats.parseTime("1712345678.5").orElseThrow();
        assertEquals("1712345678.500000", Formats.time(micros));
    }

    @Test
    void garbageIsNoTime() {
        assertEquals(OptionalLong.empty(), Formats.parseTime("yesterday"));
        assertTrue(Formats.parseTime("99999999999999").isEmpty(), "too many digits to be seconds");
    }
}
