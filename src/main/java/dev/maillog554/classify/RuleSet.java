package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The ordered rules from rules.csv (a classify folder's first, then the shipped ones); the first that matches wins. */
final class RuleSet {

    private final List<Rule> rules;

    /** Rule decisions kept by probe; the same reply text reaches many recipients of many domains. */
    static final int CACHE_SIZE = 8192;

    private final Map<Rule.Probe, Optional<Rule>> decided = new LinkedHashMap<>(CACHE_SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Rule.Probe, Optional<Rule>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final LiteralPrefilter prefilter;

    private RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.prefilter = LiteralPrefilter.of(this.rules.stream().map(Rule::text).toList());
    }

    /** The rules of rows already checked (see {@link RulesCheck}), in their order. */
    static RuleSet of(List<DataFile.Row> rows) {
        List<Rule> out = new ArrayList<>();
        for (DataFile.Row r : rows) {
            out.add(Rule.of(r.get("id"), new Category(r.get("category")), r.get("reply"), r.get("enhanced"),
                    r.get("stage"), r.get("provider"), textPattern(r.get("text"))));
        }
        return new RuleSet(out);
    }

    /** A rule's text column compiled as the classifier searches it; null for any text (empty or {@code *}). */
    static Pattern textPattern(String text) {
        return text.isEmpty() || "*".equals(text) ? null : Pattern.compile(lowerLiterals(text));
    }

    /**
     * The pattern with its literal letters in lower case, escapes left alone ({@code \\S} must stay {@code \\S}).
     *
     * <p>Rules are written case-insensitively. Matching them against text lower-cased once is several times
     * faster than {@code CASE_INSENSITIVE | UNICODE_CASE}, which folds every character of every attempt: the
     * classifier runs some two hundred rules per rejection, and a run can find a million rejections.
     */
    static String lowerLiterals(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(i + 1);
                b.append(c).append(next);
                i++;
                if ((next == 'p' || next == 'P') && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                    int close = pattern.indexOf('}', i);
                    b.append(pattern, i + 1, close + 1);
                    i = close;
                }
            } else {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** The first rule that matches; the probe's text must be lower case (see {@link #lowerLiterals}). */
    Rule first(Rule.Probe probe) {
        Optional<Rule> known;
        synchronized (decided) {
            known = decided.get(probe);
        }
        if (known == null) {
            known = Optional.ofNullable(firstUncached(probe));
            synchronized (decided) {
                decided.put(probe, known);
            }
        }
        return known.orElse(null);
    }

    // Only the rules whose required literals occur in the text can match, and only the alternatives whose
    // literal occurs need searching (see LiteralPrefilter).
    Rule firstUncached(Rule.Probe probe) {
        long[] candidates = prefilter.candidates(probe.text());
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (prefilter.mayMatch(candidates, i) && r.matchesAllButText(probe)
                    && prefilter.find(candidates, i, probe.text())) {
                return r;
            }
        }
        return null;
    }

    /** The first matching rule found by trying every rule in order, with no filter: the reference. */
    Rule firstByEveryRule(Rule.Probe probe) {
        return rules.stream().filter(r -> r.matches(probe)).findFirst().orElse(null);
    }

    List<Rule> rules() {
        return rules;
    }
}
