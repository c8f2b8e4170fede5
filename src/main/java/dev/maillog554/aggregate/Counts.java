package dev.maillog554.aggregate;

import java.util.List;
import java.util.function.Function;

import dev.maillog554.classify.Rejection;

/**
 * Everything the reports show, computed either in memory during a scan or from the stored history.
 *
 * @param total      rejections: refused recipients (outbound) and refused client commands (inbound)
 * @param recipients distinct recipient addresses among them
 * @param outbound   rejections of our mail by remote servers
 * @param inbound    rejections of clients by our server
 * @param domains    distinct recipient domains
 * @param summary    by reply code, enhanced code, recipient domain, direction and cause
 * @param byCode     by reply code and enhanced code
 * @param byDomain   by recipient domain
 * @param categories by cause
 * @param days       by day, oldest first
 * @param clients    inbound rejections by client IP address
 * @param senders    inbound rejections by sender domain
 * @param daily      whether distinct counts (recipients, and a sender domain's clients) are sums of each day's
 *                   distinct count per group and server, as the history's daily rollups give them over whole days,
 *                   rather than exact over the whole window: a recipient refused on three days counts three times
 */
public record Counts(long total, long recipients, long outbound, long inbound, long domains, List<Tally> summary,
                     List<Tally> byCode, List<Tally> byDomain, List<CategoryTally> categories, List<DayCount> days,
                     List<PartyTally> clients, List<PartyTally> senders,
                     boolean daily) {

    /** The same counts with each cause's tips taken from its examples ({@link CategoryTally#withTipsOf}). */
    public Counts withTipsOf(Function<Rejection, List<String>> tipsOf) {
        return new Counts(total, recipients, outbound, inbound, domains, summary, byCode, byDomain,
                categories.stream().map(t -> t.withTipsOf(tipsOf)).toList(), days, clients, senders, daily);
    }
}
