package dev.maillog554.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Stored histories depend on the key never changing: the expected values come from
 * {@code printf 'host\\nline\\nN' | sha256sum | cut -c1-32}, not from this code. They are the 32 hex characters
 * that releases before the V5 migration stored; the UUID the key is now must carry exactly those bits (V5 casts
 * each stored key to a UUID, and a rescan must compute the same value).
 */
class DedupeKeyTest {

    private static final String LINE = "Mar  1 00:00:00 mail postfix/smtpd[1]: NOQUEUE: reject: RCPT from "
            + "x[192.0.2.1]: 554 5.7.1 no; to=<b@example.org>";

    @Test
    void isTheFirstHalfOfSha256OfHostLineAndOccurrence() {
        assertEquals("5a6fc4825def814d2f304bb4cb66a13c", hex(DedupeKey.of("mx1", LINE, 1)));
        assertEquals("0d0b47c00f228fcda5fae1ba8168e1e0", hex(DedupeKey.of("mx1", LINE, 2)));
        assertEquals("91ac71d5497874e696306e62bb46b291", hex(DedupeKey.of("mx1", "üñí", 1)));
        // the value V5 gives a key stored as text
        assertEquals(UUID.fromString("5a6fc482-5def-814d-2f30-4bb4cb66a13c"), DedupeKey.of("mx1", LINE, 1));
    }

    @Test
    void givesTheSameKeysFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<UUID>> keys = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = 1 + i % 2;
                keys.add(pool.submit(() -> DedupeKey.of("mx1", LINE, n)));
            }
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(i % 2 == 0 ? "5a6fc4825def814d2f304bb4cb66a13c" : "0d0b47c00f228fcda5fae1ba8168e1e0",
                        hex(keys.get(i).get()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String hex(UUID key) {
        return key.toString().replace("-", "");
    }
}
