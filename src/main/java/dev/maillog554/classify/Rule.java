package dev.maillog554.classify;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of rules.csv, parsed: when the codes, stage, provider and text all match, the rejection gets the
 * category.
 *
 * @param id       stable rule id, shown in diagnoses for tracing
 * @param category the cause it decides
 * @param reply    reply-code pattern ({@code 554}, {@code 5xx}, {@code *})
 * @param enhanced enhanced-code pattern ({@code 5.7.1}, {@code 5.7.*}, {@code *})
 * @param stage    SMTP stage pattern ({@code DATA}, {@code CONNECT|HELO}, {@code !RCPT}, {@code *})
 * @param provider provider id the rule is limited to, or {@code *}
 * @param text     regex searched in the lower-cased reply text (literals lower-cased too), or null for any text
 */
record Rule(String id, Category category, CodePattern reply, CodePattern enhanced, StagePattern stage,
            String provider, Pattern text) {

    static Rule of(String id, Category category, String reply, String enhanced, String stage, String provider,
                   Pattern text) {
        return new Rule(id, category, CodePattern.parse(reply), CodePattern.parse(enhanced),
                StagePattern.parse(stage), provider.isEmpty() ? "*" : provider, text);
    }

    boolean matches(Probe p) {
        return matchesAllButText(p) && (text == null || text.matcher(p.text()).find());
    }

    /** The codes, stage and provider columns, the cheap tests that come before the text's. */
    boolean matchesAllButText(Probe p) {
        return reply.matches(p.reply())
                && enhanced.matches(p.enhanced())
                && stage.matches(p.stage())
                && ("*".equals(provider) || provider.equals(p.provider()));
    }

    /** A stage column: any ({@code *} or empty), a list of stages, or {@code !} and the stages it excludes. */
    record StagePattern(Set<String> stages, boolean negated) {

        static StagePattern parse(String s) {
            if (s.isEmpty() || "*".equals(s)) {
                return new StagePattern(null, false);
            }
            boolean not = s.startsWith("!");
            return new StagePattern(Set.of((not ? s.substring(1) : s).split("\\|")), not);
        }

        boolean matches(String s) {
            return stages == null || (s != null && stages.contains(s)) != negated;
        }
    }

    /** What the rules look at, already normalised. */
    record Probe(String reply, String enhanced, String stage, String provider, String text) {
    }
}
