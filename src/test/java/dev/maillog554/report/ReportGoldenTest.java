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

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.maillog554.ingest.CodeFilter;
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

    private Path scan(String dir, boolean redact) throws IOException {
        Path out = Path.of("target", dir);
        // --full: the three tests read the same file, and a scan is incremental by default.
        ScanResult r = scans.scan(new ScanRequest(List.of(LOG), out, CodeFilter.parse("554"), ZoneOffset.UTC, "mx1",
                CLOCK, redact, true, false, null, null), p -> {
                });
        assertTrue(r.counts().total() > 5, "the fixture must parse: " + r);
        return out;
    }
}
