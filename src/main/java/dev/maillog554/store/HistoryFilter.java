package dev.maillog554.store;

import java.time.Instant;

import dev.maillog554.parse.Direction;

/**
 * Which stored rejections a history query covers; every field is optional (null means no limit).
 *
 * @param since     earliest event time, inclusive
 * @param until     latest event time, exclusive
 * @param host      only this mail server
 * @param direction only this direction
 */
public record HistoryFilter(Instant since, Instant until, String host, Direction direction) {

    /** Everything. */
    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null);
}
