package dev.maillog554.api.dto;

import java.time.Instant;

import dev.maillog554.store.RunRow;

/** One stored scan run, as the API shows it. */
public record RunSummary(long id, Instant startedAt, Instant finishedAt, String host, String inputs, String codes,
                         String status, long linesRead, long rejectionsFound, long rejectionsNew, int problems) {

    /** From the history's record. */
    public static RunSummary of(RunRow r) {
        return new RunSummary(r.id(), r.startedAt(), r.finishedAt(), r.host(), r.inputs(), r.codes(), r.status(),
                r.linesRead(), r.rejectionsFound(), r.rejectionsNew(), r.problems());
    }
}
