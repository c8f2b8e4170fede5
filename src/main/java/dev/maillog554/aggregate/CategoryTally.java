package dev.maillog554.aggregate;

import java.time.Instant;
import java.util.List;

import dev.maillog554.classify.Rejection;

/**
 * Rejections of one cause.
 *
 * @param category   the cause id
 * @param count      how many rejections
 * @param recipients how many distinct recipient addresses they name
 * @param domains    how many distinct recipient domains were affected
 * @param topDomains the most affected domains, most first (at most ten)
 * @param firstSeen  earliest time, or null
 * @param lastSeen   latest time, or null
 * @param examples   a few rejections of this cause, to link back to log lines
 * @param tips       the remediation tips of those examples, most specific first, without repeats
 */
public record CategoryTally(String category, long count, long recipients, int domains, List<String> topDomains,
                            Instant firstSeen, Instant lastSeen, List<Rejection> examples, List<String> tips) {

    /** The same cause with other examples and tips (read from the history, then diagnosed again). */
    public CategoryTally with(List<Rejection> newExamples, List<String> newTips) {
        return new CategoryTally(category, count, recipients, domains, topDomains, firstSeen, lastSeen,
                List.copyOf(newExamples), List.copyOf(newTips));
    }
}
