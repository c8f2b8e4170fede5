package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README promises that a scan killed at any point loses nothing and counts nothing twice: real processes are
 * killed with SIGKILL and SIGTERM in the middle of a large realistic log, the scan is rerun to the end on the same
 * database, and the stored history must equal that of one uninterrupted scan on a fresh database.
 */
class CrashRecoveryIT {

    /**
     * Lines of the generated log, about 5% of them rejections: a tenth of the log holds fewer than one batch
     * (ScanService.BATCH, 1000), two thirds of it several.
     */
    static final int LINES = 150_000;

    @TempDir
    Path tmp;

    @Test
    void killedScansLoseNothingAndCountNothingTwice() throws Exception {
        Path log = tmp.resolve("mail.log");
        long rejections = PostfixLogGenerator.write(log, LINES, 554);

        CliProcess whole = CliProcess.run(tmp, "whole", scanArgs("whole", log));
        assertEquals(ExitCodes.OK, whole.exitCode(), whole.toString());
        History expected = History.of(tmp.resolve("whole-db"));
        assertEquals(rejections, expected.keys.size(), "every rejection of the log is stored");

        // Killed scans read the log through a named pipe fed only up to a point, where they wait: first early (a
        // tenth of the log, before its first batch is stored), then with several batches stored; the last run reads
        // the file itself to the end.
        long size = Files.size(log);
        killMidScan(log, "killed-1", size / 10, true);
        killMidScan(log, "killed-2", size * 2 / 3, false);
        CliProcess rest = CliProcess.run(tmp, "rest", scanArgs("crash", log));
        assertEquals(ExitCodes.OK, rest.exitCode(), rest.toString());

        History after = History.of(tmp.resolve("crash-db"));
        assertEquals(expected.groups, after.groups, "counts by code, domain, direction and cause");
        assertEquals(expected.keys, after.keys, "the same rejections, each once");

        CliProcess runs = CliProcess.run(tmp, "runs", "runs", "--data-dir", tmp.resolve("crash-db").toString());
        assertEquals(ExitCodes.OK, runs.exitCode(), runs.toString());
        List<String> rows = runs.stdout().lines().skip(1).toList();
        assertEquals(3, rows.size(), runs.stdout());
        assertTrue(rows.get(0).contains(" ok "), "the last run finished: " + rows.get(0));
        assertTrue(rows.get(1).contains(" abandoned "), "the second run was killed: " + rows.get(1));
        assertTrue(rows.get(2).contains(" abandoned "), "the first run was killed: " + rows.get(2));
    }

    private String[] scanArgs(String name, Path log) {
        return new String[] {"scan", "--quiet", "--server", "mx1", "--data-dir", tmp.resolve(name + "-db").toString(),
            "--out", tmp.resolve(name + "-out").toString(), log.toString()};
    }

    // Kills a scan that has read the first {@code part} bytes of the log and waits for more: it is past start-up,
    // holds the lock and has found rejections, and it cannot end before it is killed, whatever the machine's speed.
    // hard: SIGKILL (no shutdown hook, no flush, no rollback); otherwise SIGTERM, as cron or systemd send it,
    // which must also say so in one line on stderr.
    private void killMidScan(Path log, String tag, long part, boolean hard) throws Exception {
        Path out = tmp.resolve("crash-out");
        try (FifoFeed feed = new FifoFeed(tmp.resolve(tag + ".log"), log)) {
            CliProcess p = CliProcess.start(tmp, tag, Map.of(), scanArgs("crash", feed.path));
            feed.releaseUpTo(part, p);
            if (hard) {
                p.process.destroyForcibly();
                p.await();
            } else {
                p.process.destroy();
                p.await();
                assertEquals("maillog554: " + Startup.STOPPED, p.stderr().strip(), p.toString());
            }
        }
        if (hard) {
            try (Stream<Path> files = Files.list(out)) {
                // The partial file stays behind; the next run's file gets another temporary name.
                assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "killed mid-scan");
            }
        }
    }

    /** What a database holds, read with plain JDBC once no process has it open. */
    record History(Map<String, Long> groups, List<String> keys) {

        static History of(Path dataDir) throws SQLException {
            String url = "jdbc:h2:file:" + dataDir.resolve("maillog554").toAbsolutePath();
            Map<String, Long> groups = new TreeMap<>();
            List<String> keys = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT reply_code, enhanced_code, recipient_domain, direction, "
                        + "category, COUNT(*) FROM rejection GROUP BY reply_code, enhanced_code, recipient_domain, "
                        + "direction, category")) {
                    while (r.next()) {
                        groups.put(r.getInt(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4)
                                + " " + r.getString(5), r.getLong(6));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT dedupe_key FROM rejection ORDER BY dedupe_key")) {
                    while (r.next()) {
                        keys.add(r.getString(1));
                    }
                }
            }
            return new History(groups, keys);
        }
    }
}
