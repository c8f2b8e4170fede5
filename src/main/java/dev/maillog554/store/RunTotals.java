package dev.maillog554.store;

/**
 * What a run did.
 *
 * @param status          {@code ok}, or {@code partial} when some input could not be read
 * @param linesRead       lines read across all inputs
 * @param rejectionsFound rejections found (each counted once per run)
 * @param rejectionsNew   of those, how many were not in the history yet
 * @param problems        input problems reported on stderr
 */
public record RunTotals(String status, long linesRead, long rejectionsFound, long rejectionsNew, int problems) {
}
