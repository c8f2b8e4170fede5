package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.maillog554.check.TestDnsServer;
import dev.maillog554.report.CsvReport;
import dev.maillog554.report.ReportFiles;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code report} rebuilds the scan's reports from the history, with its filters and threshold. */
@QuarkusMainTest
class ReportCommandTest {

    private static final Pattern MINUTE = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d) UTC\\b");
    private static final Pattern CHECKED_AT = Pattern.compile(",(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)\n");

    @TempDir
    Path tmp;
    HistoryFixture history;

    @BeforeEach
    void fixture() {
        history = new HistoryFixture(tmp);
    }

    @Test
    void reportFromHistoryHasTheScansTotals(QuarkusMainLauncher launcher) throws IOException {
        Instant before = Instant.now();
        LaunchResult scan = launcher.launch("scan", "--data-dir", history.dataDir().toString(), "--out",
                history.scanOut().toString(), "sample-logs");
        assertEquals(ExitCodes.OK, scan.exitCode(), scan.getErrorOutput());
        Path out = tmp.resolve("report");
        LaunchResult r = history.history(launcher, "report", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals("", HistoryFixture.errors(r));
        // sample-logs/README.md: 26 rejections, 17 outbound and 9 inbound, of 25 recipients.
        // Whole days come from the daily rollups: distinct recipients are each day's, added up, and it says so.
        assertTrue(r.getOutput().startsWith("26 rejections (all servers): 17 outbound, 9 inbound; 25 recipients "
                + "(daily distinct, added up); "), r.getOutput());
        assertEquals(26, HistoryFixture.total(out));
        assertSameFiles(history.scanOut(), out, ReportFiles.ALL, "4 inputs", "sample-logs", before, Instant.now());
    }

    /**
     * The report fixture (hostile replies and formula-start addresses included) checked live against a DNS server
     * on loopback: {@code report --check} from the history writes every file the scan wrote, checks.csv included,
     * the CSV files byte for byte but for when each answer came.
     */
    @Test
    void reportWithCheckReproducesEveryFileOfTheScan(QuarkusMainLauncher launcher) throws IOException {
        try (TestDnsServer dns = LiveChecksCommandTest.dnsServer()) {
            Instant before = Instant.now();
            LaunchResult scan = launcher.launch("scan", "--data-dir", history.dataDir().toString(), "--out",
                    history.scanOut().toString(), "--check", "--resolver", dns.hostPort(), "--quiet",
                    LiveChecksCommandTest.LOG.toString());
            assertEquals(ExitCodes.OK, scan.exitCode(), scan.getErrorOutput());
            Path out = tmp.resolve("report");
            LaunchResult r = history.history(launcher, "report", "--out", out.toString(), "--check", "--resolver",
                    dns.hostPort(), "--quiet");
            assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
            assertEquals("", HistoryFixture.errors(r));
            Instant after = Instant.now();

            List<String> files = new ArrayList<>(ReportFiles.ALL);
            files.add(ReportFiles.CHECKS);
            Path scanChecks = history.scanOut().resolve(ReportFiles.CHECKS);
            Path reportChecks = out.resolve(ReportFiles.CHECKS);
            // Each answer says when it came: the one thing that differs between two runs asking the same server.
            Files.writeString(scanChecks, checkedAtPinned(Files.readString(scanChecks), before, after));
            Files.writeString(reportChecks, checkedAtPinned(Files.readString(reportChecks), before, after));
            assertSameFiles(history.scanOut(), out, files, LiveChecksCommandTest.LOG.toString(),
                    LiveChecksCommandTest.LOG.toString(), before, after);
            assertTrue(Files.readString(reportChecks).contains("\nblocklist,zen.spamhaus.org 203.0.113.77,listed,"),
                    "the checks asked the test server");
        }
    }
    /**
     * {@code --no-rejections-csv} writes every other file as the full report does (whole days from the rollups, a
     * window cut mid-day from the rows), deletes an older rejections.csv, and prints the same summary.
     */
    @Test
    void noRejectionsCsvWritesTheOtherFilesAlone(QuarkusMainLauncher launcher) throws IOException {
        assertEquals(ExitCodes.OK, history.scan(launcher).exitCode());
        for (List<String> window : List.of(List.<String>of(), List.of("--since", "2026-03-02T06:00+00:00"))) {
            Path full = tmp.resolve("full" + window.size());
            Path grouped = tmp.resolve("grouped" + window.size());
            Files.createDirectories(grouped);
            Files.writeString(grouped.resolve(ReportFiles.REJECTIONS), "an older report's\n");
            Instant before = Instant.now();
            List<String> args = new ArrayList<>(List.of("--timezone", "UTC", "--out", full.toString()));
            args.addAll(window);
            LaunchResult all = history.history(launcher, "report", args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, all.exitCode(), all.getErrorOutput());
            args.set(3, grouped.toString());
            args.add("--no-rejections-csv");
            LaunchResult some = history.history(launcher, "report", args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, some.exitCode(), some.getErrorOutput());
            assertEquals("", HistoryFixture.errors(some));
            assertEquals(all.getOutput().replace(full.toString(), grouped.toString()), some.getOutput());

            assertTrue(Files.exists(full.resolve(ReportFiles.REJECTIONS)));
            assertFalse(Files.exists(grouped.resolve(ReportFiles.REJECTIONS)), "the older rejections.csv is gone");
            Set<String> expected = new TreeSet<>(fileNames(full));
            expected.remove(ReportFiles.REJECTIONS);
            assertEquals(expected, fileNames(grouped), window.toString());
            for (String file : expected) {
                String made = Files.readString(full.resolve(file));
                String left = Files.readString(grouped.resolve(file));
                if (file.equals(ReportFiles.HTML)) {
                    made = minutesPinned(made, before, Instant.now());
                    left = minutesPinned(left, before, Instant.now());
                }
                assertEquals(made, left, file + " " + window);
            }
        }
    }

    @Test
    void sinceUntilAndServerSelectTheRejections(QuarkusMainLauncher launcher) throws IOException {
        assertEquals(ExitCodes.OK, history.scan(launcher).exitCode());
        Path march = tmp.resolve("march");
        LaunchResult r = history.history(launcher, "report", "--since", "2026-03-01", "--until", "2026-03-06",
                "--timezone", "UTC", "--out", march.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals(HistoryFixture.MARCH_MX1, HistoryFixture.total(march));
        assertEquals(HistoryFixture.MARCH_MX1 + 1, Files.readAllLines(march.resolve("rejections.csv")).size());

        Path mx2 = tmp.resolve("mx2");
        r = history.history(launcher, "report", "--server", "mx2", "--out", mx2.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("1 rejection (server mx2)"), r.getOutput());
        assertEquals(HistoryFixture.MX2, HistoryFixture.total(mx2));

        Path all = tmp.resolve("all");
        r = history.history(launcher, "report", "--since", "2026-01-01", "--out", all.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals(HistoryFixture.TOTAL, HistoryFixture.total(all));
    }

    @Test
    void failIfCountExitsFourOnlyWhenExceeded(QuarkusMainLauncher launcher) throws IOException {
        assertEquals(ExitCodes.OK, history.scan(launcher).exitCode());
        LaunchResult over = history.history(launcher, "report", "--quiet", "--fail-if-count", "5", "--out",
                tmp.resolve("over").toString());
        assertEquals(ExitCodes.THRESHOLD, over.exitCode(), over.getErrorOutput());
        assertEquals("maillog554: 6 rejections, more than --fail-if-count 5", HistoryFixture.errors(over));
        LaunchResult within = history.history(launcher, "report", "--quiet", "--fail-if-count", "6", "--out",
                tmp.resolve("within").toString());
        assertEquals(ExitCodes.OK, within.exitCode(), within.getErrorOutput());
        assertEquals("", HistoryFixture.errors(within));
    }

    /**
     * Both folders hold the same files, every CSV file among them is the same to the byte, and so is the page but
     * for what it was made from: the scan names its inputs (in the title, counted when more than one) and reply
     * codes, the report the history it read.
     */
    private static void assertSameFiles(Path scanOut, Path reportOut, List<String> expected, String title,
            String inputs, Instant from, Instant to) throws IOException {
        assertEquals(new TreeSet<>(expected), fileNames(scanOut), "the scan writes every report file");
        assertEquals(fileNames(scanOut), fileNames(reportOut), "the report writes what the scan wrote");
        for (String file : expected) {
            if (file.endsWith(".csv")) {
                // Counted from the daily rollups, the report's distinct counts are sums of daily ones, and its
                // column names say so; on these logs no recipient is refused on two days, so the sums are exact.
                String scanned = dailyHeader(Files.readString(scanOut.resolve(file)));
                assertEquals(scanned, Files.readString(reportOut.resolve(file)),
                        file + ": report from the history must say what the scan said, to the byte");
                assertArrayEquals(scanned.getBytes(StandardCharsets.UTF_8),
                        Files.readAllBytes(reportOut.resolve(file)), file);
            }
        }
        String scanPage = Files.readString(scanOut.resolve(ReportFiles.HTML))
                .replace("SMTP rejections: " + title + "<", "SMTP rejections: history<")
                .replace("reply codes 554 &middot;", "reply codes stored &middot;")
                .replace("Made by maillog554 from " + inputs + ".", "Made by maillog554 from all servers.");
        String reportPage = Files.readString(reportOut.resolve(ReportFiles.HTML));
        Matcher note = DAILY_NOTE.matcher(reportPage);
        assertTrue(note.find(), "the page says its distinct counts are daily ones, added up");
        reportPage = note.replaceFirst("").replace(DAILY_CARD, "distinct recipients among them");
        assertEquals(minutesPinned(scanPage, from, to), minutesPinned(reportPage, from, to),
                "report.html says what the scan's page said, but for its source and its daily distinct counts");
    }

    private static final Pattern DAILY_NOTE = Pattern.compile("\\n<p class=\"rows-note\" role=\"note\">Counted "
            + "from the daily rollups:[^<]*</p>");
    private static final String DAILY_CARD = "recipients: each day's distinct ones, added up";

    /** A CSV file with the header of one counted from the daily rollups ({@link CsvReport#daily}). */
    private static String dailyHeader(String csv) {
        int end = csv.indexOf('\n');
        String[] header = csv.substring(0, end).split(",", -1);
        return String.join(",", CsvReport.daily(header)) + csv.substring(end);
    }

    /** The page with each minute it names (generated, checked now) replaced by "MINUTE", once within the run. */
    private static String minutesPinned(String html, Instant from, Instant to) {
        Matcher m = MINUTE.matcher(html);
        StringBuilder pinned = new StringBuilder();
        int stamps = 0;
        while (m.find()) {
            Instant at = LocalDateTime.parse(m.group(1) + "T" + m.group(2)).toInstant(ZoneOffset.UTC);
            assertFalse(at.isBefore(from.truncatedTo(ChronoUnit.MINUTES)) || at.isAfter(to), at + " within the runs");
            m.appendReplacement(pinned, "MINUTE");
            stamps++;
        }
        m.appendTail(pinned);
        assertTrue(stamps > 0, "the page says when it was generated");
        return pinned.toString();
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** checks.csv with each checked_at replaced by "AT", once asserted to lie within the run. */
    private static String checkedAtPinned(String csv, Instant from, Instant to) {
        Matcher m = CHECKED_AT.matcher(csv);
        StringBuilder pinned = new StringBuilder();
        int rows = 0;
        while (m.find()) {
            Instant at = Instant.parse(m.group(1));
            assertFalse(at.isBefore(from.truncatedTo(ChronoUnit.SECONDS)) || at.isAfter(to), at + " within the runs");
            m.appendReplacement(pinned, ",AT\n");
            rows++;
        }
        m.appendTail(pinned);
        assertEquals(csv.lines().count() - 1, rows, "every row says when its answer came:\n" + csv);
        return pinned.toString();
    }
}
