package dev.maillog554;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.maillog554.ingest.CodeFilter;

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
 */
public record ScanRequest(List<String> inputs, Path outDir, CodeFilter codes, ZoneId zone, String serverHost,
                          Instant startedAt, boolean redact) {
}
