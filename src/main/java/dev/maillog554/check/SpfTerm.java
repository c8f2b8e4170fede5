package dev.maillog554.check;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SPF mechanism, parsed (RFC 7208 5).
 *
 * @param text      the term as written, for the report
 * @param qualifier {@code + - ~ ?}
 * @param name      all, include, a, mx, ptr, ip4, ip6 or exists, lower case
 * @param spec      the domain-spec (macros not expanded), or the network of ip4/ip6; empty when none is given
 * @param cidr4     prefix length for IPv4 addresses (32 when none is given)
 * @param cidr6     prefix length for IPv6 addresses (128 when none is given)
 */
record SpfTerm(String text, char qualifier, String name, String spec, int cidr4, int cidr6) {

    // [qualifier] name [":" domain-spec | "/" cidr], e.g. "-all", "ip4:192.0.2.0/24", "mx//64"
    private static final Pattern MECHANISM = Pattern.compile(
            "([+?~-]?)(all|include|a|mx|ptr|ip4|ip6|exists)([:/].*)?", Pattern.CASE_INSENSITIVE);

    /** Parses a mechanism; IllegalArgumentException, saying why, for anything else (a permerror). */
    static SpfTerm parse(String term) {
        Matcher m = MECHANISM.matcher(term);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown term '" + term + "'");
        }
        char q = m.group(1).isEmpty() ? '+' : m.group(1).charAt(0);
        String name = m.group(2).toLowerCase(Locale.ROOT);
        String arg = m.group(3) == null ? "" : m.group(3);
        String rest = arg.startsWith(":") ? arg.substring(1) : arg;
        boolean named = arg.startsWith(":") && !rest.isEmpty();
        switch (name) {
            case "all" -> require(arg.isEmpty(), term);
            case "include", "exists", "ptr" -> {
                require(named || "ptr".equals(name) && arg.isEmpty(), term);
                return new SpfTerm(term, q, name, rest, 32, 128);
            }
            case "ip4", "ip6" -> {
                return network(term, q, name, rest, named);
            }
            default -> { // a, mx: [":" domain] ["/" cidr4] ["//" cidr6]
                int c6 = rest.indexOf("//");
                String before = c6 >= 0 ? rest.substring(0, c6) : rest;
                int c4 = before.indexOf('/');
                return new SpfTerm(term, q, name, c4 >= 0 ? before.substring(0, c4) : before,
                        c4 >= 0 ? prefix(before.substring(c4 + 1), 32, term) : 32,
                        c6 >= 0 ? prefix(rest.substring(c6 + 2), 128, term) : 128);
            }
        }
        return new SpfTerm(term, q, name, "", 32, 128);
    }

    /** The result when the term matches. */
    String result() {
        return switch (qualifier) {
            case '-' -> "fail";
            case '~' -> "softfail";
            case '?' -> "neutral";
            default -> "pass";
        };
    }

    private static SpfTerm network(String term, char q, String name, String rest, boolean named) {
        require(named, term);
        int slash = rest.indexOf('/');
        InetAddress net = Ips.parse(slash < 0 ? rest : rest.substring(0, slash)).orElse(null);
        boolean v4 = "ip4".equals(name);
        require(net != null && (net instanceof Inet4Address) == v4, term);
        int max = v4 ? 32 : 128;
        int p = slash < 0 ? max : prefix(rest.substring(slash + 1), max, term);
        return new SpfTerm(term, q, name, slash < 0 ? rest : rest.substring(0, slash), v4 ? p : 32, v4 ? 128 : p);
    }

    private static int prefix(String s, int max, String term) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= max) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad prefix length /" + s + " in '" + term + "'");
    }

    private static void require(boolean ok, String term) {
        if (!ok) {
            throw new IllegalArgumentException("malformed term '" + term + "'");
        }
    }
}
