package dev.maillog554.classify;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The project's check that a data-file regex cannot backtrack catastrophically: log text is untrusted, and every
 * rule, marker and zone pattern is searched in it. Used by {@code rules check} and by the classifier when it
 * loads a postmaster's own files, so a local rule is held to the same standard as the shipped ones.
 */
final class RegexLint {

    private RegexLint() {
    }

    /**
     * Flags a quantified group that itself contains a quantifier when either of them is unbounded ({@code *},
     * {@code +}, {@code {n,}}), e.g. {@code (a+)+}, {@code (?:x.*)*}, {@code (a|b{1,3})+}; null when the regex
     * has no such group.
     */
    static String nestedQuantifier(String re) {
        Deque<boolean[]> stack = new ArrayDeque<>(); // [hasQuantifier, hasUnbounded]
        stack.push(new boolean[2]);
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char ch = re.charAt(i);
            if (ch == '\\') {
                // an escape is an atom too: \w+ inside a repeated group is the classic (?:\w+ )+
                int end = escapeEnd(re, i);
                if (!inClass && quantifierAt(re, end) != 0) {
                    boolean[] top = stack.peek();
                    top[0] = true;
                    top[1] |= quantifierAt(re, end) == 2;
                }
                i = end - 1;
                continue;
            }
            if (inClass) {
                inClass = ch != ']';
                continue;
            }
            if (ch == '[') {
                inClass = true;
            } else if (ch == '(') {
                stack.push(new boolean[2]);
            } else if (ch == ')' && stack.size() > 1) {
                boolean[] inner = stack.pop();
                int q = quantifierAt(re, i + 1);
                if (q != 0 && inner[0] && (q == 2 || inner[1])) {
                    return "nested quantifier ending at " + i + " in " + re;
                }
                boolean[] outer = stack.peek();
                outer[0] |= inner[0] || q != 0;
                outer[1] |= inner[1] || q == 2;
            } else {
                int q = quantifierAt(re, i + 1);
                if (q != 0 && ch != '*' && ch != '+' && ch != '?' && ch != '}') {
                    boolean[] top = stack.peek();
                    top[0] = true;
                    top[1] |= q == 2;
                }
            }
        }
        return null;
    }

    /** Index after the escape at i: {@code \\w}, {@code \\.}, or {@code \\p{L}}. */
    private static int escapeEnd(String re, int i) {
        if (i + 1 >= re.length()) {
            return re.length();
        }
        char e = re.charAt(i + 1);
        if ((e == 'p' || e == 'P') && i + 2 < re.length() && re.charAt(i + 2) == '{' && re.indexOf('}', i) > 0) {
            return re.indexOf('}', i) + 1;
        }
        return i + 2;
    }

    /** 0 none, 1 bounded ({@code ?}, {@code {n}}, {@code {n,m}}), 2 unbounded. */
    private static int quantifierAt(String re, int i) {
        if (i >= re.length()) {
            return 0;
        }
        char ch = re.charAt(i);
        if (ch == '*' || ch == '+') {
            return 2;
        }
        if (ch == '?') {
            return 1;
        }
        if (ch == '{') {
            int end = re.indexOf('}', i);
            if (end > 0) {
                String body = re.substring(i + 1, end);
                return body.endsWith(",") ? 2 : 1;
            }
        }
        return 0;
    }
}
