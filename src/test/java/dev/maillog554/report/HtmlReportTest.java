package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.maillog554.aggregate.Aggregator;
import dev.maillog554.classify.Category;
import dev.maillog554.parse.Direction;
import io.quarkus.test.junit.QuarkusTest;

// The page's templates need the application running: Qute's engine is a bean.
@QuarkusTest
class HtmlReportTest {

    private final String page = HtmlReport.render(SampleCounts.counts(), SampleCounts.meta(), Redactor.NONE);

    @Test
    void hostileLogTextRendersAsText() {
        assertFalse(page.contains(SampleCounts.SCRIPT), "raw <script> from a log must not reach the page");
        assertFalse(page.contains("<img"), "raw <img> from a log must not reach the page");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        // Exactly one script element: ours.
        assertEquals(1, count(page, "<script"), page);
    }

    @Test
    void controlCharactersFromALogAreDropped() {
        // A journal record can carry any byte into a message; the page keeps the text and drops the controls.
        Aggregator a = new Aggregator(ZoneOffset.UTC);
        a.add(SampleCounts.rejection("2024-11-26T10:05:00Z", Direction.OUTBOUND, "u@example.com", "5.7.1",
                "bell\u0007 escape\u001b[31m nul\u0000 end", new Category("blocklisted"), 1));
        String p = HtmlReport.render(a.result(), SampleCounts.meta(), Redactor.NONE);
        assertTrue(p.contains("<code>554 5.7.1 bell escape[31m nul end</code>"), p);
        assertTrue(p.chars().noneMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t'),
                "a control character got through");
    }

    @Test
    void linksAreOnlyInPageAnchors() {
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
        int links = 0;
        while (m.find()) {
            links++;
            assertTrue(m.group(1).matches("#[a-z0-9-]+"), "unexpected link target " + m.group(1));
        }
        assertTrue(links > 0);
        assertFalse(page.contains("href=\"javascript"));
    }

    @Test
    void selfContainedWithNoExternalResources() {
        assertFalse(page.contains("src=\"http"), page);
        assertFalse(page.contains("<link"), page);
        assertFalse(page.contains("@import"), page);
        assertFalse(page.contains("url("), page);
    }

    @Test
    void showsHeadlineChartsCausesAndExamples() {
        assertTrue(page.contains("<span class=\"v\">6</span><span class=\"l\">rejections</span>"), page);
        assertTrue(page.contains("<svg class=\"chart days\""));
        assertTrue(page.contains("<svg class=\"chart bars\""));
        assertTrue(page.contains("id=\"cause-blocklisted\""));
        assertTrue(page.contains("Look up 192.0.2.10 at check.spamhaus.org"));
        assertTrue(page.contains("id=\"cause-blocklisted-ex1\""));
        assertTrue(page.contains("mail.log:2"));
        assertTrue(page.contains("<a href=\"#cause-blocklisted\">blocklisted</a>"));
        assertTrue(page.contains("@media print"));
        assertFalse(page.contains("change against the previous period"), "no previous total, no change card");
    }

    @Test
    void showsChangeAgainstThePreviousPeriodWhenKnown() {
        String withPrevious = HtmlReport.render(SampleCounts.counts(), SampleCounts.meta().withPreviousTotal(4),
                Redactor.NONE);
        assertTrue(withPrevious.contains("<span class=\"v up\">+2 (+50%)</span><span class=\"l\">change against the "
                + "previous period (4)</span>"), withPrevious);
        String fewer = HtmlReport.render(SampleCounts.counts(), SampleCounts.meta().withPreviousTotal(12),
                Redactor.NONE);
        assertTrue(fewer.contains("<span class=\"v down\">\u22126 (\u221250%)</span>"), fewer);
    }

    @Test
    void redactionHidesLocalPartsEverywhere() {
        String redacted = HtmlReport.render(SampleCounts.counts(), SampleCounts.meta(), Redactor.of(true));
        for (String local : new String[] {"bob@", "carol@", "dave@", "erin@", "frank@", "grace@"}) {
            assertFalse(redacted.contains(local), local + " leaked");
        }
        assertTrue(redacted.contains(Redactor.of(true).address("carol@example.com")));
        assertTrue(redacted.contains("example.com"), "domains stay readable");
    }

    @Test
    void sameInputGivesTheSameBytes() {
        assertEquals(page, HtmlReport.render(SampleCounts.counts(), SampleCounts.meta(), Redactor.NONE));
    }

    @Test
    void longTablesShowTheLargestRowsAndSayWhereTheRestIs() {
        // domain-0 has the most rejections, domain-2599 the fewest: 2,600 rows in the summary and domain tables.
        Aggregator a = new Aggregator(ZoneOffset.UTC);
        int domains = TableRows.MAX_ROWS * 2 + 600;
        for (int d = 0; d < domains; d++) {
            for (int n = d < 10 ? 3 : 1; n > 0; n--) {
                a.add(SampleCounts.rejection("2024-11-26T10:05:00Z", Direction.OUTBOUND, "u@domain-" + d + ".example",
                        "5.7.1", "blocked", new Category("blocklisted"), d));
            }
        }
        String big = HtmlReport.render(a.result(), SampleCounts.meta(), Redactor.NONE);
        assertTrue(big.contains("<p class=\"more\">The 1,000 largest of 2,600 rows are shown; summary.csv has every "
                + "row.</p>"), "summary note");
        assertTrue(big.contains("The 1,000 largest of 2,600 rows are shown; by-domain.csv has every row."));
        assertFalse(big.contains("by-code.csv has every row"), "one code: that table is whole");
        assertTrue(big.contains("<td>domain-9.example</td>"), "the largest rows are shown");
        assertEquals(2 * TableRows.MAX_ROWS, count(big, ".example</td>"), "two capped tables of domains");
        assertFalse(page.contains("class=\"more\""), "a short table has no note");
    }

    @Test
    void theWrittenFileIsTheRenderedPage(@TempDir Path dir) throws IOException {
        HtmlReport.write(dir, SampleCounts.counts(), SampleCounts.meta(), Redactor.NONE);
        assertEquals(page, Files.readString(dir.resolve(ReportFiles.HTML), StandardCharsets.UTF_8));
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
