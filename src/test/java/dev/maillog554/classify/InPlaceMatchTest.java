package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The allocation-free code and host matchers must decide exactly as the plain String.split / substring versions
 * they replaced, on the shipped patterns and on random and malformed inputs.
 */
class InPlaceMatchTest {

    private static final List<String> CODE_PATTERNS = List.of("*", "554", "5xx", "5.7.1", "5.7.*", "*.7.26", "5.*",
            "4.7.0|5.7.0", "550|554", "5.7.1|5.7.*", "*.*.*", "5.*.1", "x.7.1");

    @Test
    void enhancedCodesMatchAsWithSplit() {
        Random r = new Random(554);
        String alphabet = "0123457..*x";
        for (String pattern : CODE_PATTERNS) {
            CodePattern p = CodePattern.parse(pattern);
            for (int k = 0; k < 20_000; k++) {
                StringBuilder code = new StringBuilder();
                int len = 1 + r.nextInt(8);
                for (int i = 0; i < len; i++) {
                    code.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                String c = k % 3 == 0 ? r.nextInt(6) + "." + r.nextInt(9) + "." + r.nextInt(30) : code.toString();
                assertEquals(reference(pattern, c), p.matches(c), pattern + " vs " + c);
            }
        }
    }

    // CodePattern.matches as it was, with the split-based enhanced-code test for every code.
    private static boolean reference(String pattern, String code) {
        if (pattern.isEmpty() || "*".equals(pattern)) {
            return true;
        }
        if (code.isEmpty()) {
            return false;
        }
        for (String alt : pattern.split("\\|")) {
            String[] ps = alt.trim().split("\\.");
            boolean hit;
            if (ps.length == 1 && code.indexOf('.') < 0) {
                hit = ps[0].length() == code.length();
                for (int i = 0; hit && i < code.length(); i++) {
                    hit = ps[0].charAt(i) == 'x' || ps[0].charAt(i) == code.charAt(i);
                }
            } else {
                hit = CodePattern.enhancedMatchesSplit(ps, code);
            }
            if (hit) {
                return true;
            }
        }
        return false;
    }

    @Test
    void hostGlobsMatchAsWithSubstrings() {
        Random r = new Random(25);
        List<String> globs = List.of("*.google.com", "mx*.mail.icloud.com", "gmail-smtp-in.l.google.com",
                "*.protection.outlook.com", "mta*.am0.yahoodns.net", "*x", "a*", "*", "*.");
        String alphabet = "abgmxilo.-*";
        for (String glob : globs) {
            for (int k = 0; k < 20_000; k++) {
                String host;
                if (k % 4 == 0) {
                    host = glob.replace("*", k % 8 == 0 ? "" : "mx" + r.nextInt(9) + (k % 16 == 0 ? ".x" : ""))
                            + (r.nextBoolean() ? "." : "");
                } else {
                    StringBuilder b = new StringBuilder();
                    int len = r.nextInt(12);
                    for (int i = 0; i < len; i++) {
                        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                    host = b.toString();
                }
                assertEquals(referenceGlob(glob, host), Providers.globMatches(glob, host), glob + " vs " + host);
            }
        }
    }

    // Providers.globMatches as it was.
    private static boolean referenceGlob(String glob, String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (glob.startsWith("*.")) {
            return h.endsWith(glob.substring(1)) || h.equals(glob.substring(2));
        }
        int star = glob.indexOf('*');
        if (star < 0) {
            return h.equals(glob);
        }
        String head = glob.substring(0, star);
        String tail = glob.substring(star + 1);
        return h.length() >= head.length() + tail.length() && h.startsWith(head) && h.endsWith(tail)
                && h.substring(head.length(), h.length() - tail.length()).indexOf('.') < 0;
    }
}
