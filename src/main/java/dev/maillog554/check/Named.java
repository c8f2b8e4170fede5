package dev.maillog554.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.maillog554.classify.BlocklistInfo;

/** What a reply text names that a check can ask about: a blocklist zone, a DKIM selector, the sender's domain. */
final class Named {

    // "blocked using zen.spamhaus.org" / "listed in bl.spamcop.net" / "is in a black list at dnsbl.example.net"
    private static final Pattern ZONE = Pattern.compile(
            "(?:using|listed (?:in|at|on|by)|list at) ([a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,8}\\.[a-z]{2,24})\\b",
            Pattern.CASE_INSENSITIVE);
    // "dkim=fail header.d=example.com header.s=mail2024" / "DKIM-Signature: ... d=example.com; s=sel1;"
    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w.-])(?:header\\.)?s=([a-z0-9][a-z0-9._-]{0,62})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNING_DOMAIN = Pattern.compile(
            "(?<![\\w.-])(?:header\\.)?d=([a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,8}\\.[a-z]{2,24})\\b",
            Pattern.CASE_INSENSITIVE);
    // "Unauthenticated email from example.jp is not accepted" / "sender address bob@example.com" / "from=<a@b.c>"
    private static final Pattern SENDER_DOMAIN = Pattern.compile(
            "(?:email from |sender address [^@\\s]{1,64}@|from=<[^@>\\s]{1,64}@)"
                    + "([a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,8}\\.[a-z]{2,24})\\b",
            Pattern.CASE_INSENSITIVE);

    private Named() {
    }

    /**
     * The zone to ask for {@code list}: the one of its zones the text names first (the receiver's own choice, such
     * as dnsbl-2.uceprotect.net), else another zone of the same list the text names, else the list's usual zone;
     * for a list without known zones (a "generic" DNS blocklist), the zone the text names. Empty when there is none.
     */
    static String zone(BlocklistInfo list, String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        String best = "";
        int at = Integer.MAX_VALUE;
        for (String z : list.zones()) {
            int i = indexAsName(t, z);
            if (i >= 0 && i < at) {
                best = z;
                at = i;
            }
        }
        if (!best.isEmpty()) {
            return best;
        }
        Matcher m = ZONE.matcher(t);
        String parent = list.zones().isEmpty() ? "" : parent(list.zones().get(0));
        while (m.find()) {
            String z = m.group(1);
            if (parent.isEmpty() || z.endsWith("." + parent) && !z.startsWith("www.")) {
                return z;
            }
        }
        return list.zones().isEmpty() ? "" : list.zones().get(0);
    }

    /** The DKIM selector and signing domain the text names, when it names a selector. */
    static Optional<String[]> dkim(String text) {
        String t = text == null ? "" : text;
        Matcher s = SELECTOR.matcher(t);
        if (!s.find()) {
            return Optional.empty();
        }
        Matcher d = SIGNING_DOMAIN.matcher(t);
        return Optional.of(new String[] {s.group(1).toLowerCase(Locale.ROOT),
            d.find() ? d.group(1).toLowerCase(Locale.ROOT) : ""});
    }

    /** The envelope sender's domain, from the address ({@code <bob@example.com>}) or else from the text. */
    static String senderDomain(String sender, String text) {
        String s = sender == null ? "" : sender.trim();
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            String d = s.substring(at + 1).replace(">", "").trim().toLowerCase(Locale.ROOT);
            if (!d.isEmpty()) {
                return d;
            }
        }
        Matcher m = SENDER_DOMAIN.matcher(text == null ? "" : text);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * The organisational domain, simply: the last two labels, or three under the common second-level suffixes of
     * country domains (co.uk, com.au, ne.jp...). The Public Suffix List would know every case; a DMARC lookup that
     * goes one label wrong only finds no record.
     */
    static String organisational(String domain) {
        String[] labels = domain.split("\\.");
        int keep = labels.length >= 3 && labels[labels.length - 1].length() == 2
                && SECOND_LEVEL.contains(labels[labels.length - 2]) ? 3 : 2;
        if (labels.length <= keep) {
            return domain;
        }
        return String.join(".", Arrays.asList(labels).subList(labels.length - keep, labels.length));
    }

    private static final Set<String> SECOND_LEVEL = Set.of("ac", "co", "com", "edu", "gov", "go", "ne", "net", "or",
            "org");

    private static String parent(String zone) {
        return organisational(zone);
    }

    // The position of the zone as a whole DNS name in the text (not the tail of a longer one), or -1.
    private static int indexAsName(String t, String zone) {
        for (int i = t.indexOf(zone); i >= 0; i = t.indexOf(zone, i + 1)) {
            boolean startOk = i == 0 || !nameChar(t.charAt(i - 1));
            int end = i + zone.length();
            boolean endOk = end == t.length() || !Character.isLetterOrDigit(t.charAt(end)) && t.charAt(end) != '-';
            if (startOk && endOk) {
                return i;
            }
        }
        return -1;
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.';
    }
}
