package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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

    @Test
    void linterCatchesTheClassicShapes() {
        assertTrue(RegexLint.nestedQuantifier("(a+)+") != null);
        assertTrue(RegexLint.nestedQuantifier("(?:x.*)*") != null);
        assertTrue(RegexLint.nestedQuantifier("(a|b{1,3})+") != null);
        assertTrue(RegexLint.nestedQuantifier("(?:\\w+ )+x") != null);
        assertTrue(RegexLint.nestedQuantifier("(\\d+)*") != null);
        assertTrue(RegexLint.nestedQuantifier("(?:\\p{L}{1,9} ){0,3}") == null);
        assertTrue(RegexLint.nestedQuantifier("(?:\\.\\d{1,3}){3}") == null);
        assertTrue(RegexLint.nestedQuantifier("foo [a-z]+ bar") == null);
    }

    @Test
    void noNestedQuantifiers() {
        List<String> bad = new ArrayList<>();
        for (Pattern p : allPatterns()) {
            String why = RegexLint.nestedQuantifier(p.pattern());
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
