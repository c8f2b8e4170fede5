package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code scan --fail-if-count n}: exit code 4 for monitoring when a run finds more than n rejections. */
@QuarkusMainTest
class ScanThresholdTest {

    @TempDir
    Path tmp;

    @Test
    void moreThanTheThresholdExitsFour(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = new HistoryFixture(tmp).scan(launcher, "--fail-if-count", "5");
        assertEquals(ExitCodes.THRESHOLD, r.exitCode(), r.getErrorOutput());
        assertEquals("maillog554: 6 rejections, more than --fail-if-count 5", HistoryFixture.errors(r));
        // The run is still stored and reported: the code only tells cron to mail someone.
        assertTrue(r.getOutput().startsWith("6 rejections"), r.getOutput());
        assertEquals(HistoryFixture.TOTAL, HistoryFixture.total(tmp.resolve("scan-out")));
    }

    @Test
    void atTheThresholdExitsZero(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = new HistoryFixture(tmp).scan(launcher, "--fail-if-count", "6");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals("", HistoryFixture.errors(r));
    }

    @Test
    void onlyThisRunCounts(QuarkusMainLauncher launcher) throws IOException {
        HistoryFixture history = new HistoryFixture(tmp);
        assertEquals(ExitCodes.OK, history.scan(launcher).exitCode());
        // The next nightly run reads nothing new: the stored six do not count against it.
        LaunchResult r = history.scan(launcher, "--fail-if-count", "0");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
    }
}
