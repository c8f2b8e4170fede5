package dev.maillog554.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineOccurrencesTest {

    @Test
    void countsRepeatsOfTheSameText() {
        LineOccurrences o = new LineOccurrences();
        assertEquals(1, o.next("a"));
        assertEquals(1, o.next("b"));
        assertEquals(2, o.next("a"));
        assertEquals(3, o.next("a"));
        assertEquals(2, o.next("b"));
    }

    @Test
    void countsRepeatsAcrossAGenerationChangeAndForgetsOnlyLinesFarBehind() {
        LineOccurrences o = new LineOccurrences();
        assertEquals(1, o.next("Mar  1 10:00:00 mx postfix/smtp[1]: A: status=bounced"));
        assertEquals(2, o.next("Mar  1 10:00:00 mx postfix/smtp[1]: A: status=bounced"));
        for (int i = 0; i < LineOccurrences.GENERATION; i++) {
            o.next("filler " + i);
        }
        // one generation later: still remembered, and the count goes on
        assertEquals(3, o.next("Mar  1 10:00:00 mx postfix/smtp[1]: A: status=bounced"));
        for (int i = 0; i < 3 * LineOccurrences.GENERATION; i++) {
            o.next("more filler " + i);
        }
        // three generations of other lines later the text is forgotten: memory stays flat on endless input
        assertEquals(1, o.next("Mar  1 10:00:00 mx postfix/smtp[1]: A: status=bounced"));
    }

    @Test
    void seenKeysHoldManyKeysAndRejectRepeats() {
        SeenKeys keys = new SeenKeys();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(keys.add(DedupeKey.of("mx", "line " + i, 1)));
        }
        assertFalse(keys.add(DedupeKey.of("mx", "line 42", 1)));
        assertTrue(keys.add(DedupeKey.of("mx", "line 42", 2)));
    }
}
