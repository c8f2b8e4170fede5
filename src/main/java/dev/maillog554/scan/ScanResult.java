package dev.maillog554.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.maillog554.aggregate.Counts;

/**
 * What a scan did.
 *
 * @param runId        the stored run
 * @param inputs       inputs read (fully or partly)
 * @param linesRead    lines read across all inputs
 * @param recognised   whether any line was recognised as Postfix or Exim
 * @param counts       the rejections found, grouped
 * @param newlyStored  how many of them were not in the history yet
 * @param problems     input problems reported (missing files, damaged data)
 * @param outDir       where the reports were written
 * @param carried      of the rejections counted, how many failed runs had stored with no report
 * @param finished     when the run ended, as stored (to the millisecond)
 * @param took         how long it took, as stored
 */
public record ScanResult(long runId, int inputs, long linesRead, boolean recognised, Counts counts,
                         long newlyStored, int problems, Path outDir, long carried, Instant finished,
                         Duration took) {
}
