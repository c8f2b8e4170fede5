package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * What every build of the command line must do, before any parsing: help, version, exit codes and clean streams.
 * {@link CliBasicsIT} runs the same tests against the packaged jar or the native binary.
 */
@QuarkusMainTest
class CliBasicsTest {

    @TempDir
    Path tmp;

    @Test
    @Launch("--help")
    void helpListsSubcommands(LaunchResult r) {
        assertTrue(r.getOutput().contains("Usage: maillog554"), r.getOutput());
        assertTrue(r.getOutput().contains("scan"), r.getOutput());
        assertNoBanner(r);
    }

    @Test
    @Launch("--help")
    void helpListsExitCodes(LaunchResult r) {
        String out = r.getOutput();
        assertTrue(out.contains("Exit codes:"), out);
        for (String code : List.of("0", "1", "2", "3")) {
            assertTrue(out.lines().anyMatch(l -> l.strip().startsWith(code + " ")), "exit code " + code + ":\n" + out);
        }
    }

    @Test
    @Launch("--version")
    void versionNamesTheProgram(LaunchResult r) {
        assertTrue(r.getOutput().startsWith("maillog554 "), r.getOutput());
        assertFalse(r.getOutput().contains("unknown"), r.getOutput());
    }

    @Test
    void missingFileIsBadInputNamedOnStderr(QuarkusMainLauncher launcher) {
        LaunchResult r = scan(launcher, "no-such-mail.log");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("no-such-mail.log"), r.getErrorOutput());
        assertEquals("", r.getOutput());
    }

    @Test
    void nonLogFileIsNotRecognised(QuarkusMainLauncher launcher) throws IOException {
        Path notALog = Files.writeString(tmp.resolve("notes.txt"), "shopping list\neggs\nmilk\n");
        LaunchResult r = scan(launcher, notALog.toString());
        assertEquals(ExitCodes.NOT_RECOGNISED, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("no Postfix or Exim line"), r.getErrorOutput());
    }

    @Test
    void emptyFileIsOkAndSilent(QuarkusMainLauncher launcher) throws IOException {
        Path empty = Files.createFile(tmp.resolve("mail.log"));
        LaunchResult r = scan(launcher, empty.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertEquals("", r.getOutput());
        assertNoBanner(r);
    }

    /** Runs {@code scan} with its own database and report folder, so launches never share state. */
    LaunchResult scan(QuarkusMainLauncher launcher, String... inputs) {
        List<String> args = new ArrayList<>(List.of("scan", "--data-dir", tmp.resolve("db").toString(),
                "--out", tmp.resolve("report").toString()));
        args.addAll(List.of(inputs));
        return launcher.launch(args.toArray(String[]::new));
    }

    // The integration-test launcher raises the log level to see start-up, so only stdout must be free of log lines.
    static void assertNoBanner(LaunchResult r) {
        String all = r.getOutput() + r.getErrorOutput();
        assertFalse(all.contains("__  ____  __"), all);
        assertFalse(r.getOutput().contains("[io.quarkus"), r.getOutput());
    }
}
