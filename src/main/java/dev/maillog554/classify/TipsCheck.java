package dev.maillog554.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tips.properties half of {@link RulesCheck}: each key ends in a number and names a scope whose rule,
 * provider, blocklist or category exists, each value has text (or hides a shipped tip) and only known
 * placeholders.
 */
final class TipsCheck {

    private static final Pattern TIP_KEY = Pattern.compile("(.+)\\.([1-9][0-9]{0,5})");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{0,40})}");
    private static final Set<String> TIP_VALUES = Set.of("ip", "reversed_ip", "domain", "recipient_domain", "listed");

    private final ClassifyData data;
    private final Set<String> categories;
    private final Set<String> providers;
    private final Set<String> blocklists;
    private final Set<String> rules;

    TipsCheck(ClassifyData data, Set<String> categories, Set<String> providers, Set<String> blocklists,
              Set<String> rules) {
        this.data = data;
        this.categories = categories;
        this.providers = providers;
        this.blocklists = blocklists;
        this.rules = rules;
    }

    /** The scopes with at least one tip that has text, e.g. {@code category.spf}. */
    static Set<String> tipped(ClassifyData data) {
        Set<String> out = new HashSet<>();
        for (DataFile.Tip t : data.tips()) {
            Matcher k = TIP_KEY.matcher(t.key());
            if (k.matches() && !t.value().isEmpty()) {
                out.add(k.group(1));
            }
        }
        return out;
    }

    /** Adds the problems of one tip to {@code out}. */
    void tip(DataFile.Tip t, List<RuleProblem> out) {
        Matcher k = TIP_KEY.matcher(t.key());
        if (!k.matches()) {
            out.add(t.problem("key '" + t.key() + "' does not end in .<number> (1, 2, ...: the order of the tips)"));
            return;
        }
        String scope = k.group(1);
        String why = scope(scope);
        if (why != null) {
            out.add(t.problem("key '" + t.key() + "': " + why));
        }
        if (t.value().isEmpty() && !data.hidesShippedTip(t)) {
            out.add(t.problem("key '" + t.key() + "' has no text (an empty value only hides a shipped tip)"));
        }
        Matcher m = PLACEHOLDER.matcher(t.value());
        while (m.find()) {
            if (!TIP_VALUES.contains(m.group(1))) {
                out.add(t.problem("unknown placeholder {" + m.group(1) + "}: use {ip}, {reversed_ip}, {domain}, "
                        + "{recipient_domain} or {listed}"));
            }
        }
    }

    // why a tip scope names nothing that exists, or null
    private String scope(String scope) {
        if (TipCatalog.INBOUND.equals(scope)) {
            return null;
        }
        int dot = scope.indexOf('.');
        String kind = dot < 0 ? scope : scope.substring(0, dot);
        String rest = dot < 0 ? "" : scope.substring(dot + 1);
        switch (kind) {
            case "blocklist":
                return blocklists.contains(rest) ? null : "blocklist '" + rest + "' is not in "
                        + ClassifyData.BLOCKLISTS;
            case "rule":
                return rules.contains(rest) ? null : "rule '" + rest + "' is not in " + ClassifyData.RULES;
            case "category":
            case "inbound":
                return categories.contains(rest) ? null : "category '" + rest + "' is not in "
                        + ClassifyData.CATEGORIES;
            case "provider":
                int d = rest.indexOf('.');
                String provider = d < 0 ? rest : rest.substring(0, d);
                if (!providers.contains(provider)) {
                    return "provider '" + provider + "' is not in " + ClassifyData.PROVIDERS;
                }
                return d < 0 || categories.contains(rest.substring(d + 1)) ? null
                        : "category '" + rest.substring(d + 1) + "' is not in " + ClassifyData.CATEGORIES;
            default:
                return "unknown scope '" + kind + "': use blocklist.<id>, provider.<id>, provider.<id>.<category>, "
                        + "rule.<id>, category.<id>, inbound or inbound.<category>";
        }
    }
}
