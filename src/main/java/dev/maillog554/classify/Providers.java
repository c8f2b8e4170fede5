package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises the receiving provider or gateway from the relay host, a text marker or the recipient domain. */
final class Providers {

    record Provider(String id, String name, List<String> domains, List<String> hosts, Pattern marker) {
    }

    private final List<Provider> providers;
    private final FoldedPatterns markers;

    private Providers(List<Provider> providers, FoldedPatterns markers) {
        this.providers = List.copyOf(providers);
        this.markers = markers;
    }

    // The markers are case-insensitive: FoldedPatterns searches them in the lower-cased text.
    static Providers of(List<DataFile.Row> rows) {
        FoldedPatterns markers = FoldedPatterns.of(rows.stream().map(r -> r.get("markers")).toList());
        List<Provider> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DataFile.Row r = rows.get(i);
            out.add(new Provider(r.get("id"), r.get("name"), words(r.get("domains")), words(r.get("hosts")),
                    markers.get(i)));
        }
        return new Providers(out, markers);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    List<Provider> all() {
        return providers;
    }

    /** The provider id, or empty: the relay host decides first, then a marker in the text, then the domain. */
    String detect(String relayHost, String text, String recipientDomain) {
        String host = relayHost == null ? "" : relayHost.toLowerCase(Locale.ROOT);
        if (!host.isEmpty()) {
            for (Provider p : providers) {
                for (String h : p.hosts()) {
                    if (globMatches(h, host)) {
                        return p.id();
                    }
                }
            }
        }
        int marked = markers.first(text);
        if (marked >= 0) {
            return providers.get(marked).id();
        }
        String dom = recipientDomain == null ? "" : recipientDomain.toLowerCase(Locale.ROOT);
        if (!dom.isEmpty()) {
            for (Provider p : providers) {
                for (String d : p.domains()) {
                    if (domainMatches(d, dom)) {
                        return p.id();
                    }
                }
            }
        }
        return "";
    }

    String name(String id) {
        for (Provider p : providers) {
            if (p.id().equals(id)) {
                return p.name();
            }
        }
        return id;
    }

    /**
     * {@code *.google.com} matches any sub-domain, {@code mx*.mail.icloud.com} any label start. Compares regions
     * in place: every outbound rejection's relay host is tried against every provider's globs.
     */
    static boolean globMatches(String glob, String host) {
        int hl = host.endsWith(".") ? host.length() - 1 : host.length();
        if (glob.startsWith("*.")) {
            int sl = glob.length() - 1; // ".google.com"
            return hl >= sl && host.regionMatches(hl - sl, glob, 1, sl)
                    || hl == sl - 1 && host.regionMatches(0, glob, 2, hl);
        }
        int star = glob.indexOf('*');
        if (star < 0) {
            return hl == glob.length() && host.regionMatches(0, glob, 0, hl);
        }
        int tl = glob.length() - star - 1;
        if (hl < star + tl || !host.regionMatches(0, glob, 0, star)
                || !host.regionMatches(hl - tl, glob, star + 1, tl)) {
            return false;
        }
        int dot = host.indexOf('.', star);
        return dot < 0 || dot >= hl - tl;
    }

    /** {@code gmail.com} matches itself and sub-domains; {@code hotmail.*} matches hotmail.co.uk etc. */
    static boolean domainMatches(String pattern, String domain) {
        if (pattern.endsWith(".*")) {
            String base = pattern.substring(0, pattern.length() - 1);
            return domain.startsWith(base) && domain.length() > base.length();
        }
        return domain.equals(pattern) || domain.endsWith("." + pattern);
    }
}
