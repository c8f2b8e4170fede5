package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code runs} lists every stored run, newest first, with what it read and found. */
@QuarkusMainTest
class RunsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void listsEachRunWithItsCounts(QuarkusMainLauncher launcher) throws IOException {
        HistoryFixture history = new HistoryFixture(tmp);
        assertEquals(ExitCodes.OK, history.scan(launcher, "--server", "mx1").exitCode());
        // The second scan finds the file read to its end: nothing read, nothing new.
        assertEquals(ExitCodes.OK, history.scan(launcher, "--server", "mx1").exitCode());
        LaunchResult r = history.history(launcher, "runs");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals("", HistoryFixture.errors(r));
        List<String> lines = r.getOutput().lines().toList();
        assertEquals(3, lines.size(), r.getOutput());
        assertTrue(lines.get(0).matches("\\s+id\\s+started\\s+finished\\s+status\\s+host\\s+lines\\s+found\\s+new"
                + "\\s+inputs"), lines.get(0));
        // id, started, finished, status, host, lines, found, new, inputs
        List<String> newest = List.of(lines.get(1).strip().split("\\s+"));
        List<String> first = List.of(lines.get(2).strip().split("\\s+"));
        assertEquals(List.of("ok", "mx1", "0", "0", "0"), newest.subList(3, 8), lines.get(1));
        assertEquals(List.of("ok", "mx1", String.valueOf(3 * HistoryFixture.TOTAL),
                String.valueOf(HistoryFixture.TOTAL), String.valueOf(HistoryFixture.TOTAL)), first.subList(3, 8),
                lines.get(2));
        assertTrue(first.get(8).endsWith("mail.log"), lines.get(2));
        assertTrue(Long.parseLong(newest.get(0)) > Long.parseLong(first.get(0)), "newest first:\n" + r.getOutput());
    }

    @Test
    void anEmptyHistoryListsOnlyTheHeader(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("runs", "--data-dir", tmp.resolve("db").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals(1, r.getOutput().lines().count(), r.getOutput());
    }
}
