package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remediation tips from tips.properties. Keys are {@code <scope>.<n>} with scopes {@code blocklist.<id>},
 * {@code provider.<id>.<category>}, {@code provider.<id>}, {@code rule.<id>}, {@code category.<id>},
 * {@code inbound} (whose move an inbound rejection is, first for every one) and {@code inbound.<category>}
 * (receiver-side steps, next for inbound rejections); values may use {ip}, {reversed_ip}, {domain},
 * {recipient_domain} and {listed}. An empty value is no tip (a classify folder hides a shipped tip so).
 */
final class TipCatalog {

    /** The scope of the tips every inbound rejection starts with. */
    static final String INBOUND = "inbound";

    private final Map<String, List<String>> byScope;

    private TipCatalog(Map<String, List<String>> byScope) {
        this.byScope = Map.copyOf(byScope);
    }

    /** Tips already checked (keys end in a number, see {@link RulesCheck}). */
    static TipCatalog of(List<DataFile.Tip> tips) {
        Map<String, TreeMap<Integer, String>> tmp = new TreeMap<>();
        for (DataFile.Tip t : tips) {
            if (t.value().isEmpty()) {
                continue;
            }
            int dot = t.key().lastIndexOf('.');
            String scope = t.key().substring(0, dot);
            int n = Integer.parseInt(t.key().substring(dot + 1));
            tmp.computeIfAbsent(scope, k -> new TreeMap<>()).put(n, t.value());
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

    /** As above; an inbound rejection's start with the {@code inbound} and {@code inbound.<category>} tips. */
    List<String> tips(String blocklist, String provider, Category category, String ruleId, Map<String, String> vars,
                      boolean inbound) {
        List<String> out = new ArrayList<>();
        if (inbound) {
            add(out, scope(INBOUND), vars);
            add(out, scope(INBOUND + "." + category.id()), vars);
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
