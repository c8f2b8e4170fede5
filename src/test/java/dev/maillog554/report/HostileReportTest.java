package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import dev.maillog554.check.CheckSettings;
import dev.maillog554.check.LiveChecks;
import dev.maillog554.check.TestDnsServer;
import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.ingest.ReadMeter;
import dev.maillog554.scan.ScanRequest;
import dev.maillog554.scan.ScanResult;
import dev.maillog554.scan.ScanService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Scans {@code fixtures/reports/hostile.log} (markup, formula starts, control and bidi characters in every field
 * a log line gives: recipients, domains, hosts, replies, client names, senders) with live checks, and asserts of
 * every file the scan writes that the log's text stays text: no markup in the page, no CSV cell a spreadsheet
 * would run as a formula, no control or bidi character anywhere.
 */
@QuarkusTest
class HostileReportTest {

    static final Path LOG = ReportGoldenTest.FIXTURES.resolve("hostile.log");
    static final List<String> FILES = new ArrayList<>(ReportFiles.ALL);

    static {
        FILES.add(ReportFiles.CHECKS);
    }

    /** C0 controls but the line feed, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
    private static final Pattern CONTROL = Pattern.compile(
            "[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");
    /**
     * An element the fixture's text would make if it were not escaped (the page's own charts are SVG elements
     * with attributes, never {@code <svg/}); an escaped "onerror=" is only text.
     */
    private static final Pattern INJECTED = Pattern.compile("<img|<svg/|<b>|<script>alert|<iframe|=\"?javascript:",
            Pattern.CASE_INSENSITIVE);

    @Inject
    ScanService scans;

    @Test
    void everyFileKeepsTheLogsTextAsText() throws IOException {
        Path out = scan();
        assertTrue(Files.readString(LOG).contains("<script>"), "the fixture is hostile");
        for (String name : FILES) {
            String text = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
            Matcher control = CONTROL.matcher(name.endsWith(".csv") ? text : text.replace('\t', ' '));
            assertFalse(control.find(), () -> name + ": control or bidi character U+"
                    + Integer.toHexString(text.charAt(control.start())) + " near '"
                    + text.substring(Math.max(0, control.start() - 40), control.start()) + "'");
            // A tab in the page is white space, nothing more; in a CSV cell it may start a formula.
            if (name.endsWith(".csv")) {
                assertNoFormulaCells(name, text);
            }
        }
        String page = Files.readString(out.resolve(ReportFiles.HTML), StandardCharsets.UTF_8);
        Matcher injected = INJECTED.matcher(page);
        assertFalse(injected.find(), () -> "markup from the log in report.html: "
                + page.substring(Math.max(0, injected.start() - 60), Math.min(page.length(), injected.end() + 60)));
        assertEquals(1, page.split("<script", -1).length - 1, "one script element: ours");
        assertTrue(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "the reply is shown, as text");
        assertTrue(page.contains("&quot;&gt;&lt;img/src=x/onerror=alert<"), "the client name, as text");
    }

    /**
     * No cell starts with a formula character but a lone "-", and the hostile values did reach each file that
     * carries log text at all (by-day.csv has only dates and counts), neutralised with a leading apostrophe;
     * by-category.csv and checks.csv quote it only inside their cells (a top domain after "(unknown) ", the
     * hostile TXT reason after the answer's own words).
     */
    private static void assertNoFormulaCells(String name, String csv) throws IOException {
        int neutralised = 0;
        try (Reader r = new StringReader(csv);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT)) {
            for (CSVRecord rec : p) {
                for (String cell : rec) {
                    assertFalse(!cell.equals("-") && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                            name + ": formula cell '" + cell + "' in " + rec);
                    if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
                        neutralised++;
                    }
                }
            }
        }
        if (name.equals(ReportFiles.CHECKS)) {
            assertTrue(csv.contains("the list says: =HYPERLINK"), csv);
        } else if (name.equals(ReportFiles.BY_CATEGORY)) {
            assertTrue(csv.contains(",(unknown) -evil.example,"), csv);
        } else if (!name.equals(ReportFiles.BY_DAY)) {
            assertTrue(neutralised > 0, name + " carries no hostile cell, so proves nothing:\n" + csv);
        }
    }

    private Path scan() throws IOException {
        Path out = Path.of("target", "hostile");
        List<String> stderr = new ArrayList<>();
        try (TestDnsServer dns = TestDnsServer.start()) {
            // A blocklist's TXT reason is text from the network: as untrusted as the log.
            dns.add("77.113.0.203.zen.spamhaus.org", Type.A, "127.0.0.4")
                    .txt("77.113.0.203.zen.spamhaus.org", "=HYPERLINK(\"http://x.example\") <script>alert(7)</script>");
            LiveChecks checks = new LiveChecks(new CheckSettings(dns.address(), Duration.ofSeconds(2), 4, List.of()),
                    stderr::add, Clock.fixed(ReportGoldenTest.CLOCK, ZoneOffset.UTC));
            ScanResult r = scans.scan(new ScanRequest(List.of(LOG.toString()), out, CodeFilter.parse("554"),
                    ZoneOffset.UTC, "mx1", ReportGoldenTest.CLOCK, false, true, false, null, null, 0, ReadMeter.NONE,
                    checks), p -> {
                    });
            assertEquals(5, r.counts().total(), "every hostile rejection line parses: " + r);
        }
        assertEquals(List.of(), stderr);
        return out;
    }
}
