package dev.maillog554.store;

import java.time.Instant;

/**
 * The history's finest group: rows alike in reply code, enhanced code, recipient domain, direction, cause,
 * provider, blocklist and recipient (the recipient too, because distinct recipients do not add up: coarser
 * groups merge the recipients of their fine groups).
 *
 * @param firstId the smallest row id in the group
 */
public record FineGroup(int code, String enhanced, String domain, String direction, String category,
                        String provider, String blocklist, String recipient, long count, Instant first,
                        Instant last, long firstId) {
}
