package dev.maillog554.parse;

import java.time.Instant;
import java.util.Optional;

import dev.maillog554.ingest.LogLine;

/**
 * Finds SMTP rejections in Exim main and reject logs, with or without a syslog prefix: outbound
 * {@code **}/{@code ==} lines and host-level {@code SMTP error from remote mail server} lines, and inbound ACL
 * rejects (see {@link EximAcl}).
 *
 * <p>Senders of outbound mail come from the {@code <=} arrival line and are kept in the {@link ParseContext}
 * until {@code Completed}, so lines must be fed in log order.
 */
public final class EximParser implements LineParser {

    // Preceded by ": ", " : " or, on some callout lines, "] " (10HmaX-... H=mx [192.0.2.8] SMTP error ...).
    private static final String SMTP_ERROR = " SMTP error from remote mail";
    // "(EHLO response was: 554 ...)", "(MAIL FROM response was: ...)": the reply before the server hung up.
    private static final String RESPONSE_WAS = " response was: ";

    @Override
    public Optional<RejectionEvent> parse(LogLine line, ParseContext ctx) {
        if (line == null || line.text() == null) {
            return Optional.empty();
        }
        String text = line.text();
        EximStamp stamp = EximStamp.read(text, 0, ctx);
        if (stamp != null) {
            ctx.markRecognised();
            return parseStamped(text, stamp, "", line, ctx);
        }
        SyslogPrefix p = SyslogPrefix.split(text, ctx);
        if (!isExim(p.program)) {
            return Optional.empty();
        }
        ctx.markRecognised();
        return parse(p, line, ctx);
    }

    static boolean isExim(String program) {
        return program.startsWith("exim");
    }

    /** A line whose syslog program is exim; the message may carry Exim's own stamp as well. */
    Optional<RejectionEvent> parse(SyslogPrefix p, LogLine line, ParseContext ctx) {
        EximStamp stamp = EximStamp.read(p.message, 0, ctx);
        if (stamp != null) {
            return parseStamped(p.message, stamp, p.host, line, ctx);
        }
        return body(p.message, 0, p.time, p.host, line, ctx);
    }

    private Optional<RejectionEvent> parseStamped(String text, EximStamp stamp, String host, LogLine line,
                                                  ParseContext ctx) {
        // 2019-10-22 03:39:17 mx1.example.com exim[29786]: H=...   (Exim stamp, then a syslog host and tag)
        int sp = text.indexOf(' ', stamp.end());
        if (sp > 0 && text.startsWith("exim", sp + 1)) {
            SyslogPrefix inner = SyslogPrefix.hostProgram(text, stamp.end(), stamp.time(), true);
            if (inner != null && isExim(inner.program)) {
                EximStamp again = EximStamp.read(inner.message, 0, ctx);
                int at = again == null ? 0 : again.end();
                return body(inner.message, at, stamp.time(), inner.host, line, ctx);
            }
        }
        return body(text, stamp.end(), stamp.time(), host, line, ctx);
    }

