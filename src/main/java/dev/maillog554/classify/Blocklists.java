package dev.maillog554.classify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DNS blocklists and reputation lists from blocklists.csv, recognised by zone names in reply texts. */
final class Blocklists {

    record Entry(String id, String name, Pattern pattern, String subject, String lookup, String delist,
                 String note, List<String> zones) {
    }

    // Client host [203.0.113.9] / client [203.0.113.9] / ip=203.0.113.9 / IP: 203.0.113.9 / IP=203.0.113.9
    private static final Pattern IP_LABELLED = Pattern.compile(
            "(?:client host|client|host|ip)\\s*[\\[=:]\\s*\\[?"
                    + "(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])");
    // Helo command [mail.example.com] blocked using dbl.spamhaus.org
    private static final Pattern DOMAIN_BRACKET = Pattern.compile(
            "\\[([a-z0-9][a-z0-9.-]{0,200}\\.[a-z]{2,24})\\] blocked using", Pattern.CASE_INSENSITIVE);
    // having a domain present in the Spamhaus DBL (example.com) / domain=example.com
    private static final Pattern DOMAIN_ANY = Pattern.compile(
            "(?:domain[=: ]+|\\()([a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,8}\\.[a-z]{2,24})",
            Pattern.CASE_INSENSITIVE);

    private final List<Entry> entries;
    private final FoldedPatterns patterns;

    private Blocklists(List<Entry> entries, FoldedPatterns patterns) {
        this.entries = List.copyOf(entries);
        this.patterns = patterns;
    }

    // The zone patterns are case-insensitive: FoldedPatterns searches them in the lower-cased text.
    static Blocklists of(List<DataFile.Row> rows) {
        FoldedPatterns patterns = FoldedPatterns.of(rows.stream().map(r -> r.get("pattern")).toList());
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DataFile.Row r = rows.get(i);
            out.add(new Entry(r.get("id"), r.get("name"), patterns.get(i), r.get("subject"), r.get("lookup"),
                    r.get("delist"), r.get("note"), zones(r)));
        }
        return new Blocklists(out, patterns);
    }

    List<Entry> all() {
        return entries;
    }

    Optional<BlocklistInfo> detect(String text) {
        int i = patterns.first(text);
        if (i < 0) {
            return Optional.empty();
        }
        Entry e = entries.get(i);
        return Optional.of(info(e, listed(e, text)));
    }

    Optional<BlocklistInfo> byId(String id, String listed) {
        for (Entry e : entries) {
            if (e.id().equals(id)) {
                return Optional.of(info(e, listed));
            }
        }
        return Optional.empty();
    }

    private static BlocklistInfo info(Entry e, String listed) {
        return new BlocklistInfo(e.id(), e.name(), listed, fill(e.lookup(), listed, e.subject()),
                fill(e.delist(), listed, e.subject()), e.note(), e.zones());
    }

    // Space-separated DNS zones, the usual one first; live checks (--check) query them.
    private static List<String> zones(DataFile.Row r) {
        String z = r.get("zones").trim();
        return z.isEmpty() ? List.of() : List.of(z.split("\\s+"));
    }

    private static String listed(Entry e, String text) {
        return "domain".equals(e.subject()) ? domain(text) : ip(text);
    }

    static String ip(String text) {
        Matcher m = IP_LABELLED.matcher(text);
        while (m.find()) {
            String ip = m.group(1);
            if (ip.indexOf('.') > 0 || ip.chars().filter(c -> c == ':').count() >= 2 && ip.length() > 3) {
                return ip;
            }
        }
        m = IPV4.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    static String domain(String text) {
        Matcher m = DOMAIN_BRACKET.matcher(text);
        if (m.find()) {
            return m.group(1).toLowerCase(java.util.Locale.ROOT);
        }
        m = DOMAIN_ANY.matcher(text);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    private static String fill(String template, String listed, String subject) {
        if (template.isEmpty()) {
            return "";
        }
        String v = URLEncoder.encode(listed, StandardCharsets.UTF_8);
        String out = template.replace("{ip}", "domain".equals(subject) ? "" : v)
                .replace("{domain}", "domain".equals(subject) ? v : "");
        // a template with an empty query value still opens the lookup form
        return out;
    }
}
