package dev.maillog554.aggregate;

import java.time.Instant;

/**
 * Inbound rejections of one client (by IP address) or of one sender domain: who our server refuses, so that a
 * partner refused by mistake stands out.
 *
 * @param key        the client's IP address, or the sender domain ({@code (null sender)} for {@code <>},
 *                   {@code (unknown)} when the line names none)
 * @param name       for a client, its most frequent host name as the log gives it (often {@code unknown});
 *                   empty for a sender domain
 * @param count      how many rejections
 * @param recipients how many distinct recipient addresses they name
 * @param clients    how many distinct client IP addresses sent them (1 for a client)
 * @param category   the most frequent cause id
 * @param blocklist  the most frequent blocklist id, or empty
 * @param firstSeen  earliest time, or null
 * @param lastSeen   latest time, or null
 */
public record PartyTally(String key, String name, long count, long recipients, long clients, String category,
                         String blocklist, Instant firstSeen, Instant lastSeen) {
}
