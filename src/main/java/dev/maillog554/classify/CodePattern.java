package dev.maillog554.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A reply-code or enhanced-code pattern from rules.csv: {@code *}, {@code 554}, {@code 5xx}, {@code 5.7.1},
 * {@code 5.7.*}, {@code *.7.26}, and alternatives joined by {@code |}. Parsed once when the rules load, because
 * the classifier tests every rule's codes for every rejection.
 */
final class CodePattern {

    private static final CodePattern ANY = new CodePattern(null);

    /** The alternatives, each split at its dots; null accepts every code, even an empty one. */
    private final List<String[]> alternatives;

    private CodePattern(List<String[]> alternatives) {
        this.alternatives = alternatives;
    }

    static CodePattern parse(String pattern) {
        if (pattern.isEmpty() || "*".equals(pattern)) {
            return ANY;
        }
        return new CodePattern(Arrays.stream(pattern.split("\\|"))
                .map(alt -> alt.trim().toLowerCase(Locale.ROOT).split("\\.")).toList());
    }

    /** True when the pattern accepts the code; an empty code only matches {@code *}. */
    boolean matches(String code) {
        if (alternatives == null) {
            return true;
        }
        if (code == null || code.isEmpty()) {
            return false;
        }
        for (String[] alt : alternatives) {
            if (alt.length == 1 && code.indexOf('.') < 0 ? replyMatches(alt[0], code) : enhancedMatches(alt, code)) {
                return true;
            }
        }
        return false;
    }

    // a reply code: 'x' stands for any digit
    private static boolean replyMatches(String alt, String code) {
        if (alt.length() != code.length()) {
            return false;
        }
        for (int i = 0; i < alt.length(); i++) {
            char a = alt.charAt(i);
            if (a != 'x' && a != code.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // an enhanced code: '*' is one part, or any rest when it is the last part. This runs for most rules on every
    // rejection, so a code whose parts are all non-empty (every code a parser finds) is walked in place; others
    // take the general path, whose String.split drops trailing empty parts.
    private static boolean enhancedMatches(String[] ps, String code) {
        int n = code.length();
        if (code.charAt(0) == '.' || code.charAt(n - 1) == '.' || code.contains("..")) {
            return enhancedMatchesSplit(ps, code);
        }
        int parts = 1;
        for (int i = 0; i < n; i++) {
            if (code.charAt(i) == '.') {
                parts++;
            }
        }
        int from = 0;
        for (int i = 0; i < ps.length; i++) {
            if ("*".equals(ps[i]) && i == ps.length - 1) {
                return parts >= i;
            }
            if (i >= parts) {
                return false;
            }
            int dot = code.indexOf('.', from);
            int end = dot < 0 ? n : dot;
            if (!"*".equals(ps[i]) && !(ps[i].length() == end - from && code.startsWith(ps[i], from))) {
                return false;
            }
            from = end + 1;
        }
        return ps.length == parts;
    }

    static boolean enhancedMatchesSplit(String[] ps, String code) {
        String[] cs = code.split("\\.");
        for (int i = 0; i < ps.length; i++) {
            if ("*".equals(ps[i]) && i == ps.length - 1) {
                return cs.length >= i;
            }
            if (i >= cs.length) {
                return false;
            }
            if (!"*".equals(ps[i]) && !ps[i].equals(cs[i])) {
                return false;
            }
        }
        return ps.length == cs.length;
    }
}
