package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.maillog554.check.CheckReport;
import dev.maillog554.check.CheckResult;
import io.quarkus.test.junit.QuarkusTest;

/** The answers of live checks in checks.csv and in the report's "Checked now" blocks: escaped, formula-safe. */
// The page comes from Qute templates, whose engine is a bean: Quarkus must be up.
@QuarkusTest
class ChecksReportTest {

    static final Instant AT = Instant.parse("2026-03-04T10:15:00Z");
    // A blocklist's TXT record is DNS text anyone can publish: it is as untrusted as the log.
    static final CheckReport CHECKS = new CheckReport(AT, "127.0.0.1:53", List.of(
            new CheckResult("blocklist", "zen.spamhaus.org 192.0.2.10", "listed", "127.0.0.4: XBL: an infected or "
                    + "exploited host (bot, open proxy); the list says: " + SampleCounts.SCRIPT, AT.plusSeconds(1),
                    List.of("blocklisted")),
            new CheckResult("ptr", "192.0.2.10", "no ptr", "=HYPERLINK(\"http://x\")", AT.plusSeconds(2),
                    List.of("blocklisted", "no-ptr")),
            new CheckResult("mx", "example.org", "null mx", "", AT.plusSeconds(3), List.of("domain-not-found"))));

    @TempDir
    Path tmp;

    @Test
    void checksCsvHasOneRowPerAnswerAndNeutralisesFormulas() throws IOException {
        try (ReportFiles.Staging s = new ReportFiles.Staging(tmp)) {
            ChecksCsv.write(s, CHECKS);
            s.commit();
        }
        assertEquals("check,subject,answer,detail,section,causes,checked_at\n"
                + "blocklist,zen.spamhaus.org 192.0.2.10,listed,\"127.0.0.4: XBL: an infected or exploited host (bot, "
                + "open proxy); the list says: <script>alert(1)</script>\",blocklists,blocklisted,"
                + "2026-03-04T10:15:01Z\n"
                + "ptr,192.0.2.10,no ptr,\"'=HYPERLINK(\"\"http://x\"\")\",authentication,blocklisted no-ptr,"
                + "2026-03-04T10:15:02Z\n"
                + "mx,example.org,null mx,,routing,domain-not-found,2026-03-04T10:15:03Z\n",
                Files.readString(tmp.resolve(ReportFiles.CHECKS), StandardCharsets.UTF_8));
    }

    @Test
    void eachCauseShowsTheAnswersMadeForItEscaped() throws IOException {
        Path dir = tmp.resolve("r");
        try (ReportFiles.Staging s = new ReportFiles.Staging(dir)) {
            HtmlReport.write(s, SampleCounts.counts(), SampleCounts.meta(), Redactor.NONE, CHECKS);
            s.commit();
        }
        String page = Files.readString(dir.resolve(ReportFiles.HTML), StandardCharsets.UTF_8);
        String blocklisted = article(page, "cause-blocklisted");
        assertTrue(blocklisted.contains("<div class=\"checks\"><p><strong>Checked now</strong> (2026-03-04 10:15 UTC, "
                + "resolver 127.0.0.1:53): blocklists, authentication</p>\n<ul class=\"checked\">"
                + "<li><code>blocklist</code> zen.spamhaus.org 192.0.2.10: <strong>listed</strong>: 127.0.0.4: XBL: an "
                + "infected or exploited host (bot, open proxy); the list says: &lt;script&gt;alert(1)&lt;/script&gt;"
                + "</li><li><code>ptr</code> 192.0.2.10: <strong>no ptr</strong>: =HYPERLINK(&quot;http://x&quot;)"
                + "</li></ul></div>\n"), blocklisted);
        // Beside the tips: after them, before the example lines.
        assertTrue(blocklisted.indexOf("class=\"tips\"") < blocklisted.indexOf("class=\"checks\""));
        assertTrue(blocklisted.indexOf("class=\"checks\"") < blocklisted.indexOf("Example log lines"));
        assertFalse(page.contains("<script>alert(1)</script></li>"), "DNS text became a script");
        // A cause no check answered for has no block, and nothing else on the page changes.
        assertFalse(article(page, "cause-relay-denied").contains("Checked now"));
        String plain = HtmlReport.render(SampleCounts.counts(), SampleCounts.meta(), Redactor.NONE);
        assertEquals(plain, page.replaceAll("(?s)<div class=\"checks\">.*?</div>\n", ""));
    }

    @Test
    void withoutChecksThePageIsTheSameAsBefore() throws IOException {
        Path dir = tmp.resolve("none");
        try (ReportFiles.Staging s = new ReportFiles.Staging(dir)) {
            HtmlReport.write(s, SampleCounts.counts(), SampleCounts.meta(), Redactor.NONE, CheckReport.NONE);
            s.commit();
        }
        assertEquals(HtmlReport.render(SampleCounts.counts(), SampleCounts.meta(), Redactor.NONE),
                Files.readString(dir.resolve(ReportFiles.HTML), StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve(ReportFiles.CHECKS)));
    }

    private static String article(String page, String id) {
        int from = page.indexOf("<article class=\"cause\" id=\"" + id + "\">");
        assertTrue(from >= 0, id);
        return page.substring(from, page.indexOf("</article>", from));
    }
}
