package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/** Recognises the receiving provider or gateway from the relay host, a text marker or the recipient domain. */
final class Providers {

    record Provider(String id, String name, List<String> domains, List<String> hosts, Pattern marker) {
    }

    private final List<Provider> providers;

    private Providers(List<Provider> providers) {
        this.providers = List.copyOf(providers);
    }

    static Providers load() {
        List<Provider> out = new ArrayList<>();
        for (CSVRecord r : Resources.csv("providers.csv")) {
            String m = r.get("markers");
            out.add(new Provider(r.get("id"), r.get("name"), words(r.get("domains")), words(r.get("hosts")),
                    m.isEmpty() ? null : Pattern.compile(m, Pattern.CASE_INSENSITIVE)));
        }
        return new Providers(out);
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
        for (Provider p : providers) {
            if (p.marker() != null && p.marker().matcher(text).find()) {
                return p.id();
            }
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

    /** {@code *.google.com} matches any sub-domain, {@code mx*.mail.icloud.com} any label start. */
    static boolean globMatches(String glob, String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (glob.startsWith("*.")) {
            return h.endsWith(glob.substring(1)) || h.equals(glob.substring(2));
        }
        int star = glob.indexOf('*');
        if (star < 0) {
            return h.equals(glob);
        }
        String head = glob.substring(0, star);
        String tail = glob.substring(star + 1);
        return h.length() >= head.length() + tail.length() && h.startsWith(head) && h.endsWith(tail)
                && h.substring(head.length(), h.length() - tail.length()).indexOf('.') < 0;
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
