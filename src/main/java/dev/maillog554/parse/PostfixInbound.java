package dev.maillog554.parse;

import java.util.Optional;

import dev.maillog554.ingest.LogLine;

/** Inbound Postfix rejects: smtpd and postscreen (reply code + fields) and cleanup checks (enhanced code only). */
final class PostfixInbound {

    private PostfixInbound() {
    }

    /** Reads the action word at {@code at} (after {@code QID: } or {@code NOQUEUE: }) and what follows it. */
    static Optional<RejectionEvent> reject(SyslogPrefix p, LogLine line, String qid, int at) {
        String m = p.message;
        int colon = m.indexOf(": ", at);
        if (colon < 0 || colon - at > 24 || !isRejectAction(m.substring(at, colon))) {
            return Optional.empty();
        }
        int body = colon + 2;
        if (m.startsWith("header ", body) || m.startsWith("body ", body) || m.startsWith("content ", body)) {
            return cleanupCheck(p, line, qid, body);
        }
        return smtpd(p, line, qid, body);
    }

    /** reject_warning, filter, redirect, prepend, ... change nothing for the client, so they are not rejections. */
    private static boolean isRejectAction(String action) {
        switch (action) {
            case "reject", "defer", "hold", "discard", "milter-reject", "milter-hold", "milter-discard",
                    "milter-header-reject", "proxy-reject":
                return true;
            default:
                return false;
        }
    }

    // NOQUEUE: reject: RCPT from mail.example.net[192.0.2.9]: 554 5.7.1 <bob@example.org>: Relay access denied;
    //   from=<alice@example.net> to=<bob@example.org> proto=ESMTP helo=<mail.example.net>
    // NOQUEUE: reject: RCPT from [198.51.100.7]:41200: 550 5.7.1 Service unavailable; client [198.51.100.7] blocked
    //   using zen.example.org; from=<a@example.net>, to=<b@example.org>, proto=ESMTP, helo=<x.example.net>
    // 4104E3D: milter-reject: END-OF-MESSAGE from mx.example.net[192.0.2.4]: 5.7.1 Blocked; from=<a@example.net> ...
    // proxy-reject: END-OF-MESSAGE: 554 5.7.0 Reject, id=31619-02 - spam; from=<> to=<b@example.org> proto=SMTP ...
    private static Optional<RejectionEvent> smtpd(SyslogPrefix p, LogLine line, String qid, int body) {
        String m = p.message;
        int stageEnd = body;
        while (stageEnd < m.length() && m.charAt(stageEnd) != ' ' && m.charAt(stageEnd) != ':') {
            stageEnd++;
        }
        if (stageEnd == body || stageEnd >= m.length()) {
            return Optional.empty();
        }
        String remote = "";
        int textAt;
        if (m.startsWith(" from ", stageEnd)) {
            int end = m.indexOf(": ", stageEnd + 6);
            if (end < 0) {
                return Optional.empty();
            }
            remote = m.substring(stageEnd + 6, end);
            textAt = end + 2;
        } else if (m.startsWith(": ", stageEnd)) {
            textAt = stageEnd + 2;
        } else {
            return Optional.empty();
        }
        Replies.Codes codes = Replies.codes(m, textAt);
        if (codes.reply() == 0 && codes.enhanced().isEmpty()) {
            return Optional.empty();
        }
        int fields = fieldsStart(m, codes.textStart());
        String text = m.substring(codes.textStart(), fields < 0 ? m.length() : fields);
        String sender = fields < 0 ? null : Replies.field(m, "from=<", fields);
        String rcpt = fields < 0 ? null : Replies.field(m, "to=<", fields);
        String stage = Replies.stage(m.substring(body, stageEnd));
        if (rcpt == null && "RCPT".equals(stage) && text.startsWith("<")) {
            rcpt = Replies.bracketed(text, 0);
        }
        return Optional.of(event(p, line, qid, sender, rcpt, codes, stage, remote, text));
    }

    // 4104E3D: reject: header Subject: Win big from mx.example.net[192.0.2.4]; from=<a@example.net>
    //   to=<b@example.org> proto=ESMTP helo=<mx.example.net>: 5.7.1 message content rejected
    private static Optional<RejectionEvent> cleanupCheck(SyslogPrefix p, LogLine line, String qid, int body) {
        String m = p.message;
        int fields = m.indexOf("; from=<", body);
        if (fields < 0) {
            fields = m.indexOf("; to=<", body);
        }
        if (fields < 0) {
            return Optional.empty();
        }
        int text = skipFields(m, fields + 2);
        if (text < 0) {
            return Optional.empty();
        }
        Replies.Codes codes = Replies.codes(m, text);
        if (codes.reply() == 0 && codes.enhanced().isEmpty()) {
            return Optional.empty();
        }
        int from = m.lastIndexOf(" from ", fields);
        String remote = from > body ? m.substring(from + 6, fields) : "";
        return Optional.of(event(p, line, qid, Replies.field(m, "from=<", fields), Replies.field(m, "to=<", fields),
                codes, "END-OF-DATA", remote, m.substring(codes.textStart())));
    }

    /** Skips {@code from=<..> to=<..> proto=.. helo=<..>} and returns the index after the closing {@code ": "}. */
    private static int skipFields(String m, int at) {
        int i = at;
        int len = m.length();
        while (i < len) {
            int eq = m.indexOf('=', i);
            if (eq < 0 || eq - i > 16) {
                return -1;
            }
            int end;
            if (eq + 1 < len && m.charAt(eq + 1) == '<') {
                end = m.indexOf('>', eq + 1);
                if (end < 0) {
                    return -1;
                }
                end++;
            } else {
                end = eq + 1;
                while (end < len && m.charAt(end) != ' ' && m.charAt(end) != ':') {
                    end++;
                }
            }
            if (m.startsWith(": ", end)) {
                return end + 2;
            }
            if (end >= len || m.charAt(end) != ' ') {
                return -1;
            }
            i = end + 1;
        }
        return -1;
    }

    /** Where {@code ; from=<}, {@code ; to=<} or {@code ; proto=} starts the trailing fields, or -1. */
    private static int fieldsStart(String m, int from) {
        int f = m.lastIndexOf("; from=<");
        if (f < from) {
            f = m.lastIndexOf("; to=<");
        }
        if (f < from) {
            f = m.lastIndexOf("; proto=");
        }
        return f < from ? -1 : f;
    }

    private static RejectionEvent event(SyslogPrefix p, LogLine line, String qid, String sender, String rcpt,
                                        Replies.Codes codes, String stage, String remote, String text) {
        String r = rcpt == null ? "" : rcpt;
        String s = sender == null ? "" : sender.isEmpty() ? "<>" : sender;
        String[] hostIp = remote.isEmpty() ? new String[] {"", ""} : Replies.hostAndIp(remote);
        return new RejectionEvent(p.time, Direction.INBOUND, DeliveryStatus.REJECTED, Mta.POSTFIX, p.host, qid, s,
                r, Replies.domainOf(r), codes.reply(), codes.enhanced(), stage, hostIp[0], hostIp[1], text,
                line.source(), line.number());
    }
}
