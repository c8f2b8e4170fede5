package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.maillog554.aggregate.Aggregator;
import dev.maillog554.classify.Category;
import dev.maillog554.parse.Direction;

class MetricsFileTest {

    @Test
    void sumsOverDomainsAndEscapesLabelValues() {
        Aggregator agg = new Aggregator(ZoneOffset.UTC);
        agg.add(SampleCounts.rejection("2026-11-26T08:00:00Z", Direction.OUTBOUND, "a@example.net", "5.7.1", "x",
                new Category("blocklisted"), 1));
        agg.add(SampleCounts.rejection("2026-11-26T08:01:00Z", Direction.OUTBOUND, "b@example.org", "5.7.1", "y",
                new Category("blocklisted"), 2));
        agg.add(SampleCounts.rejection("2026-11-26T08:02:00Z", Direction.INBOUND, "c@example.com", "5.7.\"1\\",
                "z", new Category("relay-denied"), 3));
        String text = MetricsFile.render(MetricsFile.Run.of(agg.result(), 40, 1, 0, Duration.ofMillis(1500),
                Instant.parse("2026-11-26T09:00:00Z"), 0), 1.7e9);
        List<String> lines = text.lines().filter(l -> l.startsWith("maillog554_rejections{")).toList();
        assertEquals(List.of(
                "maillog554_rejections{direction=\"inbound\",category=\"relay-denied\",reply_code=\"554\","
                        + "enhanced_code=\"5.7.\\\"1\\\\\"} 1",
                "maillog554_rejections{direction=\"outbound\",category=\"blocklisted\",reply_code=\"554\","
                        + "enhanced_code=\"5.7.1\"} 2"), lines);
        assertTrue(text.contains("\nmaillog554_run_duration_seconds 1.500\n"), text);
        assertTrue(text.contains("\nmaillog554_last_success_timestamp_seconds 1700000000.000\n"), text);
        assertTrue(text.contains("# TYPE maillog554_lines_read gauge\nmaillog554_lines_read 40\n"), text);
    }
}
