package dev.maillog554.store;

import java.util.List;

/**
 * What a finished run tells the monitoring beyond its {@link RunTotals}.
 *
 * @param inputs     inputs read
 * @param recipients distinct recipient addresses among the rejections found
 * @param durationMs how long the run took, in milliseconds
 * @param counts     the rejections found, by direction, cause and code
 */
public record RunFigures(int inputs, long recipients, long durationMs, List<RunCount> counts) {

    public RunFigures {
        counts = List.copyOf(counts);
    }
}