    private Optional<RejectionEvent> body(String m, int at, Instant time, String host, LogLine line,
                                          ParseContext ctx) {
        int idLen = messageIdLength(m, at);
        if (idLen < 0) {
            return EximAcl.reject(m, at, "", time, host, line, ctx);
        }
        String id = m.substring(at, at + idLen);
        int j = at + idLen + 1;
        if (m.startsWith("<= ", j)) {
            // 10HmaX-000000005vi-0000 <= alice@example.net H=mx.example.net [192.0.2.4] P=esmtp S=1234
            int end = m.indexOf(' ', j + 3);
            String sender = m.substring(j + 3, end < 0 ? m.length() : end);
            ctx.rememberSender(id, sender.startsWith("<") && sender.endsWith(">") && sender.length() > 2
                    ? sender.substring(1, sender.length() - 1) : sender);
            return Optional.empty();
        }
        if (m.startsWith("Completed", j)) {
            ctx.forget(id);
            return Optional.empty();
        }
        boolean failed = m.startsWith("** ", j);
        if (!failed && !m.startsWith("== ", j)) {
            // Lines without a recipient flag: ACL rejects, and host-level lines such as
            // 10HmbB-000000005vi-0000 H=mx.example.org [192.0.2.8]: SMTP error from remote mail server after
            //   initial connection: 554 no smtp service here
            // which are one attempt on one MX host (Exim then tries the next one); the recipient's own ** or ==
            // line carries the outcome, so the attempt is not counted.
            return m.indexOf(SMTP_ERROR, j) < 0 && m.indexOf(RESPONSE_WAS, j) < 0
                    ? EximAcl.reject(m, j, id, time, host, line, ctx) : Optional.empty();
        }
        DeliveryStatus status = failed ? DeliveryStatus.BOUNCED : DeliveryStatus.DEFERRED;
        int err = m.indexOf(SMTP_ERROR, j);
        int end = m.indexOf(' ', j + 3);
        int limit = err < 0 ? m.length() : err;
        String rcpt = m.substring(j + 3, end < 0 || end > limit ? limit : end);
        int fields = j + 3 + rcpt.length();
        if (rcpt.startsWith("<") && rcpt.endsWith(">")) {
            rcpt = rcpt.substring(1, rcpt.length() - 1);
        }
        if (err >= 0) {
            return outbound(m, fields, err, id, rcpt, status, time, host, line, ctx);
        }
        Optional<RejectionEvent> closed = closedAfterResponse(m, fields, id, rcpt, status, time, host, line, ctx);
        return closed.isPresent() ? closed : EximAcl.reject(m, j, id, time, host, line, ctx);
    }

    // 10HmbB-000000005vi-0000 == userx@example.org R=dnslookup T=remote_smtp defer (-18) H=mx.example.org
    //   [192.0.2.8]: Remote host closed connection in response to HELO our.host.name (EHLO response was:
    //   554 5.7.1 Access denied)
    // The server refused EHLO, Exim fell back to HELO and the server hung up: the refusal is the reply quoted
    // in "(<command> response was: <reply>)".
    private static Optional<RejectionEvent> closedAfterResponse(String m, int fields, String id, String rcpt,
                                                                DeliveryStatus status, Instant time, String host,
                                                                LogLine line, ParseContext ctx) {
        int rw = m.indexOf(RESPONSE_WAS, fields);
        if (rw < 0) {
            return Optional.empty();
        }
        int open = m.lastIndexOf('(', rw);
        if (open < fields) {
            return Optional.empty();
        }
        int replyAt = rw + RESPONSE_WAS.length();
        Replies.Codes codes = Replies.codes(m, replyAt);
        if (codes.reply() == 0) {
            return Optional.empty();
        }
        int textEnd = m.endsWith(")") ? m.length() - 1 : m.length();
        String text = m.substring(Math.min(codes.textStart(), textEnd), textEnd);
        int colon = m.lastIndexOf(": ", open);
        String[] remote = hostField(m, fields, colon < fields ? open : colon);
        String sender = EximAcl.senderField(m, fields, open);
        return Optional.of(new RejectionEvent(time, Direction.OUTBOUND, status, Mta.EXIM, host, id,
                sender == null ? ctx.senderOf(id) : sender, rcpt, Replies.domainOf(rcpt), codes.reply(),
                codes.enhanced(), Replies.stage(m.substring(open + 1, rw)), remote[0], remote[1], text,
                line.source(), line.number()));
    }

