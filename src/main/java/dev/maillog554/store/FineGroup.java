package dev.maillog554.store;

import java.time.Instant;

/**
 * The history's finest group: rows alike in reply code, enhanced code, recipient domain, direction, cause,
 * provider and blocklist, and, when counted from the rows, recipient too (distinct recipients do not add up:
 * coarser groups merge the recipients of their fine groups).
 *
 * @param recipient  the group's one recipient when counted from the rows, null when counted from the rollups
 * @param recipients from the rollups, the sum over days (and servers) of the group's distinct recipients that day;
 *                   0 from the rows
 * @param firstId    the smallest row id in the group
 */
public record FineGroup(int code, String enhanced, String domain, String direction, String category,
                        String provider, String blocklist, String recipient, long recipients, long count,
                        Instant first, Instant last, long firstId) {
}
