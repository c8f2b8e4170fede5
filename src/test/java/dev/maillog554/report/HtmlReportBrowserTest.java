package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.maillog554.aggregate.Counts;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Opens the generated report from disk in headless Chromium: no console errors, no script from the logs runs,
 * headers sort, the filter hides rows, and screenshots land in {@code target/} for a person to look at.
 */
@QuarkusTest
class HtmlReportBrowserTest {

    private static final Path OUT = Path.of("target", "browser-test");

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(Chromium.BINARY),
                "skipped: " + Chromium.BINARY + " is missing (apt-get install chromium; .ci/run installs it)");
    }

    @Test
    void reportFromRealLinesWorksInARealBrowser() throws Exception {
        Counts counts = SampleCounts.fromLog(ReportGoldenTest.FIXTURES.resolve("mail.log"));
        assertTrue(counts.total() > 5, "the fixture log must parse");
        HtmlReport.write(OUT, counts, SampleCounts.meta().withPreviousTotal(12), Redactor.NONE);
        String url = OUT.resolve(ReportFiles.HTML).toAbsolutePath().toUri().toString();
        try (Chromium browser = Chromium.start(1280, 900)) {
            browser.call("Runtime.enable", Map.of());
            browser.call("Log.enable", Map.of());
            browser.call("Page.enable", Map.of());
            browser.navigate(url);

            assertEquals("", problems(browser), "console errors or exceptions");
            assertTrue(browser.eval("document.documentElement.classList.contains('js')").asBoolean(),
                    "the report script did not run");
            assertEquals(0, browser.events("Page.javascriptDialogOpening").count(), "log text ran as script");
            assertEquals(0, browser.eval("document.querySelectorAll('img,iframe,object').length").asInt());

            // Domain column, text: first click sorts A to Z, the second Z to A.
            List<String> domains = column(browser, "t-domain", 0);
            click(browser, "t-domain", 0);
            assertEquals(domains.stream().sorted().toList(), column(browser, "t-domain", 0));
            assertEquals("ascending", browser.eval(header("t-domain", 0) + ".getAttribute('aria-sort')").asText());
            click(browser, "t-domain", 0);
            assertEquals(domains.stream().sorted(Comparator.reverseOrder()).toList(),
                    column(browser, "t-domain", 0));
            // Count column, numeric: largest first on the first click, then smallest first.
            List<Integer> shown = numbers(column(browser, "t-code", 3));
            click(browser, "t-code", 3);
            assertEquals(shown.stream().sorted(Comparator.reverseOrder()).toList(),
                    numbers(column(browser, "t-code", 3)));
            click(browser, "t-code", 3);
            assertEquals(shown.stream().sorted().toList(), numbers(column(browser, "t-code", 3)));

            int visible = browser.eval("(function(){var i=document.querySelector('input[data-table=t-domain]');"
                    + "i.value='evil';i.dispatchEvent(new Event('input'));"
                    + "return Array.prototype.filter.call(document.getElementById('t-domain').tBodies[0].rows,"
                    + "function(r){return !r.hidden;}).length;})()").asInt();
            assertEquals(1, visible);
            browser.eval("(function(){var i=document.querySelector('input[data-table=t-domain]');"
                    + "i.value='';i.dispatchEvent(new Event('input'));})()");

            browser.screenshot(OUT.resolve("report-desktop.png"));
            browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 1, "mobile", true));
            browser.navigate(url);
            assertTrue(browser.eval("document.documentElement.scrollWidth <= window.innerWidth + 1").asBoolean(),
                    "the page scrolls sideways on a phone; only tables may");
            browser.screenshot(OUT.resolve("report-phone.png"));
            assertEquals("", problems(browser), "console errors or exceptions");
        }
    }

    private static String problems(Chromium browser) {
        return Stream.of(
                browser.events("Runtime.exceptionThrown").map(JsonNode::toString),
                browser.events("Runtime.consoleAPICalled")
                        .filter(e -> List.of("error", "warning", "assert").contains(e.path("params").path("type")
                                .asText())).map(JsonNode::toString),
                browser.events("Log.entryAdded")
                        .filter(e -> "error".equals(e.path("params").path("entry").path("level").asText()))
                        .map(JsonNode::toString))
                .flatMap(s -> s).collect(Collectors.joining("\n"));
    }

    private static List<Integer> numbers(List<String> cells) {
        return cells.stream().map(Integer::valueOf).toList();
    }

    private static String header(String table, int col) {
        return "document.getElementById('" + table + "').tHead.rows[0].cells[" + col + "]";
    }

    private static void click(Chromium browser, String table, int col) throws Exception {
        browser.eval(header(table, col) + ".click()");
    }

    private static List<String> column(Chromium browser, String table, int col) throws Exception {
        JsonNode v = browser.eval("Array.prototype.map.call(document.getElementById('" + table
                + "').tBodies[0].rows, function(r){return r.cells[" + col + "].textContent;})");
        List<String> out = new ArrayList<>();
        v.forEach(n -> out.add(n.asText()));
        return out;
    }
}
