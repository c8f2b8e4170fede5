package dev.maillog554.store;

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
    void seenKeysHoldManyKeysAndRejectRepeats() {
        SeenKeys keys = new SeenKeys();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(keys.add(DedupeKey.of("mx", "line " + i, 1)));
        }
        assertFalse(keys.add(DedupeKey.of("mx", "line 42", 1)));
        assertTrue(keys.add(DedupeKey.of("mx", "line 42", 2)));
    }
}