    // 10HmaZ-000000005vi-0000 ** bob@example.org F=<alice@example.net> R=dnslookup T=remote_smtp
    //   H=mx.example.org [192.0.2.8]:25 X=TLS1.3:... CV=yes : SMTP error from remote mail server after
    //   RCPT TO:<bob@example.org>: 554 5.7.1 Rejected
    // 17SXDU-000189-00 ** bob@example.org R=dnslookup T=remote_smtp: SMTP error from remote mailer after
    //   pipelined RCPT TO:<bob@example.org>: host mx.example.org [192.0.2.8]: 553 5.3.0 Addressee unknown
    private static Optional<RejectionEvent> outbound(String m, int fields, int err, String id, String rcpt,
                                                     DeliveryStatus status, Instant time, String host, LogLine line,
                                                     ParseContext ctx) {
        int after = m.indexOf(" after ", err + SMTP_ERROR.length());
        if (after < 0 || after > err + SMTP_ERROR.length() + 8) {
            return Optional.empty();
        }
        int stageAt = after + 7;
        String[] remote = hostField(m, fields, err);
        // The stage may itself hold ": " (RCPT TO:<a@b>), so look for the ": " that a reply code or host follows.
        int c = m.indexOf(": ", stageAt);
        while (c >= 0 && !Replies.isReplyCode(m, c + 2) && !m.startsWith("host ", c + 2)) {
            c = m.indexOf(": ", c + 2);
        }
        if (c < 0) {
            return Optional.empty();
        }
        String stage = Replies.stage(m.substring(stageAt, c));
        int replyAt = c + 2;
        if (m.startsWith("host ", replyAt)) {
            int close = m.indexOf("]: ", replyAt);
            if (close < 0) {
                return Optional.empty();
            }
            remote = Replies.hostAndIp(m.substring(replyAt + 5, close + 1));
            replyAt = close + 3;
        }
        Replies.Codes codes = Replies.codes(m, replyAt);
        if (codes.reply() == 0) {
            return Optional.empty();
        }
        String sender = EximAcl.senderField(m, fields, err);
        if (sender == null) {
            sender = ctx.senderOf(id);
        }
        return Optional.of(new RejectionEvent(time, Direction.OUTBOUND, status, Mta.EXIM, host, id, sender, rcpt,
                Replies.domainOf(rcpt), codes.reply(), codes.enhanced(), stage, remote[0], remote[1],
                m.substring(codes.textStart()), line.source(), line.number()));
    }

    /** {@code H=name [ip]} between {@code from} and {@code to}, as {name, ip}; empty strings when absent. */
    static String[] hostField(String m, int from, int to) {
        int h = from;
        if (!m.startsWith("H=", from)) {
            h = m.indexOf(" H=", from) + 1;
            if (h <= 0 || h >= to) {
                return new String[] {"", ""};
            }
        }
        int close = m.indexOf(']', h);
        if (close < 0 || close > to) {
            int sp = m.indexOf(' ', h);
            return new String[] {m.substring(h + 2, sp < 0 || sp > to ? to : sp), ""};
        }
        return Replies.hostAndIp(m.substring(h + 2, close + 1));
    }

    /** Length of an Exim message id at {@code at} followed by a space: 6-6-2 (up to 4.96) or 6-11-4, else -1. */
    static int messageIdLength(String m, int at) {
        int a = alnumRun(m, at);
        if (a != 6 || at + 6 >= m.length() || m.charAt(at + 6) != '-') {
            return -1;
        }
        int b = alnumRun(m, at + 7);
        if (b != 6 && b != 11) {
            return -1;
        }
        int dash = at + 7 + b;
        if (dash >= m.length() || m.charAt(dash) != '-') {
            return -1;
        }
        int c = alnumRun(m, dash + 1);
        int end = dash + 1 + c;
        if (c != (b == 6 ? 2 : 4) || end >= m.length() || m.charAt(end) != ' ') {
            return -1;
        }
        return end - at;
    }

    private static int alnumRun(String m, int at) {
        int i = at;
        while (i < m.length() && i - at < 12 && Character.isLetterOrDigit(m.charAt(i)) && m.charAt(i) < 128) {
            i++;
        }
        return i - at;
    }
}
