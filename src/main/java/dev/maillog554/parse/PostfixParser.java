package dev.maillog554.parse;

import java.util.Optional;

import dev.maillog554.ingest.LogLine;

/**
 * Finds SMTP rejections (any 4xx or 5xx reply) in Postfix logs: outbound delivery results of smtp/lmtp and
 * inbound smtpd, postscreen and cleanup rejects. Code filtering (554 only, 5xx) happens later, not here.
 *
 * <p>Sender addresses of outbound mail come from the qmgr {@code from=} line and are kept in the
 * {@link ParseContext} until the {@code removed} line, so lines must be fed in log order.
 */
public final class PostfixParser implements LineParser {

    private static final String SUSPENDED = "delivery temporarily suspended: ";

    @Override
    public Optional<RejectionEvent> parse(LogLine line, ParseContext ctx) {
        if (line == null || line.text() == null) {
            return Optional.empty();
        }
        SyslogPrefix p = SyslogPrefix.split(line.text(), ctx);
        if (p.program.isEmpty() ? !looksLikeBareMessage(p.message) : !isPostfix(p.program)) {
            return Optional.empty();
        }
        ctx.markRecognised();
        return parse(p, line, ctx);
    }

    /** postfix/smtp, postfix-24/smtp, postfix/submission/smtpd, ... */
    static boolean isPostfix(String program) {
        return program.startsWith("postfix");
    }

    /** A line without syslog prefix that starts like a Postfix message we care about (whyscream corpus). */
    static boolean looksLikeBareMessage(String m) {
        return queueIdEnd(m) > 0 || m.startsWith("proxy-reject: ") || m.startsWith("milter-reject: ");
    }

    Optional<RejectionEvent> parse(SyslogPrefix p, LogLine line, ParseContext ctx) {
        String m = p.message;
        int q = queueIdEnd(m);
        if (q < 0) {
            // proxy-reject: END-OF-MESSAGE: 554 5.7.0 Reject, id=31619-02 - spam; from=<> to=<u@example.com> ...
            return PostfixInbound.reject(p, line, "", 0);
        }
        String qid = m.startsWith("NOQUEUE:") ? "" : m.substring(0, q);
        int rest = q + 2;
        if (qid.isEmpty()) {
            return PostfixInbound.reject(p, line, qid, rest);
        }
        if (m.startsWith("to=", rest)) {
            return delivery(p, line, ctx, qid, rest);
        }
        if (m.startsWith("host ", rest)) {
            // 12CC0AC: host mx.example.net[203.0.113.4] refused to talk to me: 554 5.7.1 You are not allowed
            // One attempt on one MX host, naming no recipient: Postfix then tries the next MX, and the
            // recipient's own to=<...> line (deferred or bounced) carries the outcome. Counting both would
            // count one refused recipient once per MX host, under no domain.
            return Optional.empty();
        }
        if (m.startsWith("from=<", rest) && m.indexOf(", nrcpt=", rest) > 0) {
            // 0F5383D: from=<owner@example.org>, size=5360, nrcpt=1 (queue active)
            String sender = Replies.bracketed(m, rest + 5);
            if (sender != null) {
                ctx.rememberSender(qid, sender.isEmpty() ? "<>" : sender);
            }
            return Optional.empty();
        }
        if (m.length() == rest + 7 && m.startsWith("removed", rest)) {
            ctx.forget(qid);
            return Optional.empty();
        }
        return PostfixInbound.reject(p, line, qid, rest);
    }

    // 958A42D609B6: to=<bob@example.com>, orig_to=<b@example.org>, relay=mx.example.com[192.0.2.7]:25, delay=1,
    //   delays=0.6/0/0.3/0.1, tls=may, dsn=5.7.1, status=bounced (host mx.example.com[192.0.2.7] said: 554 5.7.1
    //   Service unavailable (in reply to RCPT TO command))
    private static Optional<RejectionEvent> delivery(SyslogPrefix p, LogLine line, ParseContext ctx, String qid,
                                                     int rest) {
        String m = p.message;
        int st = m.indexOf(", status=", rest);
        if (st < 0) {
            return Optional.empty();
        }
        int word = st + 9;
        DeliveryStatus status;
        if (m.startsWith("bounced (", word)) {
            status = DeliveryStatus.BOUNCED;
        } else if (m.startsWith("deferred (", word)) {
            status = DeliveryStatus.DEFERRED;
        } else if (m.startsWith("undeliverable (", word)) {
            // Address verification (reject_unverified_recipient/sender): the probe was refused with this reply.
            status = DeliveryStatus.UNDELIVERABLE;
        } else if (m.startsWith("SOFTBOUNCE (", word)) {
            // soft_bounce = yes: a bounce kept in the queue, which is what a deferral is.
            status = DeliveryStatus.DEFERRED;
        } else {
            return Optional.empty();
        }
        int open = m.indexOf('(', word) + 1;
        // The reason is the line's last field, so a complete line ends with its ")". A line cut short (by the
        // reader at LineReader.MAX_LINE, which warns, or by a crash) still names the recipient and, when the cut
        // comes late enough, the reply: read what is there.
        String reason = m.endsWith(")") ? m.substring(open, m.length() - 1) : m.substring(open);
        if (reason.startsWith(SUSPENDED)) {
            reason = reason.substring(SUSPENDED.length());
        }
        if (!reason.startsWith("host ")) {
            return Optional.empty();
        }
        String rcpt = recipient(m, rest + 3);
        int dsnAt = m.indexOf(", dsn=", rest);
        String dsn = "";
        if (dsnAt > 0 && dsnAt < st) {
            int end = m.indexOf(',', dsnAt + 6);
            dsn = m.substring(dsnAt + 6, end < 0 ? st : end);
        }
        return outbound(p, line, ctx, qid, rcpt, dsn, status, reason);
    }

