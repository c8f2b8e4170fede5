package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

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
 * Scans {@code fixtures/reports/mail.log} through the real scan path with a fixed clock and compares every
 * report file byte for byte (report.html without its inline stylesheet and script, which are compared with their
 * resources); {@code ./mvnw test -Dgolden.update=true} rewrites the expected files.
 */
@QuarkusTest
class ReportGoldenTest {

    static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "reports");
    static final String LOG = FIXTURES.resolve("mail.log").toString();
    static final Instant CLOCK = Instant.parse("2026-11-28T06:00:00Z");
    static final List<String> FILES = List.of(ReportFiles.SUMMARY, ReportFiles.BY_CODE, ReportFiles.BY_DOMAIN,
            ReportFiles.BY_CATEGORY, ReportFiles.BY_DAY, ReportFiles.BY_CLIENT, ReportFiles.BY_SENDER_DOMAIN,
            ReportFiles.REJECTIONS, ReportFiles.HTML);

    @Inject
    ScanService scans;

    @Test
    void reportsMatchTheGoldenFiles() throws IOException {
        Path out = scan("golden", false);
        boolean update = Boolean.getBoolean("golden.update");
        for (String name : FILES) {
            String actual = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
            if (name.equals(ReportFiles.HTML)) {
                actual = withoutInlineAssets(actual);
            }
            Path expected = FIXTURES.resolve(name);
            if (update) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name
                    + " differs from its golden file (rerun with -Dgolden.update=true and review the diff)");
        }
    }

    @Test
    void redactedRunLeaksNoLocalPartInAnyFile() throws IOException {
        Path out = scan("golden-redacted", true);
        for (String name : FILES) {
            String text = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
            for (String local : List.of("victim@", "accounts@", "anna@", "promo@", "mallory@", "newsletter@")) {
                assertFalse(text.contains(local), name + " leaks " + local);
            }
        }
        String csv = Files.readString(out.resolve(ReportFiles.REJECTIONS), StandardCharsets.UTF_8);
        assertTrue(csv.contains(Redactor.of(true).address("victim@example.net")), csv);
    }

    @Test
    void hostileLogTextIsNeutralisedInEveryFile() throws IOException {
        Path out = scan("golden-hostile", false);
        String html = Files.readString(out.resolve(ReportFiles.HTML), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script>alert"), "log text became a script");
        assertFalse(html.contains("<img"), "log text became an element");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        String csv = Files.readString(out.resolve(ReportFiles.REJECTIONS), StandardCharsets.UTF_8);
        assertTrue(csv.contains("'=cmd|calc@example.net"), "recipient formula not neutralised: " + csv);
        assertTrue(csv.contains("'+bad@example.org"), "sender formula not neutralised: " + csv);
    }

    // The golden page has empty <style> and <script> elements: their bodies are the stylesheet and script resources,
    // checked here against those files, so a change of style or script does not rewrite the golden page.
    private static String withoutInlineAssets(String page) throws IOException {
        return without(without(page, "style", "report.css"), "script", "report.js");
    }

    private static String without(String page, String element, String resource) throws IOException {
        String open = "<" + element + ">";
        int start = page.indexOf(open);
        int end = page.indexOf("</" + element + ">", start);
        assertTrue(start >= 0 && end > start, "no " + open + " in the page");
        String body = page.substring(start + open.length(), end);
        assertEquals("\n" + Files.readString(Path.of("src", "main", "resources", "report", resource),
                StandardCharsets.UTF_8), body, open + " is not " + resource);
        return page.substring(0, start + open.length()) + page.substring(end);
    }

    /**
     * With live checks the same files come out, plus checks.csv (golden too: the answers come from a loopback DNS
     * server and the clock is fixed) and a "Checked now" block in the causes the checks answered for.
     */
    @Test
    void withChecksTheSameFilesPlusTheAnswers() throws IOException {
        Path out;
        List<String> stderr = new ArrayList<>();
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.add("77.113.0.203.zen.spamhaus.org", Type.A, "127.0.0.4")
                    .txt("77.113.0.203.zen.spamhaus.org", "https://check.spamhaus.org/query/ip/203.0.113.77")
                    .add("88.113.0.203.b.barracudacentral.org", Type.A, "127.255.255.254");
            LiveChecks checks = new LiveChecks(new CheckSettings(dns.address(), Duration.ofSeconds(2), 4, List.of()),
                    stderr::add, Clock.fixed(CLOCK, ZoneOffset.UTC));
            out = scan("golden-checks", false, checks);
        }
        assertEquals(List.of(), stderr);
        boolean update = Boolean.getBoolean("golden.update");
        for (String name : FILES) {
            String actual = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
            if (name.equals(ReportFiles.HTML)) {
                assertTrue(actual.contains("<div class=\"checks\"><p><strong>Checked now</strong> (2026-11-28 06:00 "
                        + "UTC, resolver 127.0.0.1:"), actual);
                actual = withoutInlineAssets(actual.replaceAll("(?s)<div class=\"checks\">.*?</div>\n", ""));
            }
            assertEquals(Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8), actual, name
                    + " differs from the run without --check");
        }
        String csv = Files.readString(out.resolve(ReportFiles.CHECKS), StandardCharsets.UTF_8);
        Path expected = FIXTURES.resolve(ReportFiles.CHECKS);
        if (update) {
            Files.writeString(expected, csv, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), csv, ReportFiles.CHECKS
                + " differs from its golden file (rerun with -Dgolden.update=true and review the diff)");
    }

    private Path scan(String dir, boolean redact) throws IOException {
        return scan(dir, redact, null);
    }

    private Path scan(String dir, boolean redact, LiveChecks checks) throws IOException {
        Path out = Path.of("target", dir);
        // --full: the tests read the same file, and a scan is incremental by default.
        ScanResult r = scans.scan(new ScanRequest(List.of(LOG), out, CodeFilter.parse("554"), ZoneOffset.UTC, "mx1",
                CLOCK, redact, true, false, null, null, 0, ReadMeter.NONE, checks), p -> {
                });
        assertTrue(r.counts().total() > 5, "the fixture must parse: " + r);
        return out;
    }
}
