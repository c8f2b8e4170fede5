package dev.maillog554.classify;

import java.util.List;

/**
 * A blocklist named in a rejection, with its lookup and delisting pages already filled in.
 *
 * @param id        stable id such as {@code spamhaus-zen}
 * @param name      human name
 * @param listed    the IP or domain the text says is listed, or empty
 * @param lookupUrl page that shows the listing
 * @param delistUrl page that takes removal requests, or empty
 * @param note      what the postmaster should know about this list
 * @param zones     the list's public DNS zones, the usual one first (e.g. {@code zen.spamhaus.org}); empty for lists
 *                  that have none (a provider's own list, a closed or commercial one)
 */
public record BlocklistInfo(String id, String name, String listed, String lookupUrl, String delistUrl, String note,
                            List<String> zones) {

    public BlocklistInfo {
        zones = zones == null ? List.of() : List.copyOf(zones);
    }
}
