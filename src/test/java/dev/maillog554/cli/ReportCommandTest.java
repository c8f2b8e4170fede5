package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code report} rebuilds the scan's reports from the history, with its filters and threshold. */
@QuarkusMainTest
class ReportCommandTest {

    @TempDir
    Path tmp;
    HistoryFixture history;

    @BeforeEach
    void fixture() {
        history = new HistoryFixture(tmp);
    }

    @Test
    void reportFromHistoryHasTheScansTotals(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult scan = launcher.launch("scan", "--data-dir", history.dataDir().toString(), "--out",
                history.scanOut().toString(), "sample-logs");
        assertEquals(ExitCodes.OK, scan.exitCode(), scan.getErrorOutput());
        Path out = tmp.resolve("report");
        LaunchResult r = history.history(launcher, "report", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals("", HistoryFixture.errors(r));
        // sample-logs/README.md: 26 rejections, 17 outbound and 9 inbound, of 25 recipients.
        assertTrue(r.getOutput().startsWith("26 rejections (all servers): 17 outbound, 9 inbound; 25 recipients; "),
                r.getOutput());
        assertEquals(26, HistoryFixture.total(out));
        for (String file : List.of("summary.csv", "by-code.csv", "by-domain.csv", "by-category.csv", "by-day.csv",
                "by-client.csv", "by-sender-domain.csv")) {
            assertEquals(Files.readAllLines(history.scanOut().resolve(file)), Files.readAllLines(out.resolve(file)),
                    file + ": report from the history must say what the scan said");
        }
        assertEquals(Files.readAllLines(history.scanOut().resolve("rejections.csv")).size(),
                Files.readAllLines(out.resolve("rejections.csv")).size());
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
}
