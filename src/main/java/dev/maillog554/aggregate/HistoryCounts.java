package dev.maillog554.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.Direction;
import dev.maillog554.store.FineGroup;
import dev.maillog554.store.InboundGroup;
import dev.maillog554.store.PartyGroup;
import dev.maillog554.store.RejectionRow;
import dev.maillog554.store.TimeBucket;

/**
 * Builds the reports' {@link Counts} from the history's finest groups, whichever way those were counted: by SQL
 * GROUP BY ({@link HistoryCounter#counts}) or in Java while every row streams past once ({@link Pass}, for
 * {@link HistoryCounter#report}). Both ways feed the same assembly code below, so they give the same counts.
 *
 * <p>Why two ways: an API request wants counts without reading every row, which the GROUP BY does inside the
 * database; {@code report} must read every row anyway for {@code rejections.csv}, and on a history of millions
 * of rows each extra pass of the database over the table (the GROUP BY, the per-day counts, the examples of
 * each cause) cost as much as that one read.
 */
final class HistoryCounts {

    /** Every zone offset in use is a multiple of 15 minutes, so 15-minute UTC buckets add up to exact days. */
    static final int DAY_BUCKET_SECONDS = 900;

    private HistoryCounts() {
    }

    /**
     * The finest group: one reply code, enhanced code, domain, direction, cause, provider and blocklist.
     *
     * @param firstId      the smallest row id in the group; its message is the group's example
     * @param recipients   its distinct recipients, from the rows (distinct counts do not add up, so coarser groups
     *                     merge sets); empty from the rollups
     * @param recipientSum from the rollups, the sum of its daily distinct recipient counts; 0 from the rows
     */
    record Fine(int code, String enhanced, String domain, Direction direction, String category, String provider,
                String blocklist, long count, Instant first, Instant last, long firstId, RecipientSet recipients,
                long recipientSum) {

        /**
         * The group of one row of the history's GROUP BY: from the rows, one recipient, hence a set of one; from
         * the rollups, a sum of daily distinct counts.
         */
        static Fine of(FineGroup g) {
            RecipientSet recipient = new RecipientSet();
            recipient.add(g.recipient());
            return new Fine(g.code(), g.enhanced(), g.domain(), StoredRows.direction(g.direction()), g.category(),
                    g.provider(), g.blocklist(), g.count(), g.first(), g.last(), g.firstId(), recipient,
                    g.recipients());
        }

        /** The seven columns that make the group, without the recipient. */
        static List<Object> key(FineGroup g) {
            return List.of(g.code(), g.enhanced(), g.domain(), g.direction(), g.category(), g.provider(),
                    g.blocklist());
        }

        /**
         * This group and {@code o}, a part of the same group (same seven columns), as one. This group's recipient
         * set takes {@code o}'s in (the caller owns both), so a group of many parts is not copied once per part.
         */
        Fine merge(Fine o) {
            RecipientSet both = recipients;
            both.addAll(o.recipients);
            return new Fine(code, enhanced, domain, direction, category, provider, blocklist, count + o.count,
                    first == null || (o.first != null && o.first.isBefore(first)) ? o.first : first,
                    last == null || (o.last != null && o.last.isAfter(last)) ? o.last : last,
                    Math.min(firstId, o.firstId), both, recipientSum + o.recipientSum);
        }
    }

    /** Rejections of one direction in one 15-minute UTC bucket (bucket = epoch second / 900, floored). */
    record Bucket(long bucket, Direction direction, long count) {
    }