    /** Reads {@code host H[ip] said: REPLY (in reply to X command)} or {@code host H[ip] refused to talk to me: R}. */
    private static Optional<RejectionEvent> outbound(SyslogPrefix p, LogLine line, ParseContext ctx, String qid,
                                                     String rcpt, String dsn, DeliveryStatus status, String reason) {
        int said = reason.indexOf("] said: ");
        int refused = reason.indexOf("] refused to talk to me: ");
        int hostEnd;
        int replyAt;
        String stage = "";
        if (said > 0 && (refused < 0 || said < refused)) {
            hostEnd = said;
            replyAt = said + 8;
        } else if (refused > 0) {
            hostEnd = refused;
            replyAt = refused + 25;
            stage = "CONNECT";
        } else {
            return Optional.empty();
        }
        Replies.Codes codes = Replies.codes(reason, replyAt);
        if (codes.reply() == 0) {
            return Optional.empty();
        }
        String[] remote = Replies.hostAndIp(reason.substring(5, hostEnd + 1));
        String text = reason.substring(codes.textStart());
        int inReply = text.lastIndexOf(" (in reply to ");
        if (inReply >= 0 && text.endsWith(" command)")) {
            stage = Replies.stage(text.substring(inReply + 14, text.length() - 9));
            text = text.substring(0, inReply);
        } else if (inReply >= 0 && text.endsWith(" command")) {
            // The outer ")" of status=...(...) was taken as the reason's end.
            stage = Replies.stage(text.substring(inReply + 14, text.length() - 8));
            text = text.substring(0, inReply);
        }
        String enhanced = codes.enhanced();
        if (enhanced.isEmpty() && !dsn.isEmpty() && dsn.charAt(0) - '0' == codes.reply() / 100) {
            enhanced = dsn;
        }
        return Optional.of(new RejectionEvent(p.time, Direction.OUTBOUND, status, Mta.POSTFIX, p.host, qid,
                ctx.senderOf(qid), rcpt, Replies.domainOf(rcpt), codes.reply(), enhanced, stage, remote[0],
                remote[1], text, line.source(), line.number()));
    }

    /** {@code to=<a@b>} or, for local delivery, {@code to=a@b} up to the next comma. */
    static String recipient(String m, int at) {
        if (at < m.length() && m.charAt(at) == '<') {
            String r = Replies.bracketed(m, at);
            return r == null ? "" : r;
        }
        int comma = m.indexOf(',', at);
        return comma < 0 ? "" : m.substring(at, comma);
    }

    /**
     * Index of the ": " that ends a leading queue id (short hex {@code EB0DBBCE0D}, long
     * {@code 3Pt2mN2VXxznjll}) or {@code NOQUEUE}, or -1.
     */
    static int queueIdEnd(String m) {
        if (m.startsWith("NOQUEUE: ")) {
            return 7;
        }
        int len = Math.min(m.length(), 40);
        int i = 0;
        boolean hex = true;
        boolean longId = true;
        while (i < len && m.charAt(i) != ':') {
            char c = m.charAt(i);
            hex &= (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
            longId &= isLongIdChar(c);
            if (!hex && !longId) {
                break;
            }
            i++;
        }
        if (i >= m.length() - 1 || m.charAt(i) != ':' || m.charAt(i + 1) != ' ') {
            return -1;
        }
        if ((hex && i >= 6) || (longId && i >= 11)) {
            return i;
        }
        return -1;
    }

    /** Digits and consonants of both cases: the alphabet of long queue ids (enable_long_queue_ids). */
    private static boolean isLongIdChar(char c) {
        if (c >= '0' && c <= '9') {
            return true;
        }
        char l = Character.toLowerCase(c);
        return l >= 'b' && l <= 'z' && l != 'e' && l != 'i' && l != 'o' && l != 'u' && c < 128;
    }
}
