package dev.maillog554.store;

import java.time.Instant;

/** Inbound rows alike in client, sender, recipient, cause and blocklist. */
public record InboundGroup(String remoteIp, String remoteHost, String sender, String recipient, String category,
                           String blocklist, long count, Instant first, Instant last) {
}
