package dev.maillog554.classify;

/**
 * A blocklist named in a rejection, with its lookup and delisting pages already filled in.
 *
 * @param id        stable id such as {@code spamhaus-zen}
 * @param name      human name
 * @param listed    the IP or domain the text says is listed, or empty
 * @param lookupUrl page that shows the listing
 * @param delistUrl page that takes removal requests, or empty
 * @param note      what the postmaster should know about this list
 */
public record BlocklistInfo(String id, String name, String listed, String lookupUrl, String delistUrl, String note) {
}
