package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.maillog554.ingest.LogLine;
import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;

/** The scan diagnoses without tips; everything else it stores must equal the full diagnosis. */
class DiagnosisWithoutTipsTest {

    @Test
    void sameCauseProviderAndBlocklistOnEveryFixtureRejection() throws IOException {
        Classifier c = Classifier.load();
        List<RejectionEvent> events = events();
        assertTrue(events.size() > 100, "rejections in the fixtures: " + events.size());
        int withTips = 0;
        for (RejectionEvent e : events) {
            Diagnosis full = c.classify(e);
            Diagnosis lean = c.classify(e, false);
            assertEquals(new Diagnosis(full.category(), full.ruleId(), full.provider(), full.blocklist(),
                    full.listed(), List.of()), lean, e.message());
            withTips += full.tips().isEmpty() ? 0 : 1;
        }
        assertFalse(withTips == 0, "the full diagnoses have tips");
    }

    private static List<RejectionEvent> events() throws IOException {
        LogParser parser = new LogParser();
        List<RejectionEvent> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures"))) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.parse("2027-01-02T00:00:00Z"));
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    parser.parse(new LogLine(log.toString(), i + 1, lines.get(i)), ctx).ifPresent(out::add);
                }
            }
        }
        return out;
    }
}
