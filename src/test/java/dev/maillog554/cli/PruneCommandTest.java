package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code prune} deletes old rejections, says how many, and later reports no longer count them. */
@QuarkusMainTest
class PruneCommandTest {

    @TempDir
    Path tmp;
    HistoryFixture history;

    @BeforeEach
    void fixture() {
        history = new HistoryFixture(tmp);
    }

    @Test
    void deletesOlderRejectionsButKeepsTheirDailyCounts(QuarkusMainLauncher launcher) throws IOException {
        assertEquals(ExitCodes.OK, history.scan(launcher).exitCode());
        LaunchResult r = history.history(launcher, "prune", "--older-than", "2026-02-01");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("deleted " + HistoryFixture.JANUARY + " rejections older than 2026-0"),
                r.getOutput());
        // The rows are gone, the rollups count them still; the page says so.
        Path out = tmp.resolve("report");
        r = history.history(launcher, "report", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals(HistoryFixture.TOTAL, HistoryFixture.total(out));
        assertEquals(HistoryFixture.TOTAL - HistoryFixture.JANUARY,
                Files.readAllLines(out.resolve("rejections.csv")).size() - 1);
        assertTrue(Files.readString(out.resolve("report.html")).contains("were pruned"));
        // Nothing older is left: a second prune deletes nothing.
        r = history.history(launcher, "prune", "--older-than", "2026-02-01");
        assertTrue(r.getOutput().startsWith("deleted 0 rejections"), r.getOutput());
        // The second tier: the daily counts go too.
        r = history.history(launcher, "prune", "--older-than", "2026-02-01", "--rollups-older-than", "2026-02-01");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().matches("(?s).*\\ndeleted [1-9]\\d* daily rollups? older than 2026-0.*"),
                r.getOutput());
        assertEquals(ExitCodes.OK, history.history(launcher, "report", "--out", out.toString()).exitCode());
        assertEquals(HistoryFixture.TOTAL - HistoryFixture.JANUARY, HistoryFixture.total(out));
    }

    @Test
    void serverLimitsWhatIsDeleted(QuarkusMainLauncher launcher) throws IOException {
        assertEquals(ExitCodes.OK, history.scan(launcher).exitCode());
        LaunchResult r = history.history(launcher, "prune", "--older-than", "2026-12-31", "--server", "mx2",
                "--rollups-older-than", "2026-12-31");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("deleted 1 rejection older than"), r.getOutput());
        Path out = tmp.resolve("report");
        assertEquals(ExitCodes.OK, history.history(launcher, "report", "--out", out.toString()).exitCode());
        assertEquals(HistoryFixture.TOTAL - HistoryFixture.MX2, HistoryFixture.total(out));
        assertEquals(HistoryFixture.TOTAL - HistoryFixture.MX2,
                Files.readAllLines(out.resolve("rejections.csv")).size() - 1);
    }

    @Test
    void olderThanIsRequired(QuarkusMainLauncher launcher) {
        LaunchResult r = history.history(launcher, "prune");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.getErrorOutput().contains("--older-than"), r.getErrorOutput());
    }
}
