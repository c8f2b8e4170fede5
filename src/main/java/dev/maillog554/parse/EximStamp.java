package dev.maillog554.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Exim's own stamp {@code 2026-11-27 22:15:19[.123][ +0100] [[pid]] }: local time in the context zone unless
 * {@code log_timezone} appended an offset. Char scanning only.
 *
 * @param time when the line was written
 * @param end  index of the first character after the stamp and the optional {@code [pid] }
 */
record EximStamp(Instant time, int end) {

    /** The stamp at {@code at}, or null when there is none. */
    static EximStamp read(String s, int at, ParseContext ctx) {
        int len = s.length();
        if (at + 20 > len || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-' || s.charAt(at + 10) != ' '
                || !SyslogPrefix.isClock(s, at + 11) || !digits(s, at, 4) || !digits(s, at + 5, 2)
                || !digits(s, at + 8, 2)) {
            return null;
        }
        int year = Integer.parseInt(s, at, at + 4, 10);
        int month = SyslogPrefix.two(s, at + 5);
        int day = SyslogPrefix.two(s, at + 8);
        int hour = SyslogPrefix.two(s, at + 11);
        int minute = SyslogPrefix.two(s, at + 14);
        int second = Math.min(SyslogPrefix.two(s, at + 17), 59);
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59) {
            return null;
        }
        int i = at + 19;
        int nanos = 0;
        if (i < len && s.charAt(i) == '.') {
            // log_selector +millisec
            int e = Replies.digitsEnd(s, i + 1, 9);
            if (e < 0) {
                return null;
            }
            nanos = Replies.fractionNanos(s, i + 1, e);
            i = e;
        }
        if (i >= len || s.charAt(i) != ' ') {
            return null;
        }
        i++;
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        Instant time;
        if (i + 5 < len && (s.charAt(i) == '+' || s.charAt(i) == '-') && digits(s, i + 1, 4)
                && s.charAt(i + 5) == ' ') {
            // log_timezone = true: 2003-04-25 11:17:07 +0100
            int minutes = SyslogPrefix.two(s, i + 1) * 60 + SyslogPrefix.two(s, i + 3);
            if (minutes > 18 * 60) {
                return null;
            }
            ZoneOffset off = ZoneOffset.ofTotalSeconds((s.charAt(i) == '-' ? -60 : 60) * minutes);
            time = local.toInstant(off);
            i += 6;
        } else {
            time = local.atZone(ctx.zone()).toInstant();
        }
        if (i < len && s.charAt(i) == '[') {
            // log_selector +pid: 2013-06-10 18:33:32 [10099] H=...
            int close = s.indexOf(']', i);
            if (close > i + 1 && close + 1 < len && s.charAt(close + 1) == ' ' && digits(s, i + 1, close - i - 1)) {
                i = close + 2;
            }
        }
        return new EximStamp(time, i);
    }

    private static boolean digits(String s, int at, int n) {
        for (int k = at; k < at + n; k++) {
            if (k >= s.length() || !Replies.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
