package dev.maillog554.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.RejectionEvent;

/**
 * Counts rejections in memory by the groupings the reports show. Memory grows with the number of distinct
 * groups (codes x domains x causes) and of distinct recipients in each, not with the number of rejections: each
 * group is a few hundred bytes plus 8 to 16 bytes per distinct recipient, because only the cause groups keep
 * example rejections and per-domain counts (the report's tips and top domains need them). Not thread-safe;
 * merge per-thread instances.
 */
public final class Aggregator {

    /** Example lines kept per group, for the report's links back to the log. */
    public static final int EXAMPLES = 3;

    private final ZoneId zone;
    private final Map<CountKey, Group> summary = new HashMap<>();
    private final Map<CountKey, Group> byCode = new HashMap<>();
    private final Map<CountKey, Group> byDomain = new HashMap<>();
    private final Map<String, Group> byCategory = new HashMap<>();
    private final Map<LocalDate, long[]> byDay = new TreeMap<>();
    private final RecipientSet recipients = new RecipientSet();
    private final InboundView inbound = new InboundView();
    private long total;
    private long outbound;

    /** @param zone the zone in which rejections are counted per day */
    public Aggregator(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds one rejection to every grouping. */
    public void add(Rejection r) {
        RejectionEvent e = r.event();
        total++;
        if (e.direction() == Direction.OUTBOUND) {
            outbound++;
        }
        // One fingerprint for the five sets this rejection's recipient goes into.
        boolean named = !e.recipient().isEmpty();
        long recipient = named ? RecipientSet.fingerprint(e.recipient()) : 0;
        if (named) {
            recipients.addFingerprint(recipient);
        }
        summary.computeIfAbsent(new CountKey(e.replyCode(), e.enhancedCode(), e.recipientDomain(), e.direction(),
                r.diagnosis().category().id()), k -> new Group(false)).add(r, named, recipient);
        byCode.computeIfAbsent(new CountKey(e.replyCode(), e.enhancedCode(), "", null, null), k -> new Group(false))
                .add(r, named, recipient);
        byDomain.computeIfAbsent(new CountKey(0, "", e.recipientDomain(), null, null), k -> new Group(false))
                .add(r, named, recipient);
        byCategory.computeIfAbsent(r.diagnosis().category().id(), k -> new Group(true)).add(r, named, recipient);
        inbound.add(e, r.diagnosis().category().id(), r.diagnosis().blocklist());
        if (e.time() != null) {
            long[] day = byDay.computeIfAbsent(LocalDate.ofInstant(e.time(), zone), d -> new long[2]);
            day[e.direction() == Direction.OUTBOUND ? 0 : 1]++;
        }
    }

    /** Adds everything another aggregator counted (for inputs read in parallel). */
    public void merge(Aggregator other) {
        total += other.total;
        outbound += other.outbound;
        recipients.addAll(other.recipients);
        inbound.merge(other.inbound);
        other.summary.forEach((k, g) -> summary.merge(k, g, Group::merge));
        other.byCode.forEach((k, g) -> byCode.merge(k, g, Group::merge));
        other.byDomain.forEach((k, g) -> byDomain.merge(k, g, Group::merge));
        other.byCategory.forEach((k, g) -> byCategory.merge(k, g, Group::merge));
        other.byDay.forEach((d, c) -> byDay.merge(d, c, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
    }

    /** The counts, each list sorted by count (descending), then code, then domain. */
    public Counts result() {
        return result(r -> r.diagnosis().tips());
    }

    /**
     * The counts, with each cause's tips taken from {@code tips} of its examples (for rejections diagnosed
     * without tips, as a scan does).
     */
    public Counts result(Function<Rejection, List<String>> tips) {
        List<CategoryTally> categories = new ArrayList<>();
        byCategory.forEach((id, g) -> categories.add(g.categoryTally(id, tips)));
        categories.sort(Comparator.comparingLong(CategoryTally::count).reversed()
                .thenComparing(CategoryTally::category));
        List<DayCount> days = new ArrayList<>();
        byDay.forEach((d, c) -> days.add(new DayCount(d, c[0], c[1])));
        return new Counts(total, recipients.size(), outbound, total - outbound, byDomain.size(),
                tallies(summary), tallies(byCode), tallies(byDomain), categories, days, inbound.clients(),
                inbound.senderDomains(), false);
    }

    private static List<Tally> tallies(Map<CountKey, Group> groups) {
        List<Tally> out = new ArrayList<>(groups.size());
        groups.forEach((k, g) -> out.add(g.tally(k)));
        out.sort(TALLY_ORDER);
        return List.copyOf(out);
    }

    /** Count descending, then reply code, enhanced code, domain, direction and cause, so output is deterministic. */
    public static final Comparator<Tally> TALLY_ORDER = Comparator.comparingLong(Tally::count).reversed()
            .thenComparingInt(t -> t.key().replyCode())
            .thenComparing(t -> t.key().enhancedCode())
            .thenComparing(t -> t.key().recipientDomain())
            .thenComparing(t -> t.key().direction() == null ? "" : t.key().direction().label())
            .thenComparing(t -> t.key().category() == null ? "" : t.key().category());

    /** Running counts for one group; the examples and per-domain counts only for a cause group. */
    private static final class Group {
        long count;
        Instant first;
        Instant last;
        final FewCounts categories = new FewCounts();
        final FewCounts providers = new FewCounts();
        final FewCounts blocklists = new FewCounts();
        final RecipientSet recipients = new RecipientSet();
        /** The first rejection's reply text, the group's sample. */
        String message;
        final Map<String, Long> domains;
        final List<Rejection> examples;

        Group(boolean detailed) {
            domains = detailed ? new HashMap<>() : null;
            examples = detailed ? new ArrayList<>(EXAMPLES) : null;
        }

        void add(Rejection r, boolean named, long recipient) {
            count++;
            Instant t = r.event().time();
            if (t != null) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
            categories.add(r.diagnosis().category().id(), 1);
            providers.add(r.diagnosis().provider(), 1);
            blocklists.add(r.diagnosis().blocklist(), 1);
            if (named) {
                recipients.addFingerprint(recipient);
            }
            if (message == null) {
                message = r.event().message();
            }
            if (domains != null) {
                domains.merge(r.event().recipientDomain(), 1L, Long::sum);
                if (examples.size() < EXAMPLES) {
                    examples.add(r);
                }
            }
        }

        Group merge(Group o) {
            count += o.count;
            first = first == null || (o.first != null && o.first.isBefore(first)) ? o.first : first;
            last = last == null || (o.last != null && o.last.isAfter(last)) ? o.last : last;
            categories.addAll(o.categories);
            providers.addAll(o.providers);
            blocklists.addAll(o.blocklists);
            recipients.addAll(o.recipients);
            message = message == null ? o.message : message;
            if (domains != null) {
                o.domains.forEach((k, v) -> domains.merge(k, v, Long::sum));
                for (Rejection r : o.examples) {
                    if (examples.size() < EXAMPLES) {
                        examples.add(r);
                    }
                }
            }
            return this;
        }

        Tally tally(CountKey k) {
            return new Tally(k, count, recipients.size(), first, last, categories.top(), providers.top(),
                    blocklists.top(), message == null ? "" : message);
        }

        CategoryTally categoryTally(String id, Function<Rejection, List<String>> tipsOf) {
            List<Map.Entry<String, Long>> ds = new ArrayList<>(domains.entrySet());
            ds.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            return new CategoryTally(id, count, recipients.size(), domains.size(),
                    ds.stream().limit(10).map(Map.Entry::getKey).toList(), first, last,
                    List.copyOf(examples), List.of()).withTipsOf(tipsOf);
        }
    }
}
