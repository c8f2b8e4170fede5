package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.maillog554.aggregate.Aggregator;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.Tally;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Rejection;
import dev.maillog554.ingest.LogLine;
import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;

/**
 * What counts as a rejection, end to end from log lines to the grouped CSV files, on {@code fixtures/counting}:
 * the same story told by Postfix and by Exim (see the fixture README). The grouped files are compared with
 * {@code <name>.counts} ({@code -Dgolden.update=true} rewrites it); the assertions below say what must hold
 * whatever the classifier decides.
 */
class CountingGoldenTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "counting");
    private static final List<String> FILES = List.of(ReportFiles.SUMMARY, ReportFiles.BY_CODE,
            ReportFiles.BY_DOMAIN, ReportFiles.BY_CATEGORY, ReportFiles.BY_CLIENT, ReportFiles.BY_SENDER_DOMAIN);

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"postfix", "exim"})
    void countsRefusedRecipientsNotMxAttempts(String name) throws IOException {
        Counts c = counts(FIXTURES.resolve(name + ".log"));

        // Host-level lines (one per MX host tried) name no recipient: none may become a rejection.
        assertTrue(c.byDomain().stream().noneMatch(t -> t.key().recipientDomain().equals(
                RejectionEvent.UNKNOWN_DOMAIN)), "a host-level line was counted: " + c.byDomain());
        Map<String, Tally> domains = c.byDomain().stream()
                .collect(Collectors.toMap(t -> t.key().recipientDomain(), Function.identity()));
        // Postfix: anna 3 deferrals, bernd 2 deferrals and a SOFTBOUNCE (one of them logged as Bernd@T-Online.de).
        // Exim: anna 2 deferrals and the final bounce.
        Tally tOnline = domains.get("t-online.de");
        assertEquals(name.equals("postfix") ? 6 : 3, tOnline.count(), "retries are events: " + tOnline);
        assertEquals(name.equals("postfix") ? 2 : 1, tOnline.recipients(), "but of few recipients: " + tOnline);
        // Exim's "(EHLO response was: 554 ...)" form and Postfix's relay denial: one refused recipient each.
        assertEquals(1, domains.get("example.org").count());
        // The line cut short at the end of each log still counts.
        assertEquals(1, domains.get("example.net").count(), "the truncated line was dropped");
        // Inbound: each reject line is a rejection, the same recipient twice is one recipient.
        assertEquals(2, c.inbound());
        assertEquals(2, domains.get("example.com").count());
        assertEquals(1, domains.get("example.com").recipients());
        assertEquals(1, c.clients().size());
        assertEquals("203.0.113.45", c.clients().get(0).key());
        assertEquals(2, c.clients().get(0).count());
        assertEquals("bulk.example", c.senders().get(0).key());
        assertEquals(c.total(), c.outbound() + c.inbound());
        assertEquals(name.equals("postfix") ? 5 : 4, c.recipients());

        // One cause per summary row, and the example is one of that row's own rejections.
        long rows = c.summary().size();
        long distinctKeys = c.summary().stream().map(Tally::key).distinct().count();
        assertEquals(rows, distinctKeys);
        c.summary().forEach(t -> assertEquals(t.key().category(), t.category(), t.toString()));

        CsvReport.write(out, c, Redactor.NONE);
        StringBuilder actual = new StringBuilder();
        for (String file : FILES) {
            actual.append("== ").append(file).append('\n')
                    .append(Files.readString(out.resolve(file), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
        Path golden = FIXTURES.resolve(name + ".counts");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertFalse(actual.isEmpty());
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual.toString(),
                golden + " differs (rerun with -Dgolden.update=true and review the diff)");
    }

    /** The scan's path without files or database: parse every line, diagnose, aggregate. */
    static Counts counts(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        LogParser parser = new LogParser();
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.parse("2027-01-02T00:00:00Z"));
        Classifier classifier = Classifier.load();
        Aggregator agg = new Aggregator(ZoneOffset.UTC);
        for (int i = 0; i < lines.size(); i++) {
            parser.parse(new LogLine(log.getFileName().toString(), i + 1, lines.get(i)), ctx)
                    .filter(e -> e.replyCode() == 554)
                    .ifPresent(e -> agg.add(new Rejection(e, classifier.classify(e))));
        }
        return agg.result();
    }
}
