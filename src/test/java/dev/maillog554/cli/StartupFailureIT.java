package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up fails before picocli's exception handler exists; Main still turns each failure into one line on
 * stderr and exit code 1 (a stack trace only with MAILLOG554_DEBUG). Real processes: the in-JVM launcher
 * would keep the bad database options for the tests after it.
 */
class StartupFailureIT {

    @TempDir
    Path tmp;

    @Test
    void unknownDatabaseUrl() throws Exception {
        CliProcess p = CliProcess.run(tmp, "url", "runs", "--db-url", "jdbc:nosuch:maillog554");
        assertOneLine(p, "maillog554: cannot start: ", "jdbc:nosuch:maillog554");
    }

    @Test
    void unreachablePostgresql() throws Exception {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        CliProcess p = CliProcess.run(tmp, "pg", "report", "--db-url", "jdbc:postgresql://127.0.0.1:1/maillog554",
                "--out", tmp.resolve("out").toString());
        assertOneLine(p, "maillog554: cannot reach PostgreSQL at 127.0.0.1:1: ", "--db-url");
        assertTrue(Files.notExists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void dataDirThatCannotBeCreated() throws Exception {
        // A file where a folder should be: fails even for root, unlike a read-only folder.
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        CliProcess p = CliProcess.run(tmp, "dir", "scan", "--data-dir", file.resolve("db").toString(), "--out",
                tmp.resolve("out").toString(), "-");
        assertOneLine(p, "maillog554: cannot create the database folder: " + file.resolve("db"), "--data-dir");
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        CliProcess p = CliProcess.start(tmp, "debug", Map.of("MAILLOG554_DEBUG", "1"), "runs", "--db-url",
                "jdbc:nosuch:maillog554");
        assertEquals(ExitCodes.FAILURE, p.await(), p.toString());
        assertTrue(p.stderr().startsWith("maillog554: cannot start: "), p.stderr());
        assertTrue(p.stderr().contains("\tat "), p.stderr());
    }

    private static void assertOneLine(CliProcess p, String start, String mentions) throws Exception {
        assertEquals(ExitCodes.FAILURE, p.exitCode(), p.toString());
        String err = p.stderr();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith(start), err);
        assertTrue(err.contains(mentions), err);
        assertEquals("", p.stdout());
    }
}
