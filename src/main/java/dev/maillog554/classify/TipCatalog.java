package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Remediation tips from classify/tips.properties. Keys are {@code <scope>.<n>} with scopes
 * {@code blocklist.<id>}, {@code provider.<id>.<category>}, {@code provider.<id>}, {@code rule.<id>},
 * {@code category.<id>} and {@code inbound.<category>} (receiver-side steps, first for inbound rejections); values
 * may use {ip}, {reversed_ip}, {domain} and {recipient_domain}.
 */
final class TipCatalog {

    private final Map<String, List<String>> byScope;

    private TipCatalog(Map<String, List<String>> byScope) {
        this.byScope = Map.copyOf(byScope);
    }

    static TipCatalog load() {
        Properties p = Resources.properties("tips.properties");
        Map<String, TreeMap<Integer, String>> tmp = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String scope = key.substring(0, dot);
            int n = Integer.parseInt(key.substring(dot + 1));
            tmp.computeIfAbsent(scope, k -> new TreeMap<>()).put(n, p.getProperty(key).trim());
        }
        Map<String, List<String>> out = new TreeMap<>();
        tmp.forEach((k, v) -> out.put(k, List.copyOf(v.values())));
        return new TipCatalog(out);
    }

    List<String> scope(String scope) {
        return byScope.getOrDefault(scope, List.of());
    }

    Map<String, List<String>> all() {
        return byScope;
    }

    /** Tips most specific first, without duplicates, placeholders filled. */
    List<String> tips(String blocklist, String provider, Category category, String ruleId, Map<String, String> vars) {
        return tips(blocklist, provider, category, ruleId, vars, false);
    }

    /** As above; for an inbound rejection the receiver-side {@code inbound.<category>} tips come first. */
    List<String> tips(String blocklist, String provider, Category category, String ruleId, Map<String, String> vars,
                      boolean inbound) {
        List<String> out = new ArrayList<>();
        if (inbound) {
            add(out, scope("inbound." + category.id()), vars);
        }
        if (!blocklist.isEmpty()) {
            add(out, scope("blocklist." + blocklist), vars);
        }
        if (!provider.isEmpty()) {
            add(out, scope("provider." + provider + "." + category.id()), vars);
        }
        if (!ruleId.isEmpty()) {
            add(out, scope("rule." + ruleId), vars);
        }
        add(out, scope("category." + category.id()), vars);
        if (!provider.isEmpty()) {
            add(out, scope("provider." + provider), vars);
        }
        return out;
    }

    private static void add(List<String> out, List<String> tips, Map<String, String> vars) {
        for (String t : tips) {
            String s = t;
            for (Map.Entry<String, String> e : vars.entrySet()) {
                s = s.replace("{" + e.getKey() + "}", e.getValue());
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
    }
}
