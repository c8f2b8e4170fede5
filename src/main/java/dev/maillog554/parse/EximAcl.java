package dev.maillog554.parse;

import java.time.Instant;
import java.util.Optional;

import dev.maillog554.ingest.LogLine;

/** Inbound Exim ACL rejects. Exim logs the ACL's message, which carries a reply code only when the ACL set one. */
final class EximAcl {

    private EximAcl() {
    }

    // H=mx.example.net (helo.example.net) [192.0.2.4]:3755 I=[198.51.100.1]:25 F=<a@example.net>
    //   rejected RCPT <b@example.org>: relay not permitted
    // H=[192.0.2.4] rejected connection in "connect" ACL: 550 client disliked
    // H=(x.example.net) [192.0.2.4] U=CALLER rejected EHLO or HELO x.example.net: testing deny
    // U=CALLER rejected MAIL <a@example.net>: Sender verify failed
    // 10HmaX-000000005vi-0000 H=(x.example.net) [192.0.2.4] F=<a@example.net> rejected after DATA: virus found
    static Optional<RejectionEvent> reject(String m, int at, String id, Instant time, String host, LogLine line,
                                           ParseContext ctx) {
        int r;
        if (m.startsWith("rejected ", at)) {
            r = at;
        } else {
            r = m.indexOf(" rejected ", at) + 1;
            // Only "H=.. I=.. U=.. F=.." fields may stand before "rejected"; this also drops "temporarily
            // rejected" (4xx) and "SMTP protocol synchronization error (...): rejected connection".
            if (r <= 0 || !isFieldKey(m, at) || m.startsWith("temporarily ", r - 12)) {
                return Optional.empty();
            }
        }
        int w = r + 9;
        String stage;
        String rcpt = "";
        String sender = senderField(m, at, r);
        int textFrom;
        if (m.startsWith("RCPT ", w)) {
            stage = "RCPT";
            int a = w + 5;
            int end = addressEnd(m, a);
            rcpt = strip(m.substring(a, end));
            textFrom = end;
        } else if (m.startsWith("MAIL <", w)) {
            stage = "MAIL";
            int end = addressEnd(m, w + 5);
            sender = strip(m.substring(w + 5, end));
            textFrom = end;
        } else if (m.startsWith("connection in \"", w)) {
            stage = "CONNECT";
            textFrom = m.indexOf('"', w + 15);
        } else if (m.startsWith("EHLO or HELO ", w)) {
            stage = "HELO";
            textFrom = w + 13;
        } else if (m.startsWith("after DATA", w) || m.startsWith("during MIME ACL checks", w)
                || m.startsWith("by local_scan()", w)) {
            stage = "END-OF-DATA";
            textFrom = w;
        } else if (m.startsWith("DATA", w)) {
            stage = "DATA";
            textFrom = w;
        } else {
            return Optional.empty();
        }
        String text = "";
        int colon = textFrom < 0 ? -1 : m.indexOf(": ", textFrom);
        if (colon >= 0) {
            text = m.substring(colon + 2);
        }
        Replies.Codes codes = Replies.codes(text, 0);
        if (codes.reply() == 0) {
            codes = new Replies.Codes(0, "", 0);
        }
        if (sender == null) {
            sender = id.isEmpty() ? "" : ctx.senderOf(id);
        } else if (sender.isEmpty()) {
            sender = "<>";
        }
        String[] remote = EximParser.hostField(m, at, r);
        return Optional.of(new RejectionEvent(time, Direction.INBOUND, DeliveryStatus.REJECTED, Mta.EXIM, host, id,
                sender, rcpt, Replies.domainOf(rcpt), codes.reply(), codes.enhanced(), stage, remote[0], remote[1],
                text.substring(codes.textStart()), line.source(), line.number()));
    }

    /** {@code F=<a@b>} or {@code F=a@b} in [from, to); {@code <>} for {@code F=<>}; else null. */
    static String senderField(String m, int from, int to) {
        int f = from;
        if (!m.startsWith("F=", from)) {
            f = m.indexOf(" F=", from) + 1;
            if (f <= 0 || f >= to) {
                return null;
            }
        }
        int end = m.indexOf(' ', f);
        String s = strip(m.substring(f + 2, end < 0 || end > to ? to : end));
        return s.isEmpty() ? "<>" : s;
    }

    /** True when a log field such as {@code H=} or {@code U=} starts at {@code at}. */
    private static boolean isFieldKey(String m, int at) {
        int i = at;
        while (i < m.length() && i - at < 4 && Character.isUpperCase(m.charAt(i))) {
            i++;
        }
        return i > at && i < m.length() && m.charAt(i) == '=';
    }

    /** End of an address token: the {@code >} of {@code <a@b>}, else the next {@code ": "} or end of line. */
    private static int addressEnd(String m, int a) {
        if (a < m.length() && m.charAt(a) == '<') {
            int close = m.indexOf('>', a);
            // Quoted local parts hold no '>' in practice; an unclosed bracket takes the rest of the line.
            return close < 0 ? m.length() : close + 1;
        }
        int colon = m.indexOf(": ", a);
        return colon < 0 ? m.length() : colon;
    }

    private static String strip(String addr) {
        String a = addr.strip();
        if (a.startsWith("<") && a.endsWith(">") && a.length() >= 2) {
            return a.substring(1, a.length() - 1);
        }
        return a;
    }
}
