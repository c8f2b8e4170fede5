package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The rule prefilter skips a rule only when its regex cannot match: checked on every real text we ship. */
class LiteralPrefilterTest {

    @Test
    void requiredLiteralsOfTheShapesTheRulesUse() {
        assertEquals(List.of("authenticate "),
                LiteralPrefilter.requiredLiterals("authenticate (?:their email )?with spf"));
        assertEquals(List.of("try again"), LiteralPrefilter.requiredLiterals("try again\\)?$"));
        assertEquals(List.of("spam", "unsolicited"), LiteralPrefilter.requiredLiterals("\\bspam|unsolicited"));
        assertEquals(List.of("5322"), LiteralPrefilter.requiredLiterals("rfc ?5322"));
        assertEquals(List.of("(s3150)", "part of"), LiteralPrefilter.requiredLiterals("\\(s3150\\)|part of"));
        assertEquals(List.of("_104"), LiteralPrefilter.requiredLiterals("\\b(?:ofr|lpn)[0-9a-z]{0,6}_104\\b"));
        assertEquals(List.of("mailbox"), LiteralPrefilter.requiredLiterals("mailbox.{0,40} full"));
        assertEquals(List.of("user "), LiteralPrefilter.requiredLiterals("user [^ ]{1,256} (?:was|does)"));
        assertEquals(List.of("ab"), LiteralPrefilter.requiredLiterals("abc+"), "a quantified char is optional");
        // an alternative with no plain text at all: the rule cannot be filtered
        assertNull(LiteralPrefilter.requiredLiterals("spam|(?:groupe|gruppe)[^.]{0,3}"));
        assertNull(LiteralPrefilter.requiredLiterals("\\Qa|b\\E"));
        assertEquals(List.of("(?:a|b)c", "[|]"), LiteralPrefilter.alternatives("(?:a|b)c|[|]"));
    }

    @Test
    void findsLiteralsAnywhereIncludingOverlaps() {
        LiteralPrefilter f = LiteralPrefilter.of(List.of(Pattern.compile("abcd"), Pattern.compile("bc"),
                Pattern.compile("x|cdz"), Pattern.compile("(?:a|b)")));
        long[] c = f.candidates("zabcdz");
        assertTrue(f.mayMatch(c, 0));
        assertTrue(f.mayMatch(c, 1));
        assertTrue(f.mayMatch(c, 2), "cdz overlaps abcd");
        assertTrue(f.mayMatch(c, 3), "no literal: always a candidate");
        assertTrue(f.find(c, 2, "zabcdz"), "the alternative whose literal occurs is searched");
        long[] none = f.candidates("abd cz é");
        assertFalse(f.mayMatch(none, 0));
        assertFalse(f.mayMatch(none, 1));
        assertFalse(f.mayMatch(none, 2));
        assertFalse(f.find(none, 2, "abd cz é"));
    }

    /**
     * Soundness on real texts: whenever a rule's regex finds a match in a line, the prefilter lists the rule.
     * Every reply text and log line under fixtures/ is tried, whole and from its reply code on.
     */
    @Test
    void neverSkipsARuleThatMatchesARealText() throws IOException {
        RuleSet rules = Classifier.load().rules();
        LiteralPrefilter f = LiteralPrefilter.of(rules.rules().stream().map(Rule::text).toList());
        Set<String> exercised = new HashSet<>();
        List<String> missed = new ArrayList<>();
        int texts = 0;
        for (String line : fixtureLines()) {
            String t = line.toLowerCase(Locale.ROOT);
            texts++;
            long[] c = f.candidates(t);
            for (int i = 0; i < rules.rules().size(); i++) {
                Rule r = rules.rules().get(i);
                if (r.text() == null) {
                    continue;
                }
                boolean found = r.text().matcher(t).find();
                if (found) {
                    exercised.add(r.id());
                    if (!f.mayMatch(c, i)) {
                        missed.add(r.id() + ": " + t);
                    }
                }
                // searching the alternatives whose literal occurs answers as the whole pattern does
                if (f.mayMatch(c, i) && f.find(c, i, t) != found) {
                    missed.add(r.id() + " (alternatives): " + t);
                }
            }
        }
        assertTrue(missed.isEmpty(), String.join("\n", missed));
        assertTrue(texts > 10_000, "texts tried: " + texts);
        assertTrue(exercised.size() >= 90, "only " + exercised.size() + " rules ever matched; a weak check");
    }

    /** Whole diagnoses: the filtered search picks the same rule as trying every rule in order. */
    @Test
    void firstMatchingRuleIsUnchanged() throws IOException {
        RuleSet rules = Classifier.load().rules();
        int compared = 0;
        for (String line : fixtureLines()) {
            String t = line.toLowerCase(Locale.ROOT);
            for (String[] codes : new String[][] {{"554", "5.7.1", ""}, {"550", "", "RCPT"}}) {
                Rule.Probe p = new Rule.Probe(codes[0], codes[1], codes[2], "", t);
                assertEquals(rules.firstByEveryRule(p), rules.firstUncached(p), t);
                compared++;
            }
        }
        assertTrue(compared > 20_000, "probes compared: " + compared);
    }

    static List<String> fixtureLines() throws IOException {
        Path root = Path.of("src/test/resources/fixtures");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".tsv")
                            || p.toString().endsWith(".psv"))
                    .flatMap(LiteralPrefilterTest::lines)
                    .toList();
        }
    }

    private static Stream<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(p.toString(), e);
        }
    }
}
