package dev.maillog554.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A syslog line split into stamp, host, program tag, pid and message, by char scanning (no regex: this runs on
 * every line of gigabyte logs).
 *
 * <p>Accepted stamps: classic RFC 3164 {@code Nov 27 22:15:19} (day space-padded, or zero-padded as Postfix's own
 * {@code maillog_file} writes it, or unpadded), and RFC 3339 {@code 2026-11-27T22:15:19.123456+01:00}. A line with
 * no stamp may still start with {@code host program[pid]: } (journal exports); otherwise the whole line is the
 * message and {@link #program} is empty.
 */
final class SyslogPrefix {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /** When the line was written; null when the line carries no stamp. */
    final Instant time;
    /** The syslog host, empty when unknown. */
    final String host;
    /** The program tag such as {@code postfix/smtpd}, {@code postfix-24/smtp} or {@code exim}; empty if none. */
    final String program;
    /** The pid in brackets, empty when absent. */
    final String pid;
    /** What the program logged. */
    final String message;

    private SyslogPrefix(Instant time, String host, String program, String pid, String message) {
        this.time = time;
        this.host = host;
        this.program = program;
        this.pid = pid;
        this.message = message;
    }

    /** Splits a line; never null, never throws. */
    static SyslogPrefix split(String line, ParseContext ctx) {
        int pri = priEnd(line);
        if (pri > 0) {
            // <22>1 2026-11-27T22:15:19.123Z mx1 postfix/smtpd 2211 - - message   (RFC 5424, e.g. syslog-ng)
            // <22>Nov 27 22:15:19 mx1 postfix/smtpd[2211]: message                 (RFC 3164 with its PRI kept)
            String rest = line.substring(pri);
            SyslogPrefix v1 = rest.startsWith("1 ") ? rfc5424(rest.substring(2), ctx) : null;
            return v1 != null ? v1 : split(rest, ctx);
        }
        Instant time = null;
        int pos = -1;
        if (line.length() >= 15 && line.charAt(3) == ' ') {
            // Nov 27 22:15:19 host postfix/smtp[123]: ...   (also "Nov  7" and maillog_file's "Nov 07")
            int month = MONTHS.indexOf(line.substring(0, 3));
            if (month >= 0 && month % 3 == 0) {
                pos = classicEnd(line, month / 3 + 1);
                if (pos > 0) {
                    time = classicTime(line, month / 3 + 1, pos, ctx);
                }
            }
        } else if (line.length() > 20 && line.charAt(10) == 'T' && line.charAt(4) == '-') {
            // 2026-11-27T22:15:19.123456+01:00 host postfix/smtp[123]: ...
            int sp = line.indexOf(' ');
            if (sp > 0) {
                time = rfc3339(line.substring(0, sp), ctx);
                pos = time == null ? -1 : sp + 1;
            }
        }
        if (pos > 0) {
            SyslogPrefix p = hostProgram(line, pos, time, false);
            return p != null ? p : new SyslogPrefix(time, "", "", "", line.substring(pos));
        }
        SyslogPrefix p = hostProgram(line, 0, null, true);
        return p != null ? p : new SyslogPrefix(null, "", "", "", line);
    }

    /**
     * Reads {@code host program[pid]: message} at {@code pos}. Without a stamp only Postfix and Exim tags are
     * believed, so that a bare Postfix message such as {@code warning: x[1]: y} is not taken for a prefix.
     */
    static SyslogPrefix hostProgram(String line, int pos, Instant time, boolean mtaOnly) {
        int sp = line.indexOf(' ', pos);
        if (sp <= pos || sp + 1 >= line.length()) {
            return null;
        }
        String host = line.substring(pos, sp);
        int i = sp + 1;
        int len = line.length();
        int p = i;
        while (p < len && line.charAt(p) != '[' && line.charAt(p) != ':' && line.charAt(p) != ' ') {
            p++;
        }
        if (p == i || p >= len || line.charAt(p) == ' ') {
            return null;
        }
        String program = line.substring(i, p);
        String pid = "";
        if (line.charAt(p) == '[') {
            int close = line.indexOf(']', p);
            if (close < 0 || close + 1 >= len || line.charAt(close + 1) != ':') {
                return null;
            }
            pid = line.substring(p + 1, close);
            p = close + 1;
        }
        if (mtaOnly && !program.startsWith("postfix") && !program.startsWith("exim")) {
            return null;
        }
        int msg = p + 1 < len && line.charAt(p + 1) == ' ' ? p + 2 : p + 1;
        return new SyslogPrefix(time, host, program, pid, line.substring(Math.min(msg, len)));
    }

    /** Position after a valid classic stamp, or -1. */
    private static int classicEnd(String line, int month) {
        int i = line.charAt(4) == ' ' ? 5 : 4;
        int dayEnd = Replies.digitsEnd(line, i, 2);
        if (dayEnd < 0 || dayEnd + 9 > line.length() || line.charAt(dayEnd) != ' ' || !isClock(line, dayEnd + 1)) {
            return -1;
        }
        int day = Integer.parseInt(line, i, dayEnd, 10);
        int t = dayEnd + 1;
        int end = t + 8;
        // Nov 27 22:15:19.123456: journalctl -o short-precise and high-precision rsyslog templates add a fraction.
        if (end < line.length() && line.charAt(end) == '.') {
            int fracEnd = Replies.digitsEnd(line, end + 1, 9);
            end = fracEnd < 0 ? -1 : fracEnd;
        }
        if (end < 0 || day < 1 || day > java.time.Month.of(month).maxLength() || two(line, t) > 23
                || two(line, t + 3) > 59 || two(line, t + 6) > 60 || end >= line.length() || line.charAt(end) != ' ') {
            return -1;
        }
        return end + 1;
    }

    private static Instant classicTime(String line, int month, int end, ParseContext ctx) {
        int t = line.charAt(4) == ' ' ? 7 : line.indexOf(' ', 4) + 1;
        int day = Integer.parseInt(line, line.charAt(4) == ' ' ? 5 : 4, t - 1, 10);
        int nanos = 0;
        if (line.charAt(t + 8) == '.') {
            String frac = line.substring(t + 9, end - 1);
            nanos = Integer.parseInt((frac + "000000000").substring(0, 9));
        }
        // Leap second 60 is folded into 59: java.time has no leap seconds.
        return ctx.resolveWithoutYear(month, day, two(line, t), two(line, t + 3), Math.min(two(line, t + 6), 59),
                nanos);
    }

    /** Length of a leading {@code <PRI>} (1 to 3 digits), or 0. */
    private static int priEnd(String line) {
        if (line.length() < 4 || line.charAt(0) != '<') {
            return 0;
        }
        int end = Replies.digitsEnd(line, 1, 3);
        return end > 1 && end < line.length() && line.charAt(end) == '>' ? end + 1 : 0;
    }

    /** {@code STAMP HOST APP PROCID MSGID SD MSG} after the version; null when it does not fit. */
    private static SyslogPrefix rfc5424(String s, ParseContext ctx) {
        String[] f = new String[5];
        int pos = 0;
        for (int k = 0; k < 5; k++) {
            int sp = s.indexOf(' ', pos);
            if (sp < 0) {
                return null;
            }
            f[k] = s.substring(pos, sp);
            pos = sp + 1;
        }
        Instant time = "-".equals(f[0]) ? null : rfc3339(f[0], ctx);
        if (time == null && !"-".equals(f[0])) {
            return null;
        }
        // Structured data is "-" or one or more [id param="v"] blocks; the message follows a space.
        if (s.startsWith("- ", pos)) {
            pos += 2;
        } else if (s.startsWith("[", pos)) {
            int close = s.indexOf("] ", pos);
            if (close < 0) {
                return null;
            }
            pos = close + 2;
        } else if (s.length() == pos + 1 && s.charAt(pos) == '-') {
            pos = s.length();
        } else {
            return null;
        }
        String host = "-".equals(f[1]) ? "" : f[1];
        String app = "-".equals(f[2]) ? "" : f[2];
        String pid = "-".equals(f[3]) ? "" : f[3];
        // A UTF-8 byte order mark may start the message.
        String msg = s.startsWith("\uFEFF", pos) ? s.substring(pos + 1) : s.substring(pos);
        return new SyslogPrefix(time, host, app, pid, msg);
    }

    private static Instant rfc3339(String raw, ParseContext ctx) {
        Instant fast = rfc3339Fast(raw, ctx);
        return fast != null ? fast : rfc3339Parsed(raw, ctx);
    }

    /**
     * The common shapes of an RFC 3339 stamp read digit by digit: {@code 2026-11-27T22:15:19}, an optional
     * fraction of 1 to 9 digits, then {@code Z}, {@code +01:00}, {@code +0100} or nothing (the context's zone).
     * Null for anything else, or a value out of range, which {@link #rfc3339Parsed} then decides: java.time's
     * parser gives the same instants but costs more than the rest of the line's parsing together.
     */
    static Instant rfc3339Fast(String s, ParseContext ctx) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int end = Replies.digitsEnd(s, i + 1, 9);
            if (end < 0) {
                return null;
            }
            nanos = Replies.fractionNanos(s, i + 1, end);
            i = end;
        }
        ZoneOffset offset;
        if (i == n) {
            offset = null;
        } else if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && (n - i == 6 && s.charAt(i + 3) == ':' || n - i == 5)) {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, n - 2, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return null;
            }
            int total = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
            offset = ZoneOffset.ofTotalSeconds(total);
        } else {
            return null;
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        return offset == null ? local.atZone(ctx.zone()).toInstant() : local.toInstant(offset);
    }

    // The value of count ASCII digits at from, or -1.
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static Instant rfc3339Parsed(String raw, ParseContext ctx) {
        try {
            // journalctl -o short-iso writes the offset without a colon (+0100); java.time wants +01:00.
            int n = raw.length();
            boolean bareOffset = n > 16 && (raw.charAt(n - 5) == '+' || raw.charAt(n - 5) == '-')
                    && Replies.digitsEnd(raw, n - 4, 4) == n;
            String stamp = bareOffset ? raw.substring(0, n - 2) + ":" + raw.substring(n - 2) : raw;
            char last = stamp.charAt(stamp.length() - 1);
            int tail = stamp.length() - 6;
            if (last == 'Z' || last == 'z' || (tail > 10 && (stamp.charAt(tail) == '+' || stamp.charAt(tail) == '-'))) {
                return OffsetDateTime.parse(stamp).toInstant();
            }
            return LocalDateTime.parse(stamp).atZone(ctx.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isClock(String s, int t) {
        return t + 8 <= s.length() && Replies.isDigit(s.charAt(t)) && Replies.isDigit(s.charAt(t + 1))
                && s.charAt(t + 2) == ':' && Replies.isDigit(s.charAt(t + 3)) && Replies.isDigit(s.charAt(t + 4))
                && s.charAt(t + 5) == ':' && Replies.isDigit(s.charAt(t + 6)) && Replies.isDigit(s.charAt(t + 7));
    }

    static int two(String s, int i) {
        return (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
    }
}
