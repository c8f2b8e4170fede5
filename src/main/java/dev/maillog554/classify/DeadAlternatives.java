package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds alternatives of a rule's text that can never decide a rejection: every text they match also contains a
 * plain alternative of the same rule, or of an earlier rule of the same file that looks at the text alone (its
 * codes, stage and provider are all {@code *}) and so is tried first. Such an alternative misleads a reader (the
 * rule seems to cover wording that another rule or alternative decides) and costs the prefilter a literal.
 *
 * <p>Exact, never a guess: an alternative counts as covered only when a covering alternative is plain text and
 * occurs inside the literal that {@link LiteralPrefilter} proves every match of it contains.
 */
final class DeadAlternatives {

    /** A plain alternative of a rule that decides on its text alone. */
    private record Cover(String text, String ruleId, long line) {
    }

    private DeadAlternatives() {
    }

    /** The problems of one file's rules, in order. */
    static List<RuleProblem> find(List<DataFile.Row> rules) {
        List<RuleProblem> out = new ArrayList<>();
        List<Cover> earlier = new ArrayList<>();
        for (DataFile.Row r : rules) {
            List<String> alts = alternatives(r.get("text"));
            for (int a = 0; a < alts.size(); a++) {
                String literal = LiteralPrefilter.longestLiteral(alts.get(a));
                if (literal == null || literal.isEmpty()) {
                    continue;
                }
                String why = sameRule(alts, a, literal);
                if (why == null) {
                    why = earlierRule(earlier, literal);
                }
                if (why != null) {
                    out.add(r.problem("alternative '" + alts.get(a) + "' can never decide: " + why
                            + "; remove it"));
                }
            }
            if (textOnly(r)) {
                for (String alt : alts) {
                    if (plain(alt)) {
                        earlier.add(new Cover(alt, r.get("id"), r.line()));
                    }
                }
            }
        }
        return out;
    }

    private static String sameRule(List<String> alts, int a, String literal) {
        for (int b = 0; b < alts.size(); b++) {
            String other = alts.get(b);
            boolean repeat = other.equals(alts.get(a));
            if (b != a && plain(other) && literal.contains(other) && (!repeat || b < a)) {
                return repeat ? "the same rule already has it"
                        : "'" + other + "' in the same rule matches wherever it does";
            }
        }
        return null;
    }

    private static String earlierRule(List<Cover> earlier, String literal) {
        for (Cover c : earlier) {
            if (literal.contains(c.text())) {
                return "rule '" + c.ruleId() + "' (line " + c.line() + ") matches '" + c.text() + "' first";
            }
        }
        return null;
    }

    /** The top-level alternatives of a rule's text as the classifier searches it; none for an inline flag. */
    private static List<String> alternatives(String text) {
        if (text.isEmpty() || "*".equals(text)) {
            return List.of();
        }
        String lowered = RuleSet.lowerLiterals(text);
        // (?x) or (?i) change what the text of an alternative means: leave such a rule alone
        if (lowered.matches("(?s).*\\(\\?[a-z-].*")) {
            return List.of();
        }
        return LiteralPrefilter.alternatives(lowered);
    }

    private static boolean textOnly(DataFile.Row r) {
        for (String column : List.of("reply", "enhanced", "stage", "provider")) {
            String v = r.get(column);
            if (!v.isEmpty() && !"*".equals(v)) {
                return false;
            }
        }
        return true;
    }

    // no regex syntax at all: the alternative matches exactly the texts that contain it
    private static boolean plain(String alt) {
        if (alt.isEmpty()) {
            return false;
        }
        for (int i = 0; i < alt.length(); i++) {
            if ("\\[](){}?*+.^$|".indexOf(alt.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
