package dev.maillog554.store;

import java.time.Instant;

/**
 * One stored run.
 *
 * @param id              run id
 * @param startedAt       start
 * @param finishedAt      end, or null while running or when the process died
 * @param host            server that ran it
 * @param inputs          inputs named on the command line
 * @param codes           reply codes counted
 * @param status          {@code running}, {@code ok}, {@code partial}, {@code failed}, {@code failed-reported}
 *                        (a later scan reported what it stored) or {@code abandoned}
 * @param linesRead       lines read
 * @param rejectionsFound rejections found
 * @param rejectionsNew   of those, how many were new to the history
 * @param problems        input problems reported
 */
public record RunRow(long id, Instant startedAt, Instant finishedAt, String host, String inputs, String codes,
                     String status, long linesRead, long rejectionsFound, long rejectionsNew, int problems) {
}
