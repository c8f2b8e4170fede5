package dev.maillog554.check;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * SPF macro expansion (RFC 7208 7) of a domain-spec such as {@code %{ir}.%{v}._spf.%{d}}. What a log cannot tell
 * is filled in conservatively: {@code %{p}} (validated PTR name) is "unknown", as the RFC allows, and {@code %{h}}
 * (HELO name) is the domain.
 */
final class Macros {

    private static final String DELIMITERS = ".-+,/_=";

    private Macros() {
    }

    /** Expands {@code spec}; throws IllegalArgumentException for a malformed macro (permerror). */
    static String expand(String spec, String domain, InetAddress ip, String sender) {
        if (spec.indexOf('%') < 0) {
            return trim(spec);
        }
        StringBuilder out = new StringBuilder(spec.length() + 32);
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= spec.length()) {
                throw new IllegalArgumentException("'%' at the end");
            }
            char n = spec.charAt(++i);
            switch (n) {
                case '%' -> out.append('%');
                case '_' -> out.append(' ');
                case '-' -> out.append("%20");
                case '{' -> {
                    int end = spec.indexOf('}', i);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed %{");
                    }
                    out.append(macro(spec.substring(i + 1, end), domain, ip, sender));
                    i = end;
                }
                default -> throw new IllegalArgumentException("'%" + n + "'");
            }
        }
        return trim(out.toString());
    }

    // One %{...}: letter, optional digits, optional r, optional delimiters.
    private static String macro(String body, String domain, InetAddress ip, String sender) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty %{}");
        }
        String value = value(Character.toLowerCase(body.charAt(0)), domain, ip, sender);
        int i = 1;
        int digits = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i)) && i < 4) {
            digits = digits * 10 + body.charAt(i++) - '0';
        }
        boolean reverse = i < body.length() && Character.toLowerCase(body.charAt(i)) == 'r';
        if (reverse) {
            i++;
        }
        String delims = body.substring(i);
        for (char d : delims.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                throw new IllegalArgumentException("bad delimiter '" + d + "' in %{" + body + "}");
            }
        }
        if (digits == 0 && !reverse && delims.isEmpty()) {
            return value;
        }
        List<String> parts = split(value, delims.isEmpty() ? "." : delims);
        if (reverse) {
            Collections.reverse(parts);
        }
        if (digits > 0 && digits < parts.size()) {
            parts = parts.subList(parts.size() - digits, parts.size());
        }
        return String.join(".", parts);
    }

    private static String value(char letter, String domain, InetAddress ip, String sender) {
        int at = sender.lastIndexOf('@');
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> at > 0 ? sender.substring(0, at) : "postmaster";
            case 'o' -> at >= 0 ? sender.substring(at + 1) : domain;
            case 'd', 'h' -> domain;
            case 'i' -> dotted(ip);
            case 'p' -> "unknown";
            case 'v' -> ip instanceof Inet4Address ? "in-addr" : "ip6";
            default -> throw new IllegalArgumentException("unknown macro letter '" + letter + "'");
        };
    }

    // %{i}: dotted quad, or for IPv6 the 32 nibbles separated by dots (RFC 7208 7.3).
    private static String dotted(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        StringBuilder s = new StringBuilder(64);
        for (byte b : ip.getAddress()) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append('.').append(Character.forDigit(b & 0xf, 16))
                    .append('.');
        }
        return s.substring(0, s.length() - 1);
    }

    private static List<String> split(String value, String delims) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (delims.indexOf(c) >= 0) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    // A trailing dot is allowed; names longer than 253 characters lose labels on the left (RFC 7208 7.3).
    private static String trim(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        while (n.length() > 253 && n.indexOf('.') >= 0) {
            n = n.substring(n.indexOf('.') + 1);
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
