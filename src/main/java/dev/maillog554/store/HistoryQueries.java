package dev.maillog554.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import dev.maillog554.aggregate.Aggregator;
import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.CountKey;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.DayCount;
import dev.maillog554.aggregate.Tally;
import dev.maillog554.classify.Category;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;

/**
 * Read-only questions about the stored history, answered with SQL GROUP BY so that millions of rows are never
 * loaded; everything it returns is a record. Native SQL that H2 and PostgreSQL both accept.
 */
@ApplicationScoped
public class HistoryQueries {

    /** Rows fetched per round trip when streaming rejections. */
    static final int STREAM_PAGE = 5000;
    // Every zone offset in use is a multiple of 15 minutes, so 15-minute UTC buckets add up to exact local days.
    private static final int DAY_BUCKET_SECONDS = 900;
    private static final String ROW_COLUMNS = "id, run_id, occurred_at, direction, status, mta, host, queue_id, "
            + "sender, recipient, recipient_domain, reply_code, enhanced_code, stage, category, provider, "
            + "blocklist, remote_host, remote_ip, message, source_file, line_no";

    @Inject
    StoreDb db;

    /** Everything the reports show, for the rejections the filter covers, with days in UTC. */
    @Transactional
    public Counts counts(HistoryFilter f) {
        return counts(f, ZoneOffset.UTC);
    }

    /**
     * Everything the reports show, for the rejections the filter covers. Category tips are left empty: they
     * are text from the classifier, not history.
     */
    @Transactional
    public Counts counts(HistoryFilter f, ZoneId zone) {
        Where w = Where.of(f);
        List<Object[]> fine = query("SELECT reply_code, enhanced_code, recipient_domain, direction, category, "
                + "provider, blocklist, COUNT(*), MIN(occurred_at), MAX(occurred_at), MIN(id) FROM rejection"
                + w.sql + " GROUP BY reply_code, enhanced_code, recipient_domain, direction, category, provider, "
                + "blocklist", w).getResultList();
        Map<CountKey, Group> summary = new HashMap<>();
        Map<CountKey, Group> byCode = new HashMap<>();
        Map<CountKey, Group> byDomain = new HashMap<>();
        Map<String, Group> byCategory = new HashMap<>();
        long total = 0;
        long outbound = 0;
        for (Object[] r : fine) {
            int code = num(r[0]).intValue();
            String enhanced = (String) r[1];
            String domain = (String) r[2];
            Direction dir = direction((String) r[3]);
            Part p = new Part((String) r[4], (String) r[5], (String) r[6], domain, num(r[7]).longValue(),
                    instant(r[8]), instant(r[9]), num(r[10]).longValue());
            total += p.count;
            outbound += dir == Direction.OUTBOUND ? p.count : 0;
            summary.computeIfAbsent(new CountKey(code, enhanced, domain, dir), k -> new Group()).add(p);
            byCode.computeIfAbsent(new CountKey(code, enhanced, "", null), k -> new Group()).add(p);
            byDomain.computeIfAbsent(new CountKey(0, "", domain, null), k -> new Group()).add(p);
            byCategory.computeIfAbsent(p.category, k -> new Group()).add(p);
        }
        Map<Long, String> messages = messages(summary, byCode, byDomain);
        List<CategoryTally> categories = new ArrayList<>();
        byCategory.forEach((id, g) -> categories.add(g.categoryTally(id, examples(id, w))));
        categories.sort(Comparator.comparingLong(CategoryTally::count).reversed()
                .thenComparing(CategoryTally::category));
        return new Counts(total, outbound, total - outbound, byDomain.size(), tallies(summary, messages),
                tallies(byCode, messages), tallies(byDomain, messages), categories, days(w, zone));
    }

    /** Counts by one field, most first, ties by key; days (in UTC) oldest first. */
    @Transactional
    public List<GroupCount> group(GroupBy by, HistoryFilter f) {
        return group(by, f, ZoneOffset.UTC);
    }

