package dev.maillog554.classify;

import java.util.regex.Pattern;

/**
 * One line of rules.csv: when the codes, stage, provider and text all match, the rejection gets the category.
 *
 * @param id       stable rule id, shown in diagnoses for tracing
 * @param category the cause it decides
 * @param reply    reply-code pattern ({@code 554}, {@code 5xx}, {@code *})
 * @param enhanced enhanced-code pattern ({@code 5.7.1}, {@code 5.7.*}, {@code *})
 * @param stage    SMTP stage pattern ({@code DATA}, {@code CONNECT|HELO}, {@code !RCPT}, {@code *})
 * @param provider provider id the rule is limited to, or {@code *}
 * @param text     regex searched in the lower-cased reply text (literals lower-cased too), or null for any text
 */
record Rule(String id, Category category, String reply, String enhanced, String stage, String provider,
            Pattern text) {

    boolean matches(Probe p) {
        return CodePattern.matches(reply, p.reply())
                && CodePattern.matches(enhanced, p.enhanced())
                && stageMatches(p.stage())
                && ("*".equals(provider) || provider.isEmpty() || provider.equals(p.provider()))
                && (text == null || text.matcher(p.text()).find());
    }

    private boolean stageMatches(String s) {
        if (stage.isEmpty() || "*".equals(stage)) {
            return true;
        }
        if (stage.startsWith("!")) {
            for (String alt : stage.substring(1).split("\\|")) {
                if (alt.equals(s)) {
                    return false;
                }
            }
            return true;
        }
        for (String alt : stage.split("\\|")) {
            if (alt.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** What the rules look at, already normalised. */
    record Probe(String reply, String enhanced, String stage, String provider, String text) {
    }
}
