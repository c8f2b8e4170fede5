package dev.maillog554.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.store.BusyException;
import dev.maillog554.store.HistoryQueries;
import dev.maillog554.store.HistoryQueriesTest;
import dev.maillog554.store.RunLock;
import dev.maillog554.store.RunRow;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(FakeParserProfile.class)
class IncrementalScanTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    ScanService scans;
    @Inject
    HistoryQueries history;
    @Inject
    RunLock lock;

    @TempDir
    Path dir;
    String host;
    int next;

    @BeforeEach
    void freshHost() {
        // Checkpoints and dedupe keys are per host: a fresh host isolates each test in the shared test database.
        host = "test-" + UUID.randomUUID();
    }

    @Test
    void secondRunReadsOnlyAppendedLines() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, 10);
        assertScan(10, 10, false, log);
        append(log, 5);
        assertScan(5, 5, false, log);
        assertScan(0, 0, false, log);
        assertEquals(15, stored());
    }

    @Test
    void renamedGzippedCopytruncatedAndReplacedFilesAreNeitherRepeatedNorMissed() throws IOException {
        Path log = dir.resolve("mail.log");
        Path one = dir.resolve("mail.log.1");
        append(log, 10);
        assertScan(10, 10, false, dir);
        // logrotate rename: the MTA still writes 2 lines to the old inode, then reopens a new mail.log.
        append(log, 2);
        Files.move(log, one);
        append(log, 3);
        assertScan(5, 5, false, dir);
        // rename + gzip: mail.log.1 -> mail.log.2.gz with nothing new in it.
        gzip(one, dir.resolve("mail.log.2.gz"));
        Files.delete(one);
        assertScan(0, 0, false, dir);
        // copytruncate: mail.log is copied to mail.log.1, then truncated in place, then written to.
        append(log, 1);
        Files.copy(log, one, StandardCopyOption.REPLACE_EXISTING);
        try (OutputStream o = Files.newOutputStream(log, StandardOpenOption.TRUNCATE_EXISTING)) {
            o.flush();
        }
        append(log, 4);
        assertScan(5, 5, false, dir);
        // replaced: a new file (new inode, new content) under the same name.
        Files.delete(log);
        append(log, 2);
        assertScan(2, 2, false, dir);
        assertEquals(22, stored());
        // --full reads what is still on disk (12 + 4 + 2 lines) again and stores nothing twice.
        assertScan(18, 0, true, dir);
        assertEquals(22, stored());
    }

    @Test
    void aRejectionReadTwiceInOneRunCountsOnceWhetherNewOrStoredBefore() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, 7);
        Path copy = dir.resolve("copy-of-mail.log");
        Files.copy(log, copy);
        // new: the second file's lines are found stored by this very run
        assertScan(7, 7, false, log, copy);
        // stored before: the run remembers which of those it has met, so the copy adds nothing
        assertScan(7, 0, true, log, copy, log);
        assertEquals(7, stored());
    }

    @Test
    void sinceAndUntilLimitWhatCounts() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, 10);
        ScanResult r = scans.scan(request(List.of(log.toString()), false, T0.plusSeconds(120), T0.plusSeconds(360)),
                p -> { });
        assertEquals(4, r.counts().total());
    }

    @Test
    void aSecondRunIsBusyWhileTheFirstHoldsTheLock() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, 1);
        try (RunLock.Held held = lock.acquire(false)) {
            assertThrows(BusyException.class, () -> scans.scan(request(List.of(log.toString()), false, null, null),
                    p -> { }));
        }
        assertScan(1, 1, false, log);
    }

    @Test
    void aRunLeftRunningIsMarkedAbandonedByTheNext() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, 1);
        long stale = startStale();
        assertScan(1, 1, false, log);
        RunRow row = history.run(stale).orElseThrow();
        assertEquals("abandoned", row.status());
    }

    @Inject
    dev.maillog554.store.RunStore store;

    private long startStale() {
        return store.startRun(new dev.maillog554.store.RunInfo(T0, host, List.of("x"), "554"));
    }

    private void assertScan(long found, long fresh, boolean full, Path... inputs) throws IOException {
        List<String> names = java.util.Arrays.stream(inputs).map(Path::toString).toList();
        ScanResult r = scans.scan(full ? request(names, true, null, null) : request(names, false, null, null),
                p -> { throw new AssertionError(p.render()); });
        assertEquals(found, r.counts().total(), "found");
        assertEquals(fresh, r.newlyStored(), "new");
    }

    private ScanRequest request(List<String> inputs, boolean full, Instant since, Instant until) {
        return new ScanRequest(inputs, dir.resolve("out"), CodeFilter.parse("554"), ZoneOffset.UTC, host,
                Instant.now(), false, full, false, since, until);
    }

    private long stored() {
        return history.rejections(HistoryQueriesTest.of(host), 0, 1).total();
    }

    private void append(Path log, int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(FakeParser.line(T0.plusSeconds(60L * next), 554, "example.org", next));
            next++;
        }
        Files.writeString(log, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, o);
        }
    }
}
