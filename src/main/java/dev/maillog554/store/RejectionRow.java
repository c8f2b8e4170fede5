package dev.maillog554.store;

import java.time.Instant;

/**
 * One stored rejection, as the history returns it.
 *
 * @param id              row id
 * @param runId           the run that stored it first
 * @param time            event time, or null when the line had no readable stamp
 * @param direction       {@code outbound} or {@code inbound}
 * @param status          {@code rejected}, {@code bounced} or {@code deferred}
 * @param mta             {@code postfix} or {@code exim}
 * @param host            mail server
 * @param queueId         queue id, or empty
 * @param sender          envelope sender, or empty
 * @param recipient       envelope recipient, or empty
 * @param recipientDomain recipient domain
 * @param replyCode       basic reply code, 0 when not logged
 * @param enhancedCode    enhanced status code, or empty
 * @param stage           SMTP stage, or empty
 * @param category        cause id
 * @param provider        provider id, or empty
 * @param blocklist       blocklist id, or empty
 * @param remoteHost      other side's host name, or empty
 * @param remoteIp        other side's IP address, or empty
 * @param message         reply text
 * @param sourceFile      input the line came from
 * @param line            line number in that input
 */
public record RejectionRow(long id, long runId, Instant time, String direction, String status, String mta,
                           String host, String queueId, String sender, String recipient, String recipientDomain,
                           int replyCode, String enhancedCode, String stage, String category, String provider,
                           String blocklist, String remoteHost, String remoteIp, String message, String sourceFile,
                           long line) {
}
