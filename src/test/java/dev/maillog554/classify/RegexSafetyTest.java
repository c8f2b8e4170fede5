package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every data-file regex stays linear: no nested unbounded quantifiers, and fast on 100 KB hostile input. */
class RegexSafetyTest {

    static List<Pattern> allPatterns() {
        Classifier c = Classifier.load();
        List<Pattern> out = new ArrayList<>();
        c.rules().rules().forEach(r -> {
            if (r.text() != null) {
                out.add(r.text());
            }
        });
        c.providers().all().forEach(p -> {
            if (p.marker() != null) {
                out.add(p.marker());
            }
        });
        c.blocklists().all().forEach(b -> out.add(b.pattern()));
        return out;
    }

    /**
     * Flags a quantified group that itself contains a quantifier when either of them is unbounded ({@code *},
     * {@code +}, {@code {n,}}), e.g. {@code (a+)+}, {@code (?:x.*)*}, {@code (a|b{1,3})+}.
     */
    static String nestedQuantifier(String re) {
        Deque<boolean[]> stack = new ArrayDeque<>(); // [hasQuantifier, hasUnbounded]
        stack.push(new boolean[2]);
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char ch = re.charAt(i);
            if (ch == '\\') {
                i++;
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
            } else if (ch == ')') {
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

    @Test
    void linterCatchesTheClassicShapes() {
        assertTrue(nestedQuantifier("(a+)+") != null);
        assertTrue(nestedQuantifier("(?:x.*)*") != null);
        assertTrue(nestedQuantifier("(a|b{1,3})+") != null);
        assertTrue(nestedQuantifier("(?:\\.\\d{1,3}){3}") == null);
        assertTrue(nestedQuantifier("foo [a-z]+ bar") == null);
    }

    @Test
    void noNestedQuantifiers() {
        List<String> bad = new ArrayList<>();
        for (Pattern p : allPatterns()) {
            String why = nestedQuantifier(p.pattern());
            if (why != null) {
                bad.add(why);
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void fastOnHostileInput() {
        String[] seeds = {"a", "5", " ", "user unknown ", "5.7.1 ", "[", "(", "@", "AUP#I-1", "spam ", ".",
            "OFR_", "host ", "x."};
        List<Pattern> patterns = allPatterns();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String seed : seeds) {
                String hostile = seed.repeat(100_000 / seed.length() + 1).substring(0, 100_000) + "!";
                for (Pattern p : patterns) {
                    long t0 = System.nanoTime();
                    p.matcher(hostile).find();
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(ms < 2_000, p.pattern() + " took " + ms + " ms on seed '" + seed + "'");
                }
            }
            // the classifier itself caps text, so a whole diagnosis stays fast too
            Classifier.load().classify(554, "5.7.1", "spam ".repeat(20_000), "", "");
        });
    }
}
