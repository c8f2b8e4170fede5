package dev.maillog554.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;

/**
 * The byte prefilter must never drop a line the parsers would keep: on the real corpus logs, reading through
 * {@link RelevantLines} finds exactly the rejections (senders included) that reading every line finds, for
 * each kind of code filter. The logs are read whole, so most lines lie deep inside the reader's buffer, where
 * the eight-bytes-at-a-time search decides (a class filter such as 5xx once matched only "555" there).
 *
 * <p>Senders are compared too, except in Exim's test suite: it reuses queue ids across its tests, and the
 * {@code Completed} line that makes the parser forget an id's sender is not a line the prefilter keeps, so a
 * reused id without its own {@code <=} line keeps the earlier sender there. Real queue ids are not reused that way.
 */
class PrefilterCorpusTest {

    @ParameterizedTest(name = "{0} --codes {1}")
    @CsvSource({
        "exim-testsuite.log, 5xx, 300, false",
        "exim-testsuite.log, '550,554', 100, false",
        "exim-testsuite.log, '4xx,5xx', 300, false",
        "exim-testsuite.log, 550, 100, false",
        "whyscream-postfix-messages.log, 5xx, 10, true",
        "whyscream-postfix-messages.log, 554, 2, true",
        "fail2ban-postfix.log, 5xx, 16, true",
        "fail2ban-postfix.log, '450,550', 5, true",
    })
    void keepsEveryRejectionThatReadingEveryLineFinds(String file, String codes, int atLeast, boolean senders)
            throws IOException {
        CodeFilter filter = CodeFilter.parse(codes);
        List<String> everyLine = rejections(file, filter, (buf, from, to) -> true, senders);
        List<String> prefiltered = rejections(file, filter, new RelevantLines(filter), senders);
        assertTrue(everyLine.size() >= atLeast, file + " has " + everyLine.size() + " rejections for " + codes);
        List<String> missed = new ArrayList<>(everyLine);
        missed.removeAll(prefiltered);
        assertEquals(List.of(), missed.subList(0, Math.min(3, missed.size())), missed.size() + " missed");
        assertEquals(everyLine, prefiltered);
    }

    private static List<String> rejections(String file, CodeFilter codes, LineReader.LineFilter filter,
                                           boolean senders) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = PrefilterCorpusTest.class.getResourceAsStream("/fixtures/corpus/" + file)) {
            LineReader reader = new LineReader(in, file, 0, 0, p -> { });
            LogParser parser = new LogParser();
            ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.parse("2026-06-01T00:00:00Z"));
            LogLine line;
            while ((line = reader.next(filter, true)) != null) {
                Optional<RejectionEvent> e = parser.parse(line, ctx);
                if (e.isPresent() && codes.matches(e.get().replyCode(), e.get().enhancedCode())) {
                    out.add((senders ? e.get() : withoutSender(e.get())).toString());
                }
            }
        }
        return out;
    }

    private static RejectionEvent withoutSender(RejectionEvent e) {
        return new RejectionEvent(e.time(), e.direction(), e.status(), e.mta(), e.host(), e.queueId(), "",
                e.recipient(), e.recipientDomain(), e.replyCode(), e.enhancedCode(), e.stage(), e.remoteHost(),
                e.remoteIp(), e.message(), e.sourceFile(), e.line());
    }
}