    /**
     * Everything the reports show. Category tips are left empty: they are text from the classifier.
     *
     * @param fine     the finest groups, in any order
     * @param messages the message of each of these row ids
     * @param examples the first {@link Aggregator#EXAMPLES} rejections of a cause, by id
     * @param days     per-day counts, oldest first
     * @param inbound  the inbound rejections by client and sender domain
     * @param daily    whether the groups came from the rollups, so distinct counts are sums of daily ones
     */
    static Counts assemble(List<Fine> fine, Function<Collection<Long>, Map<Long, String>> messages,
                           Function<String, List<Rejection>> examples, List<DayCount> days, InboundView inbound,
                           boolean daily) {
        Map<CountKey, Group> summary = new HashMap<>();
        Map<CountKey, Group> byCode = new HashMap<>();
        Map<CountKey, Group> byDomain = new HashMap<>();
        Map<String, Group> byCategory = new HashMap<>();
        RecipientSet recipients = new RecipientSet();
        long recipientSum = 0;
        long total = 0;
        long outbound = 0;
        for (Fine p : fine) {
            total += p.count;
            outbound += p.direction == Direction.OUTBOUND ? p.count : 0;
            recipients.addAll(p.recipients);
            recipientSum += p.recipientSum;
            summary.computeIfAbsent(new CountKey(p.code, p.enhanced, p.domain, p.direction, p.category),
                    k -> new Group()).add(p);
            byCode.computeIfAbsent(new CountKey(p.code, p.enhanced, "", null, null), k -> new Group()).add(p);
            byDomain.computeIfAbsent(new CountKey(0, "", p.domain, null, null), k -> new Group()).add(p);
            byCategory.computeIfAbsent(p.category, k -> new Group()).add(p);
        }
        List<Long> ids = new ArrayList<>();
        for (Map<CountKey, Group> g : List.of(summary, byCode, byDomain)) {
            g.values().forEach(x -> ids.add(x.firstId));
        }
        Map<Long, String> text = messages.apply(ids.stream().distinct().toList());
        List<CategoryTally> categories = new ArrayList<>();
        byCategory.forEach((id, g) -> categories.add(g.categoryTally(id, examples.apply(id))));
        categories.sort(Comparator.comparingLong(CategoryTally::count).reversed()
                .thenComparing(CategoryTally::category));
        return new Counts(total, recipients.size() + recipientSum, outbound, total - outbound, byDomain.size(),
                tallies(summary, text),
                tallies(byCode, text), tallies(byDomain, text), categories, days, inbound.clients(),
                inbound.senderDomains(), daily);
    }

    /** Per-day counts in {@code zone}, oldest first, from the history's 15-minute buckets. */
    static List<DayCount> storedDays(List<TimeBucket> stored, ZoneId zone) {
        List<Bucket> buckets = new ArrayList<>(stored.size());
        for (TimeBucket b : stored) {
            buckets.add(new Bucket(b.bucket(), StoredRows.direction(b.direction()), b.count()));
        }
        return days(buckets, zone);
    }

