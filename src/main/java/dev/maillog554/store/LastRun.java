package dev.maillog554.store;

import java.time.Instant;

/**
 * The newest run that recorded its exit code, as serve's metrics show it.
 *
 * @param figures     what it found
 * @param linesRead   lines it read
 * @param problems    input problems it reported
 * @param finished    when it ended
 * @param exitCode    the exit code it ended with
 * @param lastSuccess when a run last ended with exit code 0 or 4; null when none did
 */
public record LastRun(RunFigures figures, long linesRead, int problems, Instant finished, int exitCode,
                      Instant lastSuccess) {
}
