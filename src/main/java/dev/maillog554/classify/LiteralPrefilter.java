package dev.maillog554.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells, in one pass over a reply text, which rules can possibly match it, so that the classifier runs the
 * regular expressions of those few rules only.
 *
 * <p>Why it is shaped so: the rules are some two hundred ordered regexes, and a rejection whose text was never
 * seen before (most of them: replies carry queue ids, IPs and timestamps) used to run them one by one until the
 * first match. Every alternative of a rule's pattern contains a literal that any match must contain (the longest
 * run of plain characters outside groups, classes and quantifiers: {@code "authenticate "} in
 * {@code authenticate (?:their email )?with spf}). One Aho-Corasick automaton over all those literals finds
 * every one present in the text in a single linear scan; a rule none of whose literals is present cannot match
 * and is skipped. The filter is exact, never heuristic: a rule is skipped only when its regex could not have
 * matched, so the first matching rule is the same as without it ({@code LiteralPrefilterTest} checks that on
 * the real corpora). Rules with no text pattern, or an alternative without a usable literal, are always run.
 *
 * <p>A rule that passes is then searched by its alternatives whose literal was found, each compiled on its own
 * ({@link #find}): a search for {@code a|b|c|...} tries every alternative at every position of the text, and
 * the long alternations (the blocklist and unknown-user wordings) were most of the classifier's time.
 */
final class LiteralPrefilter {

    /**
     * The filter works on units: a pattern whose alternatives all have a literal is one unit per alternative,
     * any other pattern is one unit. Pattern i's units are {@code unitStart[i]} up to {@code unitStart[i + 1]}.
     */
    private final int[] unitStart;
    /** Per unit, the regex it runs: one alternative of a pattern, or the whole pattern; null for any text. */
    private final Pattern[] unitPattern;
    private final int words;
    /** Units that must always be run: no text pattern, or an alternative with no required literal. */
    private final long[] always;
    /** Each char's column in {@link #next}; 0 for chars that occur in no literal. */
    private final char[] column = new char[Character.MAX_VALUE + 1];
    private final int width;
    /** The automaton as a complete transition table: state * width + column. */
    private final int[] next;
    /** Per state, the units whose literal ends here (directly or via its failure links); null for none. */
    private final long[][] found;

    private LiteralPrefilter(int[] unitStart, Pattern[] unitPattern, long[] always, List<List<String>> literals) {
        this.unitStart = unitStart;
        this.unitPattern = unitPattern;
        this.words = (unitPattern.length + 63) / 64;
        this.always = always;
        int cols = 1;
        for (List<String> ls : literals) {
            for (String l : ls) {
                for (int i = 0; i < l.length(); i++) {
                    if (column[l.charAt(i)] == 0) {
                        column[l.charAt(i)] = (char) cols++;
                    }
                }
            }
        }
        this.width = cols;
        // the trie, then breadth-first failure links folded into a complete transition table
        List<int[]> goTo = new ArrayList<>();
        List<long[]> out = new ArrayList<>();
        goTo.add(new int[width]);
        out.add(null);
        for (int unit = 0; unit < literals.size(); unit++) {
            for (String l : literals.get(unit)) {
                int s = 0;
                for (int i = 0; i < l.length(); i++) {
                    int c = column[l.charAt(i)];
                    if (goTo.get(s)[c] == 0) {
                        goTo.get(s)[c] = goTo.size();
                        goTo.add(new int[width]);
                        out.add(null);
                    }
                    s = goTo.get(s)[c];
                }
                if (out.get(s) == null) {
                    out.set(s, new long[words]);
                }
                out.get(s)[unit >>> 6] |= 1L << unit;
            }
        }
        int states = goTo.size();
        int[] fail = new int[states];
        this.next = new int[states * width];
        this.found = new long[states][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            long[] own = out.get(s);
            long[] inherited = s == 0 ? null : found[fail[s]];
            found[s] = union(own, inherited);
            for (int c = 1; c < width; c++) {
                int child = goTo.get(s)[c];
                if (child != 0) {
                    fail[child] = s == 0 ? 0 : next[fail[s] * width + c];
                    next[s * width + c] = child;
                    queue.add(child);
                } else {
                    next[s * width + c] = s == 0 ? 0 : next[fail[s] * width + c];
                }
            }
        }
    }

    /** Builds the filter for the rules in order; a null pattern means the rule looks at no text. */
    static LiteralPrefilter of(List<Pattern> patterns) {
        int[] start = new int[patterns.size() + 1];
        List<Pattern> units = new ArrayList<>();
        List<List<String>> literals = new ArrayList<>();
        for (int rule = 0; rule < patterns.size(); rule++) {
            start[rule] = units.size();
            Pattern p = patterns.get(rule);
            List<String> required = p == null || p.flags() != 0 || hasInlineFlag(p.pattern(), "x")
                    ? null : requiredLiterals(p.pattern());
            if (required == null) {
                units.add(p);
                literals.add(null);
            } else if (required.size() == 1 || hasInlineFlag(p.pattern(), "")) {
                // an inline flag would apply to the alternatives after it: leave such a pattern whole
                units.add(p);
                literals.add(required);
            } else {
                List<String> alternatives = alternatives(p.pattern());
                for (int a = 0; a < alternatives.size(); a++) {
                    units.add(Pattern.compile(alternatives.get(a)));
                    literals.add(List.of(required.get(a)));
                }
            }
        }
        start[patterns.size()] = units.size();
        long[] always = new long[(units.size() + 63) / 64];
        for (int u = 0; u < units.size(); u++) {
            if (literals.get(u) == null) {
                always[u >>> 6] |= 1L << u;
                literals.set(u, List.of());
            }
        }
        return new LiteralPrefilter(start, units.toArray(new Pattern[0]), always, literals);
    }

    /**
     * Whether the regex sets a flag inline, such as {@code (?i)} or {@code (?x:...)}; with {@code only} not empty,
     * whether it sets that one ({@code (?x)} makes spaces insignificant, so the pattern's text is no longer its
     * literals).
     */
    private static boolean hasInlineFlag(String regex, String only) {
        for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 2)) {
            for (int j = i + 2; j < regex.length() && (Character.isLetter(regex.charAt(j))
                    || regex.charAt(j) == '-'); j++) {
                if (only.isEmpty() || only.indexOf(regex.charAt(j)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether pattern i may match the text of these {@link #candidates}: some unit of it is a candidate. */
    boolean mayMatch(long[] candidates, int i) {
        for (int u = unitStart[i]; u < unitStart[i + 1]; u++) {
            if (has(candidates, u)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether pattern i is found in the text these {@link #candidates} came from, searching only its units whose
     * literal occurs there: the same answer as the whole pattern's {@code find()}. A null pattern is found in any
     * text.
     */
    boolean find(long[] candidates, int i, String text) {
        for (int u = unitStart[i]; u < unitStart[i + 1]; u++) {
            if (has(candidates, u) && (unitPattern[u] == null || unitPattern[u].matcher(text).find())) {
                return true;
            }
        }
        return false;
    }

    /** The units (bit u for unit u) that may match the text; every other unit certainly does not. */
    long[] candidates(String text) {
        long[] hit = always.clone();
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            s = next[s * width + column[text.charAt(i)]];
            long[] f = found[s];
            if (f != null) {
                for (int w = 0; w < words; w++) {
                    hit[w] |= f[w];
                }
            }
        }
        return hit;
    }

    private static boolean has(long[] set, int unit) {
        return (set[unit >>> 6] & 1L << unit) != 0;
    }

    /**
     * One literal per top-level alternative that every match of that alternative contains, or null when some
     * alternative has none (then the rule cannot be filtered).
     */
    static List<String> requiredLiterals(String regex) {
        List<String> out = new ArrayList<>();
        for (String alt : alternatives(regex)) {
            String lit = longestLiteral(alt);
            if (lit == null || lit.isEmpty()) {
                return null;
            }
            out.add(lit);
        }
        return out;
    }

    /** The pattern split at its top-level {@code |}. */
    static List<String> alternatives(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        out.add(regex.substring(from));
        return out;
    }

    /**
     * The longest run of plain characters in a branch with no top-level {@code |}; null when the branch uses
     * syntax this reader does not follow ({@code \Q}, back references), so the rule is never filtered.
     */
    static String longestLiteral(String alt) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < alt.length()) {
            char c = alt.charAt(i);
            String literal = null;
            int end;
            if (c == '\\') {
                if (i + 1 >= alt.length()) {
                    return null;
                }
                char e = alt.charAt(i + 1);
                end = i + 2;
                if (e == 'Q' || e == 'E' || e == 'k' || Character.isDigit(e)) {
                    return null;
                } else if (e == 'p' || e == 'P') {
                    end = end < alt.length() && alt.charAt(end) == '{' ? alt.indexOf('}', end) + 1 : end + 1;
                } else if (e == 'x' || e == 'u' || e == 'c' || e == 'N') {
                    return null; // code points written as escapes: rare, not worth decoding here
                } else if (!Character.isLetter(e)) {
                    literal = String.valueOf(e); // an escaped metacharacter: \. \( \[ \- \/
                }
                // other letters are classes, boundaries or control escapes (\s \b \d \t): not plain text
            } else if (c == '[') {
                end = classEnd(alt, i);
            } else if (c == '(') {
                end = groupEnd(alt, i);
            } else if (c == '.' || c == '^' || c == '$') {
                end = i + 1;
            } else if (c == '?' || c == '*' || c == '+' || c == '{' || c == ')' || c == '|') {
                return null; // a quantifier with nothing before it, or unbalanced: leave the rule unfiltered
            } else {
                literal = String.valueOf(c);
                end = i + 1;
            }
            int afterQuantifier = quantifierEnd(alt, end);
            if (literal != null && afterQuantifier == end) {
                run.append(literal);
            } else {
                // a quantified atom may repeat or vanish, and a class, group or boundary is not plain text:
                // either way the run of adjacent plain characters ends here
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
            i = afterQuantifier;
        }
        return run.length() > best.length() ? run.toString() : best;
    }

    /** Index after the quantifier starting at i (with a lazy or possessive suffix), or i when there is none. */
    private static int quantifierEnd(String re, int i) {
        if (i >= re.length()) {
            return i;
        }
        char c = re.charAt(i);
        int end;
        if (c == '?' || c == '*' || c == '+') {
            end = i + 1;
        } else if (c == '{' && re.indexOf('}', i) > i) {
            end = re.indexOf('}', i) + 1;
        } else {
            return i;
        }
        return end < re.length() && (re.charAt(end) == '?' || re.charAt(end) == '+') ? end + 1 : end;
    }

    /** Index after the character class opening at i ({@code []...]} and {@code [^]...]} included). */
    private static int classEnd(String re, int i) {
        int j = i + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++;
        }
        int depth = 1;
        for (; j < re.length(); j++) {
            char c = re.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return j + 1;
            }
        }
        return re.length();
    }

    /** Index after the group opening at i. */
    private static int groupEnd(String re, int i) {
        int depth = 0;
        for (int j = i; j < re.length(); j++) {
            char c = re.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                j = classEnd(re, j) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
        }
        return re.length();
    }

    private long[] union(long[] a, long[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        long[] u = Arrays.copyOf(a, words);
        for (int w = 0; w < words; w++) {
            u[w] |= b[w];
        }
        return u;
    }
}