    /** Per-day counts in {@code zone}, oldest first, from 15-minute buckets. */
    static List<DayCount> days(Iterable<Bucket> buckets, ZoneId zone) {
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (Bucket b : buckets) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(b.bucket * DAY_BUCKET_SECONDS), zone);
            byDay.computeIfAbsent(day, d -> new long[2])[b.direction == Direction.OUTBOUND ? 0 : 1] += b.count;
        }
        List<DayCount> out = new ArrayList<>(byDay.size());
        byDay.forEach((d, c) -> out.add(new DayCount(d, c[0], c[1])));
        return out;
    }

    private static List<Tally> tallies(Map<CountKey, Group> groups, Map<Long, String> messages) {
        List<Tally> out = new ArrayList<>(groups.size());
        groups.forEach((k, g) -> out.add(new Tally(k, g.count, g.recipients.size() + g.recipientSum, g.first, g.last,
                top(g.categories), top(g.providers), top(g.blocklists), messages.getOrDefault(g.firstId, ""))));
        out.sort(Aggregator.TALLY_ORDER);
        return List.copyOf(out);
    }

    // The most frequent non-empty value; ties go to the smallest id, as in the in-memory Aggregator.
    private static String top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(en -> !en.getKey().isEmpty())
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()))
                .map(Map.Entry::getKey).orElse("");
    }

    /** A report group built from the finest groups. */
    private static final class Group {
        long count;
        Instant first;
        Instant last;
        long firstId = Long.MAX_VALUE;
        final Map<String, Long> categories = new HashMap<>(4);
        final Map<String, Long> providers = new HashMap<>(4);
        final Map<String, Long> blocklists = new HashMap<>(4);
        final Map<String, Long> domains = new HashMap<>(4);
        final RecipientSet recipients = new RecipientSet();
        long recipientSum;

        void add(Fine p) {
            count += p.count;
            first = first == null || (p.first != null && p.first.isBefore(first)) ? p.first : first;
            last = last == null || (p.last != null && p.last.isAfter(last)) ? p.last : last;
            firstId = Math.min(firstId, p.firstId);
            categories.merge(p.category, p.count, Long::sum);
            providers.merge(p.provider, p.count, Long::sum);
            blocklists.merge(p.blocklist, p.count, Long::sum);
            domains.merge(p.domain, p.count, Long::sum);
            recipients.addAll(p.recipients);
            recipientSum += p.recipientSum;
        }

        CategoryTally categoryTally(String id, List<Rejection> examples) {
            List<Map.Entry<String, Long>> ds = new ArrayList<>(domains.entrySet());
            ds.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            return new CategoryTally(id, count, recipients.size() + recipientSum, domains.size(),
                    ds.stream().limit(10).map(Map.Entry::getKey).toList(), first, last, examples, List.of());
        }
    }

    /** The inbound view of the history's inbound rollups. */
    static InboundView parties(Consumer<Consumer<PartyGroup>> groups) {
        InboundView view = new InboundView();
        groups.accept(view::add);
        return view;
    }

    /** The inbound view of the history's inbound groups. */
    static InboundView inbound(List<InboundGroup> groups) {
        InboundView view = new InboundView();
        for (InboundGroup g : groups) {
            view.add(Direction.INBOUND, g.remoteIp(), g.remoteHost(), g.sender(), g.recipient(), g.category(),
                    g.blocklist(), g.first(), g.last(), g.count());
        }
        return view;
    }

    /**
     * The first {@link Aggregator#EXAMPLES} rows of each cause, for rows that arrive in ascending id order: what
     * {@code HistoryGroups.firstOfCategory} asks the database, taken from a pass over the rows instead.
     */
    static final class Examples {
        private final Map<String, List<Rejection>> byCategory = new HashMap<>();

        /** Keeps the row if its cause has fewer than {@link Aggregator#EXAMPLES} yet; rows in ascending id order. */
        void add(RejectionRow r) {
            List<Rejection> ex = byCategory.computeIfAbsent(r.category(), c -> new ArrayList<>(Aggregator.EXAMPLES));
            if (ex.size() < Aggregator.EXAMPLES) {
                ex.add(StoredRows.toRejection(r));
            }
        }

        /** Adds the examples of the rows right after these: every id in {@code later} is above every id here. */
        void merge(Examples later) {
            later.byCategory.forEach((category, rows) -> {
                List<Rejection> mine = byCategory.computeIfAbsent(category,
                        c -> new ArrayList<>(Aggregator.EXAMPLES));
                for (Rejection r : rows) {
                    if (mine.size() < Aggregator.EXAMPLES) {
                        mine.add(r);
                    }
                }
            });
        }

        /** The examples of one cause, first row first. */
        List<Rejection> of(String category) {
            return List.copyOf(byCategory.getOrDefault(category, List.of()));
        }
    }

    /**
     * The SQL of {@link HistoryCounter#counts} done in Java, one row at a time, for rows that arrive in id
     * order: the GROUP BY over the seven finest columns (count, MIN/MAX of the time, MIN of the id and that row's
     * message, which is the first row seen), the 15-minute buckets of the per-day query, and the first
     * {@link Aggregator#EXAMPLES} rows of each cause. Memory grows with the number of groups, not of rows.
     */
    static final class Pass {
        private final Map<String, Acc> fine = new HashMap<>();
        private final StringBuilder keyText = new StringBuilder(128);
        private final Map<Long, long[]> buckets = new HashMap<>();
        private final Examples examples = new Examples();
        private final Map<Long, String> messages = new HashMap<>();
        private final InboundView inbound = new InboundView();
        private long lastBucket = Long.MIN_VALUE;
        private long[] lastCounts;

        /** Counts one row; rows must come in ascending id order. */
        void add(RejectionRow r) {
            Acc a = fine.get(key(r));
            if (a == null) {
                a = new Acc(r);
                fine.put(key(r), a);
                messages.put(r.id(), r.message());
            }
            a.count++;
            a.recipients.add(r.recipient());
            Instant t = r.time();
            if (t != null) {
                a.first = a.first == null || t.isBefore(a.first) ? t : a.first;
                a.last = a.last == null || t.isAfter(a.last) ? t : a.last;
                // Rows in id order are nearly in time order: most rows fall in the previous row's bucket.
                long bucket = Math.floorDiv(t.getEpochSecond(), DAY_BUCKET_SECONDS);
                if (bucket != lastBucket) {
                    lastBucket = bucket;
                    lastCounts = buckets.computeIfAbsent(bucket, b -> new long[2]);
                }
                lastCounts[outboundIndex(r.direction())]++;
            }
            examples.add(r);
            if (outboundIndex(r.direction()) == 1) {
                inbound.add(Direction.INBOUND, r.remoteIp(), r.remoteHost(), r.sender(), r.recipient(), r.category(),
                        r.blocklist(), t, t, 1);
            }
        }

        /**
         * Adds the counts of a pass over the rows right after this one's: every id in {@code later} is above
         * every id here, so this pass's first rows, examples and messages come first.
         */
        void merge(Pass later) {
            later.fine.forEach((k, b) -> {
                Acc a = fine.get(k);
                if (a == null) {
                    fine.put(k, b);
                    messages.put(b.firstId, later.messages.get(b.firstId));
                    return;
                }
                a.count += b.count;
                a.recipients.addAll(b.recipients);
                a.first = a.first == null || (b.first != null && b.first.isBefore(a.first)) ? b.first : a.first;
                a.last = a.last == null || (b.last != null && b.last.isAfter(a.last)) ? b.last : a.last;
            });
            later.buckets.forEach((b, c) -> {
                long[] mine = buckets.computeIfAbsent(b, x -> new long[2]);
                mine[0] += c[0];
                mine[1] += c[1];
            });
            examples.merge(later.examples);
            inbound.merge(later.inbound);
            lastBucket = Long.MIN_VALUE;
        }

        /** The counts of every row added, as {@link HistoryCounter#counts} would return them. */
        Counts result(ZoneId zone) {
            List<Fine> parts = new ArrayList<>(fine.size());
            fine.forEach((k, a) -> parts.add(new Fine(a.code, a.enhanced, a.domain, StoredRows.direction(a.dir),
                    a.category, a.provider, a.blocklist, a.count, a.first, a.last, a.firstId, a.recipients, 0)));
            // The per-day query groups by the direction's stored text; index 1 is every text but "outbound".
            List<Bucket> bs = new ArrayList<>(buckets.size() * 2);
            buckets.forEach((b, c) -> {
                bs.add(new Bucket(b, Direction.OUTBOUND, c[0]));
                bs.add(new Bucket(b, Direction.INBOUND, c[1]));
            });
            Map<Long, String> text = messages;
            return assemble(parts, ids -> text, examples::of,
                    days(bs, zone), inbound, false);
        }

        // StoredRows.direction(label) == OUTBOUND ? 0 : 1, without upper-casing every row's label.
        private static int outboundIndex(String label) {
            if ("outbound".equals(label)) {
                return 0;
            }
            if ("inbound".equals(label)) {
                return 1;
            }
            return StoredRows.direction(label) == Direction.OUTBOUND ? 0 : 1;
        }

        /**
         * The seven GROUP BY columns as one string, each field preceded by its length so that no two keys
         * share a text. Why not a record of the seven values: its equals touched seven strings of an old
         * group, each elsewhere in the heap, for every one of millions of rows; comparing one string of an
         * old group costs two memory accesses.
         */
        private String key(RejectionRow r) {
            StringBuilder k = keyText;
            k.setLength(0);
            k.append(r.replyCode());
            field(k, r.enhancedCode());
            field(k, r.recipientDomain());
            field(k, r.direction());
            field(k, r.category());
            field(k, r.provider());
            field(k, r.blocklist());
            return k.toString();
        }

        private static void field(StringBuilder k, String value) {
            k.append(' ').append(value.length()).append(':').append(value);
        }

        /** One finest group: its columns (from its first row) and its running counts. */
        private static final class Acc {
            final long firstId;
            final int code;
            final String enhanced;
            final String domain;
            final String dir;
            final String category;
            final String provider;
            final String blocklist;
            final RecipientSet recipients = new RecipientSet();
            long count;
            Instant first;
            Instant last;

            Acc(RejectionRow r) {
                firstId = r.id();
                code = r.replyCode();
                enhanced = r.enhancedCode();
                domain = r.recipientDomain();
                dir = r.direction();
                category = r.category();
                provider = r.provider();
                blocklist = r.blocklist();
            }
        }
    }
}
