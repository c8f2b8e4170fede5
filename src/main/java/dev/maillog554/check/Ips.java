package dev.maillog554.check;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IP address literals: read without any DNS lookup, found in reply texts, reversed for DNS names. */
final class Ips {

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:]{2,39}(?:\\.\\d{1,3}){0,3}");
    // "... [203.0.113.5] listed ..." / "IP 203.0.113.5 is ..." (not part of a longer dotted number)
    private static final Pattern V4_IN_TEXT = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])");
    // "[IPv6:2001:db8::5]" / "[2001:db8::5]": only bracketed, so that times such as 10:15:01 are never taken
    private static final Pattern V6_IN_TEXT = Pattern.compile("\\[(?:ipv6:)?([0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})\\]",
            Pattern.CASE_INSENSITIVE);

    private Ips() {
    }

    /**
     * The address of a literal, or empty when {@code s} is not an IPv4 or IPv6 literal. Only literals reach
     * {@link InetAddress#getByName}, which then parses and never asks DNS.
     */
    static Optional<InetAddress> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = V4.matcher(t).matches();
        if (v4) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (t.indexOf(':') < 0 || !V6.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The text form used in reports: dotted quad, or RFC 5952 compressed IPv6. */
    static String text(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        return compress(a.getHostAddress());
    }

    /**
     * The public unicast addresses a reply text names, in order, without {@code except} (the answering server's
     * own address): for an outbound rejection these are our sending IPs ("[203.0.113.5] listed").
     */
    static List<String> named(String text, String except) {
        Set<String> out = new LinkedHashSet<>();
        String t = text == null ? "" : text;
        Matcher m = V4_IN_TEXT.matcher(t);
        while (m.find()) {
            parse(m.group(1)).filter(Ips::publicUnicast).map(Ips::text).ifPresent(out::add);
        }
        m = V6_IN_TEXT.matcher(t);
        while (m.find()) {
            parse(m.group(1)).filter(Ips::publicUnicast).map(Ips::text).ifPresent(out::add);
        }
        parse(except).map(Ips::text).ifPresent(out::remove);
        return List.copyOf(out);
    }

    // Loopback, private, link-local and unspecified addresses are never our public sending IP, and a blocklist
    // answer such as 127.0.0.2 quoted in a reply is not one either. Documentation ranges stay: tests use them.
    private static boolean publicUnicast(InetAddress a) {
        return !(a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc);
    }

    /**
     * The labels of a DNS blocklist query for {@code a}: the octets reversed for IPv4 ({@code 5.113.0.203}), the
     * 32 nibbles reversed for IPv6, as the lists (and RFC 5782) expect.
     */
    static String reversed(InetAddress a) {
        byte[] b = a.getAddress();
        StringBuilder s = new StringBuilder(64);
        if (b.length == 4) {
            for (int i = 3; i >= 0; i--) {
                s.append(b[i] & 0xff).append(i > 0 ? "." : "");
            }
            return s.toString();
        }
        for (int i = b.length - 1; i >= 0; i--) {
            s.append(Character.forDigit(b[i] & 0xf, 16)).append('.').append(Character.forDigit((b[i] >> 4) & 0xf, 16));
            if (i > 0) {
                s.append('.');
            }
        }
        return s.toString();
    }

    /** True when {@code a} is inside {@code net}/{@code prefix} (same family only). */
    static boolean inNetwork(InetAddress a, InetAddress net, int prefix) {
        byte[] x = a.getAddress();
        byte[] y = net.getAddress();
        if (x.length != y.length || prefix < 0 || prefix > x.length * 8) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (x[i] != y[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (x[full] & mask) == (y[full] & mask);
    }

    // Java writes 2001:db8:0:0:0:0:0:5; reports show the usual 2001:db8::5.
    private static String compress(String full) {
        String s = full.toLowerCase(Locale.ROOT);
        int pct = s.indexOf('%');
        if (pct >= 0) {
            s = s.substring(0, pct);
        }
        String[] parts = s.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            int j = i;
            while (j < parts.length && parts[j].matches("0+")) {
                j++;
            }
            if (j - i > bestLen && j - i > 1) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i == bestStart) {
                b.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            b.append(parts[i].replaceFirst("^0+(?=.)", ""));
            if (i < parts.length - 1) {
                b.append(':');
            }
        }
        return b.toString();
    }
}