    /** Counts by one field, most first, ties by key; days (in {@code zone}) oldest first. */
    @Transactional
    public List<GroupCount> group(GroupBy by, HistoryFilter f, ZoneId zone) {
        Where w = Where.of(f);
        if (by == GroupBy.DAY) {
            return days(w, zone).stream().map(d -> new GroupCount(d.day().toString(), d.total())).toList();
        }
        String column = switch (by) {
            case CODE -> "reply_code";
            case ENHANCED -> "enhanced_code";
            case DOMAIN -> "recipient_domain";
            case DIRECTION -> "direction";
            case CATEGORY -> "category";
            case PROVIDER -> "provider";
            case HOST -> "host";
            case DAY -> throw new IllegalStateException("handled above");
        };
        List<Object[]> rows = query("SELECT " + column + ", COUNT(*) FROM rejection" + w.sql + " GROUP BY " + column,
                w).getResultList();
        List<GroupCount> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new GroupCount(String.valueOf(r[0]), num(r[1]).longValue()));
        }
        out.sort(Comparator.comparingLong(GroupCount::count).reversed().thenComparing(GroupCount::key));
        return out;
    }

    /** One page of rejections, oldest first (0-based page). */
    @Transactional
    public Page<RejectionRow> rejections(HistoryFilter f, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("invalid page " + page + " of size " + size
                    + ": page starts at 0, size at 1");
        }
        Where w = Where.of(f);
        long total = num(query("SELECT COUNT(*) FROM rejection" + w.sql, w).getSingleResult()).longValue();
        List<Object[]> rows = query("SELECT " + ROW_COLUMNS + " FROM rejection" + w.sql
                + " ORDER BY occurred_at, id", w).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(rows.stream().map(HistoryQueries::row).toList(), page, size, total);
    }

    /** Streams every rejection the filter covers in the order they were stored, a page at a time. */
    @Transactional
    public void forEachRejection(HistoryFilter f, Consumer<RejectionRow> sink) {
        Where w = Where.of(f);
        long after = Long.MIN_VALUE;
        while (true) {
            String sql = "SELECT " + ROW_COLUMNS + " FROM rejection" + w.and("id > :after") + " ORDER BY id";
            List<Object[]> rows = query(sql, w).setParameter("after", after).setMaxResults(STREAM_PAGE)
                    .getResultList();
            for (Object[] r : rows) {
                sink.accept(row(r));
            }
            if (rows.size() < STREAM_PAGE) {
                return;
            }
            after = num(rows.get(rows.size() - 1)[0]).longValue();
            db.em().clear();
        }
    }

    /** Every run, newest first. */
    @Transactional
    public List<RunRow> runs() {
        List<ScanRun> found = db.em().createQuery("FROM ScanRun r ORDER BY r.id DESC", ScanRun.class)
                .getResultList();
        return found.stream().map(HistoryQueries::runRow).toList();
    }

    /** One run. */
    @Transactional
    public Optional<RunRow> run(long id) {
        return Optional.ofNullable(db.em().find(ScanRun.class, id)).map(HistoryQueries::runRow);
    }

    /** Converts a stored row to the record that reports and aggregation use. */
    public static Rejection toRejection(RejectionRow r) {
        RejectionEvent e = new RejectionEvent(r.time(), direction(r.direction()),
                DeliveryStatus.valueOf(r.status().toUpperCase(java.util.Locale.ROOT)),
                Mta.valueOf(r.mta().toUpperCase(java.util.Locale.ROOT)), r.host(), r.queueId(), r.sender(),
                r.recipient(), r.recipientDomain(), r.replyCode(), r.enhancedCode(), r.stage(), r.remoteHost(),
                r.remoteIp(), r.message(), r.sourceFile(), r.line());
        return new Rejection(e, new Diagnosis(Category.fromId(r.category()), "", r.provider(), r.blocklist(), "",
                List.of()));
    }

    static RunRow runRow(ScanRun r) {
        return new RunRow(r.id, r.startedAt.toInstant(), r.finishedAt == null ? null : r.finishedAt.toInstant(),
                r.host, r.inputs, r.codes, r.status, r.linesRead, r.rejectionsFound, r.rejectionsNew, r.problems);
    }

    private List<DayCount> days(Where w, ZoneId zone) {
        String bucket = "CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / " + DAY_BUCKET_SECONDS + ") AS BIGINT)";
        List<Object[]> rows = query("SELECT " + bucket + ", direction, COUNT(*) FROM rejection"
                + w.and("occurred_at IS NOT NULL") + " GROUP BY " + bucket + ", direction", w).getResultList();
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (Object[] r : rows) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(num(r[0]).longValue() * DAY_BUCKET_SECONDS),
                    zone);
            byDay.computeIfAbsent(day, d -> new long[2])[direction((String) r[1]) == Direction.OUTBOUND ? 0 : 1]
                    += num(r[2]).longValue();
        }
        List<DayCount> out = new ArrayList<>(byDay.size());
        byDay.forEach((d, c) -> out.add(new DayCount(d, c[0], c[1])));
        return out;
    }

    private List<Rejection> examples(String category, Where w) {
        List<Object[]> rows = query("SELECT " + ROW_COLUMNS + " FROM rejection" + w.and("category = :category")
                + " ORDER BY id", w).setParameter("category", category).setMaxResults(Aggregator.EXAMPLES)
                .getResultList();
        return rows.stream().map(r -> toRejection(row(r))).toList();
    }

    @SafeVarargs
    private Map<Long, String> messages(Map<CountKey, Group>... groupings) {
        List<Long> ids = new ArrayList<>();
        for (Map<CountKey, Group> g : groupings) {
            g.values().forEach(x -> ids.add(x.firstId));
        }
        List<Long> distinct = ids.stream().distinct().toList();
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += 1000) {
            List<Object[]> rows = db.em().createNativeQuery("SELECT id, message FROM rejection WHERE id IN (:ids)")
                    .setParameter("ids", distinct.subList(i, Math.min(distinct.size(), i + 1000))).getResultList();
            rows.forEach(r -> out.put(num(r[0]).longValue(), (String) r[1]));
        }
        return out;
    }

    private static List<Tally> tallies(Map<CountKey, Group> groups, Map<Long, String> messages) {
        List<Tally> out = new ArrayList<>(groups.size());
        groups.forEach((k, g) -> out.add(new Tally(k, g.count, g.first, g.last, top(g.categories),
                top(g.providers), top(g.blocklists), messages.getOrDefault(g.firstId, ""))));
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

    private Query query(String sql, Where w) {
        Query q = db.em().createNativeQuery(sql);
        w.params.forEach(q::setParameter);
        return q;
    }

    private static RejectionRow row(Object[] r) {
        return new RejectionRow(num(r[0]).longValue(), num(r[1]).longValue(), instant(r[2]), (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], num(r[11]).intValue(), (String) r[12], (String) r[13], (String) r[14],
                (String) r[15], (String) r[16], (String) r[17], (String) r[18], (String) r[19], (String) r[20],
                num(r[21]).longValue());
    }

    static Direction direction(String label) {
        return Direction.valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    private static Number num(Object o) {
        return (Number) o;
    }

    // Drivers differ: H2 returns OffsetDateTime for TIMESTAMP WITH TIME ZONE, PostgreSQL a java.sql.Timestamp.
    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Instant t) {
            return t;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time type " + o.getClass().getName());
    }

    /** A WHERE clause and its parameters, built from a filter. */
    private static final class Where {
        final String sql;
        final Map<String, Object> params;

        private Where(String sql, Map<String, Object> params) {
            this.sql = sql;
            this.params = params;
        }

        static Where of(HistoryFilter f) {
            List<String> parts = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            if (f.since() != null) {
                parts.add("occurred_at >= :since");
                params.put("since", f.since().atOffset(ZoneOffset.UTC));
            }
            if (f.until() != null) {
                parts.add("occurred_at < :until");
                params.put("until", f.until().atOffset(ZoneOffset.UTC));
            }
            if (f.host() != null) {
                parts.add("host = :host");
                params.put("host", f.host());
            }
            if (f.direction() != null) {
                parts.add("direction = :direction");
                params.put("direction", f.direction().label());
            }
            return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
        }

        String and(String condition) {
            return sql.isEmpty() ? " WHERE " + condition : sql + " AND " + condition;
        }
    }

    /** The finest SQL group: one key with one category, provider and blocklist. */
    private record Part(String category, String provider, String blocklist, String domain, long count,
                        Instant first, Instant last, long firstId) {
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

        void add(Part p) {
            count += p.count;
            first = first == null || (p.first != null && p.first.isBefore(first)) ? p.first : first;
            last = last == null || (p.last != null && p.last.isAfter(last)) ? p.last : last;
            firstId = Math.min(firstId, p.firstId);
            categories.merge(p.category, p.count, Long::sum);
            providers.merge(p.provider, p.count, Long::sum);
            blocklists.merge(p.blocklist, p.count, Long::sum);
            domains.merge(p.domain, p.count, Long::sum);
        }

        CategoryTally categoryTally(String id, List<Rejection> examples) {
            List<Map.Entry<String, Long>> ds = new ArrayList<>(domains.entrySet());
            ds.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            return new CategoryTally(id, count, domains.size(), ds.stream().limit(10).map(Map.Entry::getKey).toList(),
                    first, last, examples, List.of());
        }
    }
}
