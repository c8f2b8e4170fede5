package dev.maillog554.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.ingest.ReadMeter;

/**
 * What {@code scan} was asked to do.
 *
 * @param inputs     files, directories or {@code -}
 * @param outDir     where the reports go
 * @param codes      which reply codes count
 * @param zone       zone of log stamps that carry none
 * @param serverHost host name for lines that carry none (Exim's own log files)
 * @param startedAt  the run's start, from the caller's clock
 * @param redact     hide local parts of addresses in the reports
 * @param full       read every file from the top instead of from where the last run stopped
 * @param waitForLock wait for another run to finish instead of failing with "busy"
 * @param since      count only rejections at or after this time (null: no limit)
 * @param until      count only rejections before this time (null: no limit)
 * @param firstYear  year of the first line of inputs whose stamps have no year, for logs whose file dates were
 *                   lost (copied without -p); 0 to infer it from each file's modification time
 * @param meter      counts the bytes read, for a progress line ({@link ReadMeter#NONE}: none)
 */
public record ScanRequest(List<String> inputs, Path outDir, CodeFilter codes, ZoneId zone, String serverHost,
                          Instant startedAt, boolean redact, boolean full, boolean waitForLock, Instant since,
                          Instant until, int firstYear, ReadMeter meter) {

    /** A scan that shows no progress. */
    public ScanRequest(List<String> inputs, Path outDir, CodeFilter codes, ZoneId zone, String serverHost,
                       Instant startedAt, boolean redact, boolean full, boolean waitForLock, Instant since,
                       Instant until, int firstYear) {
        this(inputs, outDir, codes, zone, serverHost, startedAt, redact, full, waitForLock, since, until, firstYear,
                ReadMeter.NONE);
    }

    /** A scan whose year-less stamps are dated from each file's modification time. */
    public ScanRequest(List<String> inputs, Path outDir, CodeFilter codes, ZoneId zone, String serverHost,
                       Instant startedAt, boolean redact, boolean full, boolean waitForLock, Instant since,
                       Instant until) {
        this(inputs, outDir, codes, zone, serverHost, startedAt, redact, full, waitForLock, since, until, 0);
    }

    /** An incremental scan of everything, failing at once when the database is busy. */
    public ScanRequest(List<String> inputs, Path outDir, CodeFilter codes, ZoneId zone, String serverHost,
                       Instant startedAt, boolean redact) {
        this(inputs, outDir, codes, zone, serverHost, startedAt, redact, false, false, null, null);
    }

    /** True when the rejection's time is inside the since/until window. */
    public boolean inWindow(Instant t) {
        if (since == null && until == null) {
            return true;
        }
        return t != null && (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
    }
}
