package dev.maillog554.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimeSpecTest {

    static final Instant NOW = Instant.parse("2026-03-10T15:30:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void parsesWordsSpansDatesAndTimes() {
        assertEquals(Instant.parse("2026-03-09T23:00:00Z"), TimeSpec.parse("today", NOW, PARIS));
        assertEquals(Instant.parse("2026-03-08T23:00:00Z"), TimeSpec.parse("yesterday", NOW, PARIS));
        assertEquals(Instant.parse("2026-03-03T15:30:00Z"), TimeSpec.parse("7d", NOW, PARIS));
        assertEquals(Instant.parse("2026-03-09T15:30:00Z"), TimeSpec.parse("24h", NOW, PARIS));
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), TimeSpec.parse("2026-03-01", NOW, PARIS));
        assertEquals(Instant.parse("2026-03-01T07:00:00Z"), TimeSpec.parse("2026-03-01T08:00", NOW, PARIS));
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"), TimeSpec.parse("2026-03-01T08:00Z", NOW, PARIS));
    }

    @Test
    void rejectsNonsenseAndEmptyWindows() {
        assertThrows(IllegalArgumentException.class, () -> TimeSpec.parse("last week", NOW, PARIS));
        assertThrows(IllegalArgumentException.class, () -> TimeSpec.window("today", "yesterday", NOW, PARIS));
    }

    // A database timestamp cannot hold them: the API answered such a time with a 500.
    @Test
    void rejectsTimesOutsideTheYearsADatabaseHolds() {
        assertThrows(IllegalArgumentException.class, () -> TimeSpec.parse("+999999999-01-01T00:00:00Z", NOW, PARIS));
        assertThrows(IllegalArgumentException.class, () -> TimeSpec.parse("+10000-01-01", NOW, PARIS));
        assertThrows(IllegalArgumentException.class, () -> TimeSpec.parse("-0001-01-01T00:00", NOW, PARIS));
        assertEquals(Instant.parse("9999-01-01T00:00:00Z"), TimeSpec.parse("9999-01-01T00:00Z", NOW, PARIS));
    }
}
