package dev.maillog554.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.report.MetricsFile;
import dev.maillog554.report.PrometheusText;
import dev.maillog554.report.PrometheusText.Family;
import dev.maillog554.scan.ScanRequest;
import dev.maillog554.scan.ScanResult;
import dev.maillog554.scan.ScanService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code serve}'s {@code /q/metrics} holds what {@code --metrics-file} writes for the same history: the same
 * families (names, HELP, TYPE), label sets and values, read back from the stored runs, and nothing else
 * (Micrometer's own binders are off).
 */
@QuarkusTest
class MetricsEndpointTest {

    /** The Accept header Prometheus 2 sends when it scrapes. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Inject
    ScanService scans;

    @TempDir
    Path tmp;

    // Two runs, as the scan command ends them: the second one fails (exit code 2), so its file keeps the first
    // run's last success and serve must find that run's end in the history; its rejections are fewer, so a label
    // set only the first run found must be gone from the page, as from the file.
    @Test
    void servesWhatTheMetricsFileHoldsForTheSameHistory() throws IOException {
        Path file = tmp.resolve("maillog554.prom");
        ScanResult first = scan(List.of("sample-logs"));
        MetricsFile.write(file, scans.finish(first, 0));
        Map<String, Family> afterFirst = PrometheusText.parse(Files.readString(file, StandardCharsets.UTF_8));
        ScanResult second = scan(List.of("sample-logs/exim_rejectlog"));
        MetricsFile.write(file, scans.finish(second, 2));

        Map<String, Family> written = PrometheusText.parse(Files.readString(file, StandardCharsets.UTF_8));
        // Both formats Quarkus serves: the classic text format, which it picks for Prometheus's own Accept
        // header, and OpenMetrics, which it picks for any type (*/*, curl's default).
        String plain = given().accept(PROMETHEUS_ACCEPT).when().get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertEquals(written, PrometheusText.parse(plain), plain);
        String page = given().accept("*/*").when().get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("application/openmetrics-text")).extract().asString();
        Map<String, Family> served = PrometheusText.parse(page);

        assertEquals(written, served, page);
        // The comparison is not an empty one: both runs found rejections, the second fewer kinds of them.
        assertEquals(2.0, served.get("maillog554_last_run_exit_code").samples().get(""));
        assertEquals(second.counts().total(), served.get("maillog554_rejections").samples().values().stream()
                .mapToDouble(Double::doubleValue).sum());
        assertTrue(second.counts().total() > 0 && first.counts().total() > second.counts().total(),
                first + " / " + second);
        assertNotEquals(afterFirst.get("maillog554_rejections"), served.get("maillog554_rejections"));
        assertEquals(MetricsFile.seconds(first.finished()),
                served.get("maillog554_last_success_timestamp_seconds").samples().get(""));
        assertEquals(second.linesRead(), served.get("maillog554_lines_read").samples().get(""));
        // Micrometer's JVM, system and HTTP binders are off: every family is ours.
        for (String name : served.keySet()) {
            assertTrue(name.startsWith("maillog554_"), name + " in\n" + page);
        }
    }

    private ScanResult scan(List<String> inputs) throws IOException {
        // --full: the history of this Quarkus application may hold these lines from another test class already
        ScanResult r = scans.scan(new ScanRequest(inputs, tmp.resolve("out"), CodeFilter.parse("554"),
                ZoneOffset.UTC, "mx-metrics-test", Instant.now(), false, true, false, null, null), p -> {
                });
        assertTrue(r.counts().total() > 0, "the sample logs must hold rejections: " + r);
        return r;
    }
}
