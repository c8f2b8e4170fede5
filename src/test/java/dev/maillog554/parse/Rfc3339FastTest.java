package dev.maillog554.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The digit-by-digit RFC 3339 reader must give java.time's instants, and leave every odd stamp to it. */
class Rfc3339FastTest {

    // A zone with a DST gap and overlap, so that stamps without an offset go through its rules.
    private static final ParseContext CTX = new ParseContext(ZoneId.of("Europe/Berlin"),
            Instant.parse("2027-01-01T00:00:00Z"));

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-27T22:15:19", "2026-11-27T22:15:19Z", "2026-11-27T22:15:19.123456+01:00",
        "2026-11-27T22:15:19.1-05:30", "2026-11-27T22:15:19.123456789+0100", "2026-11-27T22:15:19-0000",
        "2024-02-29T00:00:00Z", "2026-03-29T02:30:00", "2026-10-25T02:30:00", "0000-01-01T00:00:00Z",
        "2026-12-31T23:59:59.999999999+17:59",
    })
    void readsCommonStampsExactlyAsJavaTime(String stamp) {
        Instant fast = SyslogPrefix.rfc3339Fast(stamp, CTX);
        assertNotNull(fast, stamp);
        assertEquals(parsed(stamp), fast, stamp);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-27T22:15", "2026-11-27T22:15:60Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-31T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T22:15:19.Z", "2026-11-27T22:15:19z",
        "2026-11-27T22:15:19.1234567890Z", "2026-11-27T22:15:19+18:00", "2026-11-27T22:15:19+01", "2026-11-27 22:15:19",
        "2026-11-27T22:15:19+01:60", "2026-11-27T22:15:19 ", "2O26-11-27T22:15:19Z",
    })
    void leavesOddStampsToJavaTime(String stamp) {
        assertNull(SyslogPrefix.rfc3339Fast(stamp, CTX), stamp);
    }

    @Test
    void agreesWithJavaTimeOnRandomStampsAndMutations() {
        Random r = new Random(554);
        List<String> stamps = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d", 1970 + r.nextInt(80), 1 + r.nextInt(12),
                    1 + r.nextInt(31), r.nextInt(24), r.nextInt(60), r.nextInt(60));
            if (r.nextBoolean()) {
                s += "." + "123456789".substring(0, 1 + r.nextInt(9));
            }
            s += switch (r.nextInt(4)) {
                case 0 -> "";
                case 1 -> "Z";
                case 2 -> String.format("%s%02d:%02d", r.nextBoolean() ? "+" : "-", r.nextInt(15), 15 * r.nextInt(4));
                default -> String.format("%s%02d%02d", r.nextBoolean() ? "+" : "-", r.nextInt(15), 15 * r.nextInt(4));
            };
            stamps.add(s);
            char[] c = s.toCharArray();
            c[r.nextInt(c.length)] = "0159:-+TZ.x ".charAt(r.nextInt(12));
            stamps.add(new String(c));
        }
        for (String s : stamps) {
            Instant fast = SyslogPrefix.rfc3339Fast(s, CTX);
            if (fast != null) {
                assertEquals(parsed(s), fast, s);
            }
        }
    }

    // The general path the fast one stands in for: same method, no shortcut.
    private static Instant parsed(String stamp) {
        return SyslogPrefix.rfc3339Parsed(stamp, CTX);
    }
}
