package dev.maillog554.parse;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One SMTP rejection found on one log line, as the log shows it.
 *
 * <p>Strings are never null: an unknown value is the empty string, except the recipient domain, which is
 * {@link #UNKNOWN_DOMAIN} so that a rejection whose recipient cannot be known still has a group.
 *
 * @param time            when it happened; null only when the line's stamp could not be read
 * @param direction       outbound (remote rejected us) or inbound (we rejected a client)
 * @param status          what the MTA did: rejected, bounced or deferred
 * @param mta             Postfix or Exim
 * @param host            the mail server that wrote the line (syslog host), empty when the line has none
 * @param queueId         Postfix queue id or Exim message id, empty for NOQUEUE and Exim ACL rejects
 * @param sender          envelope sender, {@code <>} for the null sender, empty when unknown
 * @param recipient       envelope recipient, empty when unknown
 * @param recipientDomain lower-case domain of the recipient, or {@link #UNKNOWN_DOMAIN}
 * @param replyCode       basic reply code such as 554; 0 when the line logs only an enhanced code
 * @param enhancedCode    enhanced status code such as 5.7.1 (from the reply text, else from dsn=), or empty
 * @param stage           SMTP stage: CONNECT, HELO, MAIL, RCPT, DATA, END-OF-DATA, or empty
 * @param remoteHost      the other side's host name, empty when unknown
 * @param remoteIp        the other side's IP address, empty when unknown
 * @param message         the reply text as the log shows it (after the codes)
 * @param sourceFile      the input the line came from
 * @param line            the 1-based line number in that input
 */
public record RejectionEvent(Instant time, Direction direction, DeliveryStatus status, Mta mta, String host,
                             String queueId, String sender, String recipient, String recipientDomain,
                             int replyCode, String enhancedCode, String stage, String remoteHost, String remoteIp,
                             String message, String sourceFile, long line) {

    /** Domain used for rejections whose recipient the log does not show. */
    public static final String UNKNOWN_DOMAIN = "(unknown)";

    public RejectionEvent {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mta, "mta");
        host = nonNull(host);
        queueId = nonNull(queueId);
        sender = nonNull(sender);
        recipient = nonNull(recipient);
        // DNS names are case-insensitive, local parts are not: normalise only the domain.
        recipientDomain = recipientDomain == null || recipientDomain.isEmpty()
                ? UNKNOWN_DOMAIN : recipientDomain.toLowerCase(Locale.ROOT);
        enhancedCode = nonNull(enhancedCode);
        stage = nonNull(stage);
        remoteHost = nonNull(remoteHost);
        remoteIp = nonNull(remoteIp);
        message = nonNull(message);
        sourceFile = nonNull(sourceFile);
    }

    /** The same event with the server's host name filled in, for lines that carry none. */
    public RejectionEvent withHost(String newHost) {
        return new RejectionEvent(time, direction, status, mta, newHost, queueId, sender, recipient, recipientDomain,
                replyCode, enhancedCode, stage, remoteHost, remoteIp, message, sourceFile, line);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
