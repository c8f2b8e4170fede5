package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
    void deletesOlderRejectionsAndSaysHowMany(QuarkusMainLauncher launcher) throws IOException {
        assertEquals(ExitCodes.OK, history.scan(launcher).exitCode());
        LaunchResult r = history.history(launcher, "prune", "--older-than", "2026-02-01");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("deleted " + HistoryFixture.JANUARY + " rejections older than 2026-0"),
                r.getOutput());
        Path out = tmp.resolve("report");
        r = history.history(launcher, "report", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals(HistoryFixture.TOTAL - HistoryFixture.JANUARY, HistoryFixture.total(out));
        // Nothing older is left: a second prune deletes nothing.
        r = history.history(launcher, "prune", "--older-than", "2026-02-01");
        assertTrue(r.getOutput().startsWith("deleted 0 rejections"), r.getOutput());
    }

    @Test
    void serverLimitsWhatIsDeleted(QuarkusMainLauncher launcher) throws IOException {
        assertEquals(ExitCodes.OK, history.scan(launcher).exitCode());
        LaunchResult r = history.history(launcher, "prune", "--older-than", "2026-12-31", "--server", "mx2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("deleted 1 rejection older than"), r.getOutput());
        Path out = tmp.resolve("report");
        assertEquals(ExitCodes.OK, history.history(launcher, "report", "--out", out.toString()).exitCode());
        assertEquals(HistoryFixture.TOTAL - HistoryFixture.MX2, HistoryFixture.total(out));
    }

    @Test
    void olderThanIsRequired(QuarkusMainLauncher launcher) {
        LaunchResult r = history.history(launcher, "prune");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.getErrorOutput().contains("--older-than"), r.getErrorOutput());
    }
}
