package dev.maillog554.store;

import java.time.Instant;

/**
 * Inbound rollups of one party over a window: a client ({@code kind} "client", {@code party} its IP address,
 * {@code name} its host name) or a sender domain ({@code kind} "sender", {@code name} empty), one cause and
 * blocklist.
 *
 * @param recipients the sum over days (and servers) of the distinct recipients that day
 * @param clients    for a sender domain, the sum over days of its distinct client addresses that day; 0 for a client
 */
public record PartyGroup(String kind, String party, String name, String category, String blocklist, long count,
                         long recipients, long clients, Instant first, Instant last) {

    /** Whether this is a client (else a sender domain). */
    public boolean client() {
        return Rollups.CLIENT.equals(kind);
    }
}
