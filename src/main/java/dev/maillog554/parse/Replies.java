package dev.maillog554.parse;

import java.util.Locale;

/** Small, allocation-light helpers shared by the Postfix and Exim parsers: reply codes, addresses, stages. */
final class Replies {

    private Replies() {
    }

    /**
     * The codes at the start of a reply text.
     *
     * @param reply     the basic reply code (e.g. 554), 0 when the text starts with an enhanced code only
     * @param enhanced  the enhanced status code (e.g. 5.7.1), empty when absent or of another class
     * @param textStart index of the first character after the codes
     */
    record Codes(int reply, String enhanced, int textStart) {
    }

    /**
     * Reads {@code 554 5.7.1 }, {@code 550-5.7.1 }, {@code 554 } or {@code 5.7.1 } at {@code from}.
     * An enhanced code whose class differs from the reply's is left in the text, as Postfix does.
     */
    static Codes codes(String s, int from) {
        int len = s.length();
        int i = from;
        int reply = 0;
        if (isReplyCode(s, i) && (i + 3 == len || s.charAt(i + 3) == ' ' || s.charAt(i + 3) == '-')) {
            reply = (s.charAt(i) - '0') * 100 + (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
            i = Math.min(len, i + 4);
        }
        String enhanced = "";
        int end = enhancedEnd(s, i);
        if (end > 0 && (end == len || s.charAt(end) == ' ')
                && (reply == 0 || s.charAt(i) - '0' == reply / 100)) {
            enhanced = s.substring(i, end);
            i = Math.min(len, end + 1);
        }
        return new Codes(reply, enhanced, i);
    }

    /** True when three digits starting with 4 or 5 stand at {@code i}. */
    static boolean isReplyCode(String s, int i) {
        return i + 3 <= s.length() && (s.charAt(i) == '4' || s.charAt(i) == '5')
                && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2));
    }

    /** End index of an enhanced status code {@code [245].d{1,3}.d{1,3}} at {@code i}, or -1. */
    static int enhancedEnd(String s, int i) {
        int len = s.length();
        if (i + 5 > len) {
            return -1;
        }
        char c = s.charAt(i);
        if ((c != '2' && c != '4' && c != '5') || s.charAt(i + 1) != '.') {
            return -1;
        }
        int j = digitsEnd(s, i + 2, 3);
        if (j < 0 || j >= len || s.charAt(j) != '.') {
            return -1;
        }
        return digitsEnd(s, j + 1, 3);
    }

    /** End of a run of 1..max digits at {@code i}, or -1 when there is none. */
    static int digitsEnd(String s, int i, int max) {
        int j = i;
        int len = s.length();
        while (j < len && j - i < max && isDigit(s.charAt(j))) {
            j++;
        }
        return j == i ? -1 : j;
    }

    /** The nanoseconds that the fraction digits {@code s[from, end)} (at most nine) stand for. */
    static int fractionNanos(String s, int from, int end) {
        int nanos = 0;
        for (int k = from; k < from + 9; k++) {
            nanos = nanos * 10 + (k < end ? s.charAt(k) - '0' : 0);
        }
        return nanos;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Lower-cased part after the last {@code @}, or empty when the address has no domain. */
    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return "";
        }
        return address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The text between {@code <} at {@code open} and the next {@code >}, or null. */
    static String bracketed(String s, int open) {
        if (open < 0 || open >= s.length() || s.charAt(open) != '<') {
            return null;
        }
        int close = s.indexOf('>', open + 1);
        return close < 0 ? null : s.substring(open + 1, close);
    }

    /** The value of {@code key<...>} (e.g. {@code to=<}) anywhere after {@code from}, or null. */
    static String field(String s, String key, int from) {
        int k = s.indexOf(key, from);
        return k < 0 ? null : bracketed(s, k + key.length() - 1);
    }

    /**
     * Maps the SMTP command words that Postfix ("in reply to RCPT TO command") and Exim ("after pipelined
     * MAIL FROM:&lt;a@b&gt; SIZE=12") log to one stage vocabulary.
     */
    static String stage(String raw) {
        String s = raw.strip();
        if (s.regionMatches(true, 0, "pipelined ", 0, 10)) {
            s = s.substring(10);
        }
        String u = s.toUpperCase(Locale.ROOT);
        if (u.startsWith("RCPT")) {
            return "RCPT";
        } else if (u.startsWith("MAIL")) {
            return "MAIL";
        } else if (u.startsWith("END OF DATA") || u.startsWith("END-OF-")) {
            return "END-OF-DATA";
        } else if (u.startsWith("DATA") || u.startsWith("BDAT") || u.startsWith("SENDING DATA BLOCK")) {
            return "DATA";
        } else if (u.startsWith("HELO") || u.startsWith("EHLO") || u.startsWith("LHLO")) {
            return "HELO";
        } else if (u.startsWith("INITIAL CONNECTION") || u.startsWith("CONNECT")) {
            return "CONNECT";
        }
        int sp = u.indexOf(' ');
        return sp < 0 ? u : u.substring(0, sp);
    }

    /** Parses {@code name [ip]} / {@code name[ip]} / {@code [ip]}: returns {name, ip}; name is empty for [ip]. */
    static String[] hostAndIp(String s) {
        // Skip an Exim "(helo)" part: a HELO of "([192.0.2.1])" must not be taken for the address.
        int paren = s.indexOf('(');
        int close0 = paren < 0 ? -1 : s.indexOf(')', paren);
        int open = s.indexOf('[', close0 < 0 ? 0 : close0);
        if (open < 0) {
            return new String[] {s.strip(), ""};
        }
        int close = s.indexOf(']', open + 1);
        String ip = close < 0 ? s.substring(open + 1) : s.substring(open + 1, close);
        String name = s.substring(0, open).strip();
        int helo = name.indexOf('(');
        if (helo > 0) {
            name = name.substring(0, helo).strip();
        } else if (helo == 0) {
            name = "";
        }
        // LMTP over a unix socket logs the socket path where the address would be: mail.example[private/lmtp].
        return new String[] {name, ip.indexOf('/') >= 0 ? "" : ip};
    }
}
