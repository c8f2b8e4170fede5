package dev.maillog554.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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

    /**
     * The same cause with the tips of its examples, as every report gives them: outbound examples' tips first
     * (they are the sender's to-do list; inbound ones start with whose move it is), each tip once.
     *
     * @param tipsOf the tips of one example (the classifier's, asked again: tips are text, not history)
     */
    public CategoryTally withTipsOf(Function<Rejection, List<String>> tipsOf) {
        List<Rejection> byDirection = new ArrayList<>(examples);
        byDirection.sort(Comparator.comparing(r -> r.event().direction()));
        Set<String> tipsInOrder = new LinkedHashSet<>();
        for (Rejection r : byDirection) {
            tipsInOrder.addAll(tipsOf.apply(r));
        }
        return new CategoryTally(category, count, recipients, domains, topDomains, firstSeen, lastSeen, examples,
                List.copyOf(tipsInOrder));
    }
}
