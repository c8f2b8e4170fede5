package dev.maillog554.aggregate;

import java.time.Instant;

/**
 * A count of rejections sharing a key, with when they were first and last seen and one example.
 *
 * @param key        what they share (for single-key groupings, the fields not grouped on are empty)
 * @param count      how many rejections
 * @param recipients how many distinct recipient addresses they name (0 when none names one)
 * @param firstSeen  earliest time, or null when no line had a readable stamp
 * @param lastSeen   latest time, or null
 * @param category   the cause id (the key's own in the summary; the most frequent one elsewhere)
 * @param provider   the most frequent provider id in the group, or empty
 * @param blocklist  the most frequent blocklist id in the group, or empty
 * @param example    the reply text of the first rejection in the group
 */
public record Tally(CountKey key, long count, long recipients, Instant firstSeen, Instant lastSeen, String category,
                    String provider, String blocklist, String example) {
}
