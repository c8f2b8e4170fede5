package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time per database, with real processes: a second scan exits at once with code 5 and one line,
 * or with {@code --wait} queues and then finishes with 0, also when two scans start together and the busy
 * database is met inside start-up, where H2 would otherwise print its stack trace and exit 1.
 */
class ConcurrentRunsIT {

    static final String BUSY = "maillog554: " + EmbeddedDbGuard.BUSY_MESSAGE;

    @TempDir
    Path tmp;

    @Test
    void scansStartedTogetherRunOneAtATime() throws Exception {
        Path log = tmp.resolve("mail.log");
        long rejections = PostfixLogGenerator.write(log, 40_000, 26);
        CliProcess a = CliProcess.start(tmp, "a", Map.of(), scan("a", log));
        CliProcess b = CliProcess.start(tmp, "b", Map.of(), scan("b", log));
        CliProcess queued = CliProcess.start(tmp, "queued", Map.of(), scan("queued", "--wait", log.toString()));
        int codeA = a.await();
        int codeB = b.await();
        assertEquals(ExitCodes.OK, queued.await(), queued.toString());
        assertTrue(List.of(codeA, codeB).contains(ExitCodes.BUSY), "one of them was busy: " + a + "\n" + b);
        for (CliProcess p : List.of(a, b)) {
            if (p.exitCode() == ExitCodes.BUSY) {
                assertEquals(BUSY, p.stderr().strip(), "one line, no stack trace");
            } else {
                assertEquals(ExitCodes.OK, p.exitCode(), p.toString());
            }
        }
        for (CliProcess p : List.of(a, b, queued)) {
            assertFalse(p.stderr().contains("Exception"), p.toString());
        }
        assertEquals(rejections, CrashRecoveryIT.History.of(tmp.resolve("db")).keys().size(), "stored once");
    }

    @Test
    void whileOneScanHoldsTheDatabaseTheNextIsBusyOrWaits() throws Exception {
        busyWhileRunning(tmp, Map.of(), Map.of(), Map.of(), scanArgs -> scan(scanArgs));
    }

    /**
     * A URL from a config file is not visible before start-up, so the busy database surfaces inside Quarkus
     * start-up (Flyway): Main must still print the one busy line with code 5, and {@code --wait} must start
     * again until the file is free. Each process gets its own data folder for the pre-start check to look at.
     */
    @Test
    void aBusyDatabaseFoundDuringStartUpIsTheSameOneLine() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.properties"), "maillog554.db.url=jdbc:h2:file:"
                + tmp.resolve("db").resolve("maillog554").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE\n");
        busyWhileRunning(tmp, dataDir("first"), dataDir("busy"), dataDir("queued"),
                scanArgs -> scanArgs.toArray(String[]::new));
    }

    private Map<String, String> dataDir(String name) {
        return Map.of("MAILLOG554_DATA_DIR", tmp.resolve("guard-" + name).toAbsolutePath().toString());
    }

    /**
     * The first scan reads a named pipe ({@link FifoFeed}), so it holds the database for exactly as long as the
     * test holds the feed back, and the test knows it is past start-up once it has opened the pipe.
     */
    private static void busyWhileRunning(Path tmp, Map<String, String> firstEnv, Map<String, String> busyEnv,
                                         Map<String, String> queuedEnv, Args args) throws Exception {
        Path log = tmp.resolve("mail.log");
        PostfixLogGenerator.write(log, 2_000, 5);
        try (FifoFeed feed = new FifoFeed(tmp.resolve("feed.log"), log)) {
            CliProcess first = CliProcess.start(tmp, "first", firstEnv, args.of(List.of("scan", "--quiet", "--out",
                    tmp.resolve("first-out").toString(), feed.path.toString())));
            CompletableFuture<Long> firstEnd = first.process.onExit().thenApply(p -> System.nanoTime());
            feed.awaitOpened(first);
            CliProcess busy = CliProcess.start(tmp, "busy", busyEnv, args.of(List.of("scan", "--out",
                    tmp.resolve("busy-out").toString(), log.toString())));
            assertEquals(ExitCodes.BUSY, busy.await(), busy.toString());
            assertEquals(BUSY, busy.stderr().strip(), "one line, no stack trace");
            assertEquals("", busy.stdout());
            assertTrue(first.process.isAlive(), "the first scan holds the database while its input is held back");

            CliProcess queued = CliProcess.start(tmp, "queued", queuedEnv, args.of(List.of("scan", "--wait",
                    "--out", tmp.resolve("queued-out").toString(), log.toString())));
            CompletableFuture<Long> queuedEnd = queued.process.onExit().thenApply(p -> System.nanoTime());
            // The queued run's waiting is not visible from outside: that it ends after the first, with 0 and
            // nothing on stderr, is what shows it queued rather than failed.
            feed.release();
            assertEquals(ExitCodes.OK, first.await(), first.toString());
            assertEquals(ExitCodes.OK, queued.await(), queued.toString());
            assertEquals("", queued.stderr());
            assertTrue(queuedEnd.get() >= firstEnd.get(), "--wait finished after the run it queued behind");
        }
    }

    private String[] scan(String name, String... rest) {
        return Stream.concat(Stream.of("scan", "--quiet", "--data-dir", tmp.resolve("db").toString(), "--out",
                tmp.resolve(name + "-out").toString()), Stream.of(rest)).toArray(String[]::new);
    }

    private String[] scan(String name, Path log) {
        return scan(name, log.toString());
    }

    private String[] scan(List<String> args) {
        return Stream.concat(args.stream().limit(1), Stream.concat(Stream.of("--data-dir",
                tmp.resolve("db").toString()), args.stream().skip(1))).toArray(String[]::new);
    }

    /** Turns the arguments common to both set-ups into a command line. */
    private interface Args {
        String[] of(List<String> args) throws IOException;
    }
}
