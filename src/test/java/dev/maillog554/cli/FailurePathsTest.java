package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * A run that cannot write its reports: no temporary file stays, the old report stays whole, the run is marked
 * failed at once with what it stored, and the next scan's report shows what it stored. {@link FailurePathsIT}
 * runs the same tests against the packaged jar or the native binary.
 */
@QuarkusMainTest
class FailurePathsTest {

    // Two real lines (fail2ban/fail2ban, GPL-2.0, see fixtures/README.md), with other recipients.
    static final String FIRST = ScanCommandTest.INBOUND;
    static final String SECOND = ScanCommandTest.INBOUND.replace("smtp@example.org", "second@example.net");

    @TempDir
    Path tmp;

    LaunchResult run(QuarkusMainLauncher launcher, String command, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = command;
        all[1] = "--data-dir";
        all[2] = tmp.resolve("db").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return launcher.launch(all);
    }

    LaunchResult scan(QuarkusMainLauncher launcher, Path log) {
        return run(launcher, "scan", "--out", tmp.resolve("out").toString(), log.toString());
    }

    @Test
    void failedReportLeavesNothingAndTheNextScanReportsWhatItStored(QuarkusMainLauncher launcher)
            throws IOException {
        Path log = Files.writeString(tmp.resolve("mail.log"), FIRST + "\n");
        assertEquals(0, scan(launcher, log).exitCode());
        Path out = tmp.resolve("out");
        String before = Files.readString(out.resolve("rejections.csv"));

        // A folder where report.html goes: the new line is stored, then the report cannot be put in place.
        Files.writeString(log, SECOND + "\n", StandardOpenOption.APPEND);
        Files.delete(out.resolve("report.html"));
        Files.createDirectories(out.resolve("report.html").resolve("in-the-way"));
        LaunchResult failed = scan(launcher, log);
        assertEquals(ExitCodes.FAILURE, failed.exitCode(), failed.getErrorOutput());
        assertEquals(List.of("maillog554: cannot write the reports: " + out.resolve("report.html") + ": a folder is "
                + "in the way of the report file: move it away"), ownLines(failed));
        assertEquals(List.of(), temporaryFiles(out));
        assertEquals(before, Files.readString(out.resolve("rejections.csv")), "the old report is kept whole");

        // Marked failed at once, with the one rejection it stored.
        String runs = run(launcher, "runs").getOutput();
        String failedRun = runs.lines().filter(l -> l.contains(" failed ")).findFirst().orElse("");
        assertTrue(failedRun.matches("\\s*2 .* failed .*\\s1\\s+1\\s.*"), runs);

        Files.delete(out.resolve("report.html").resolve("in-the-way"));
        Files.delete(out.resolve("report.html"));
        LaunchResult next = scan(launcher, log);
        assertEquals(0, next.exitCode(), next.getErrorOutput());
        String csv = Files.readString(out.resolve("rejections.csv"));
        assertTrue(csv.contains("second@example.net"), "the failed run's rejection is reported: " + csv);
        assertTrue(next.getOutput().contains("including 1 rejection stored by failed runs"), next.getOutput());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));

        // Reported once: the scan after that shows nothing new.
        assertEquals(0, scan(launcher, log).exitCode());
        assertEquals(1, Files.readAllLines(out.resolve("rejections.csv")).size());
        assertTrue(run(launcher, "runs").getOutput().contains(" failed-reported "));
    }

    @Test
    void reportFolderThatIsAFileStoresNothing(QuarkusMainLauncher launcher) throws IOException {
        Path log = Files.writeString(tmp.resolve("mail.log"), FIRST + "\n");
        Path file = Files.writeString(tmp.resolve("out"), "not a folder");
        LaunchResult r = scan(launcher, log);
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.getErrorOutput());
        assertEquals(List.of("maillog554: cannot write the reports: " + file + " is a file, not a folder: pass a "
                + "folder to --out"), ownLines(r));
        // Checked before the run is recorded: the next scan with a usable folder finds the line as new.
        LaunchResult next = run(launcher, "scan", "--out", tmp.resolve("out2").toString(), log.toString());
        assertEquals(0, next.exitCode(), next.getErrorOutput());
        assertTrue(next.getOutput().contains("1 new in history"), next.getOutput());
    }

    // The IT launcher raises the log level, so stderr may hold framework log lines besides ours.
    static List<String> ownLines(LaunchResult r) {
        return r.getErrorOutput().lines().filter(l -> !l.matches("\\d{4}-\\d\\d-\\d\\d .*")).toList();
    }

    static List<Path> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
