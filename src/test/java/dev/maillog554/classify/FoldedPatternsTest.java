package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Blocklist zones and provider markers, searched lower-cased behind the literal prefilter, find the same entry
 * as the data file's patterns searched case-insensitively, on every real line and reply text we ship.
 */
class FoldedPatternsTest {

    @Test
    void blocklistsAndProviderMarkersMatchAsCaseInsensitiveSearchesDo() throws IOException {
        List<String> lines = LiteralPrefilterTest.fixtureLines();
        int found = 0;
        for (String[] file : new String[][] {{"blocklists.csv", "pattern"}, {"providers.csv", "markers"}}) {
            List<String> regexes = Resources.csv(file[0]).stream().map((CSVRecord r) -> r.get(file[1])).toList();
            List<Pattern> reference = regexes.stream()
                    .map(r -> r.isEmpty() ? null : Pattern.compile(r, Pattern.CASE_INSENSITIVE)).toList();
            FoldedPatterns folded = FoldedPatterns.of(regexes);
            for (String line : lines) {
                int expected = -1;
                for (int i = 0; i < reference.size() && expected < 0; i++) {
                    if (reference.get(i) != null && reference.get(i).matcher(line).find()) {
                        expected = i;
                    }
                }
                assertEquals(expected, folded.first(line), file[0] + ": " + line);
                found += expected >= 0 ? 1 : 0;
            }
        }
        assertTrue(found > 100, "lines naming a list or provider: " + found);
    }
}
