package dev.maillog554.classify;

import java.util.List;
import java.util.Objects;

/**
 * The cause of one rejection and what to do about it.
 *
 * @param category  the cause
 * @param ruleId    id of the rule that decided it, for tracing; empty for the fallback
 * @param provider  id of the receiving provider or gateway (e.g. {@code google}, {@code microsoft}), or empty
 * @param blocklist id of the blocklist the text names (e.g. {@code spamhaus-zen}), or empty
 * @param listed    what the blocklist lists (the IP or domain from the text), or empty
 * @param tips      remediation tips, most specific first, with lookups already filled in
 */
public record Diagnosis(Category category, String ruleId, String provider, String blocklist, String listed,
                       List<String> tips) {

    public Diagnosis {
        Objects.requireNonNull(category, "category");
        ruleId = ruleId == null ? "" : ruleId;
        provider = provider == null ? "" : provider;
        blocklist = blocklist == null ? "" : blocklist;
        listed = listed == null ? "" : listed;
        tips = tips == null ? List.of() : List.copyOf(tips);
    }
}
