package dev.maillog554.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case-insensitive patterns from a data file, tried in order on a text: the first that matches wins.
 *
 * <p>Shaped like the rules (see {@link RuleSet#lowerLiterals} and {@link LiteralPrefilter}): the patterns are
 * compiled with their literals in lower case and searched in the lower-cased text, and one pass of the literal
 * prefilter skips those that cannot match, instead of a {@code CASE_INSENSITIVE} search per pattern per
 * rejection.
 */
final class FoldedPatterns {

    private final List<Pattern> patterns;
    private final LiteralPrefilter prefilter;

    private FoldedPatterns(List<Pattern> patterns) {
        this.patterns = patterns;
        this.prefilter = LiteralPrefilter.of(patterns);
    }

    /** Compiles each pattern (null or empty: one that never matches), keeping their order. */
    static FoldedPatterns of(List<String> regexes) {
        return new FoldedPatterns(regexes.stream()
                .map(r -> r == null || r.isEmpty() ? null : Pattern.compile(RuleSet.lowerLiterals(r)))
                .toList());
    }

    /** The compiled pattern at {@code i}, or null. */
    Pattern get(int i) {
        return patterns.get(i);
    }

    /** Index of the first pattern found in the text, or -1. */
    int first(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long[] candidates = prefilter.candidates(lower);
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            if (p != null && prefilter.find(candidates, i, lower)) {
                return i;
            }
        }
        return -1;
    }
}
