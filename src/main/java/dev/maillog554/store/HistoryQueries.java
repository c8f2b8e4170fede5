package dev.maillog554.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import dev.maillog554.aggregate.Aggregator;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.DayCount;
import dev.maillog554.aggregate.InboundView;
import dev.maillog554.aggregate.RecipientSet;
import dev.maillog554.classify.Category;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;

/**
 * Read-only questions about the stored history, answered with SQL GROUP BY so that millions of rows are never
 * loaded; everything it returns is a record. Native SQL that H2 and PostgreSQL both accept. The one exception
 * is {@link #report}, which reads every row anyway and counts them on the way (see there).
 */
@ApplicationScoped
public class HistoryQueries {

    /**
     * Rows per keyset page of {@link #report}. H2 materialises a page (a query with FETCH FIRST) before the
     * first row is returned, so a page is live across young collections: 20000 rows per page kept about 1 GB
     * of promoted garbage in the heap on a 5 million row history; at 2000 the queries are still few (one
     * primary-key seek per page) and the page dies young.
     */
    static final int REPORT_PAGE = 2000;
    /** Ids per part of {@link #report} at least, so that a small history is read by one thread. */
    static final int MIN_PART_IDS = 20_000;
    private static final String ROW_COLUMNS = "id, run_id, occurred_at, direction, status, mta, host, queue_id, "
            + "sender, recipient, recipient_domain, reply_code, enhanced_code, stage, category, provider, "
            + "blocklist, remote_host, remote_ip, message, source_file, line_no";

    @Inject
    StoreDb db;

    /**
     * Seconds a {@link #counts} transaction may take: its GROUP BY and example queries each scan the rows the
     * filter covers, which on millions of rows outlasts the default 60 s (the live report of {@code serve} over
     * 5 million rows took 110 s). {@code report} does not come here: it reads the rows once, outside any
     * transaction ({@link #report}).
     */
    static final int COUNTS_TIMEOUT_SECONDS = 1800;

    /**
     * Everything the reports show, for the rejections the filter covers, with days in UTC. No transaction of its
     * own: the call below starts it, since only the entry of a transaction may set its timeout.
     */
    public Counts counts(HistoryFilter f) {
        return counts(f, ZoneOffset.UTC);
    }

    /**
     * Everything the reports show, for the rejections the filter covers. Category tips are left empty: they
     * are text from the classifier, not history.
     */
    @Transactional
    @TransactionConfiguration(timeout = COUNTS_TIMEOUT_SECONDS)
    public Counts counts(HistoryFilter f, ZoneId zone) {
        Where w = Where.of(f);
        // Grouped by the recipient too, so that each finest group knows its distinct recipients (which coarser
        // groups must merge as sets: distinct counts do not add up); the parts are joined back in Java.
        List<Object[]> rows = query("SELECT reply_code, enhanced_code, recipient_domain, direction, category, "
                + "provider, blocklist, COUNT(*), MIN(occurred_at), MAX(occurred_at), MIN(id), recipient FROM rejection"
                + w.sql + " GROUP BY reply_code, enhanced_code, recipient_domain, direction, category, provider, "
                + "blocklist, recipient", w).getResultList();
        Map<List<Object>, HistoryCounts.Fine> fine = new HashMap<>();
        for (Object[] r : rows) {
            RecipientSet recipient = new RecipientSet();
            recipient.add((String) r[11]);
            fine.merge(Arrays.asList(r).subList(0, 7), new HistoryCounts.Fine(num(r[0]).intValue(), (String) r[1],
                    (String) r[2], direction((String) r[3]), (String) r[4], (String) r[5], (String) r[6],
                    num(r[7]).longValue(), instant(r[8]), instant(r[9]), num(r[10]).longValue(), recipient),
                    HistoryCounts.Fine::merge);
        }
        return HistoryCounts.assemble(List.copyOf(fine.values()), this::messages, category -> examples(category, w),
                days(w, zone), inbound(w));
    }

    /** The inbound rejections the filter covers, by client and sender domain, from one GROUP BY. */
    private InboundView inbound(Where w) {
        InboundView view = new InboundView();
        List<Object[]> rows = query("SELECT remote_ip, remote_host, sender, recipient, category, blocklist, COUNT(*), "
                + "MIN(occurred_at), MAX(occurred_at) FROM rejection" + w.and("direction = 'inbound'")
                + " GROUP BY remote_ip, remote_host, sender, recipient, category, blocklist", w).getResultList();
        for (Object[] r : rows) {
            view.add(Direction.INBOUND, (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], instant(r[7]), instant(r[8]), num(r[6]).longValue());
        }
        return view;
    }

    /**
     * Streams every rejection the filter covers to the sinks, and returns what
     * {@link #counts(HistoryFilter, ZoneId)} returns for the same filter, counted from that one pass.
     *
     * <p>This is {@code report}'s path: it must read every row for {@code rejections.csv} anyway, so it counts
     * them on the way ({@link HistoryCounts.Pass}) instead of letting the database scan the table again for
     * each GROUP BY (on 5 million rows those scans alone outlasted the 60 s transaction timeout). The database's
     * decoding of each row is the largest single cost, so the rows are cut into up to {@code parts} consecutive
     * parts read at the same time, each on its own thread and pooled connection (H2 and PostgreSQL both serve
     * concurrent readers); part {@code k} holds only ids above those of part {@code k - 1}, so the sinks'
     * outputs laid end to end are in id order, and the parts' counts are merged in that order, which gives the
     * same examples as one pass would.
     *
     * <p>Plain JDBC, no JPA row arrays and no transaction (a long report must not hit the transaction timeout).
     * Without a filter each part reads a range of ids in keyset pages of {@value #REPORT_PAGE} rows; with one,
     * the ids the filter selects are fetched first (the indexes answer that) and the rows are then read by
     * id, {@value #REPORT_PAGE} at a time. Pages rather than one open cursor, so neither database holds or
     * spools a result of millions of rows. Rows a concurrent scan adds while the report runs may or may not be
     * in it, as before; the counts always describe exactly the rows written.
     *
     * @param parts how many parts to read at once (fewer when the history is small)
     * @param sinks the sink of part {@code k}, asked for in order k = 0, 1, ... on the calling thread before any
     *              reading starts; it is then called from part {@code k}'s thread only, with its rows in id order
     */
    public Counts report(HistoryFilter f, ZoneId zone, int parts, IntFunction<Consumer<RejectionRow>> sinks) {
        return report(f, zone, parts, MIN_PART_IDS, sinks);
    }

    /** {@link #report(HistoryFilter, ZoneId, int, IntFunction)} with small parts, for tests. */
    Counts report(HistoryFilter f, ZoneId zone, int parts, long minPartIds, IntFunction<Consumer<RejectionRow>> sinks) {
        Where w = Where.of(f);
        List<PartReader> readers = w.sql.isEmpty() ? rangeParts(parts, minPartIds) : idParts(w, parts, minPartIds);
        int n = readers.size();
        List<Consumer<RejectionRow>> partSinks = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            partSinks.add(sinks.apply(k));
        }
        List<HistoryCounts.Pass> passes = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            passes.add(new HistoryCounts.Pass());
        }
        if (n == 1) {
            readers.get(0).read(partSinks.get(0), passes.get(0));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "maillog554-report");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    int part = k;
                    running.add(pool.submit(() -> readers.get(part).read(partSinks.get(part), passes.get(part))));
                }
                for (Future<?> r : running) {
                    await(r);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        HistoryCounts.Pass all = passes.get(0);
        for (int k = 1; k < n; k++) {
            all.merge(passes.get(k));
        }
        return all.result(zone);
    }

    /** Reads one part of the history, in id order, into a sink and a pass. */
    private interface PartReader {
        void read(Consumer<RejectionRow> sink, HistoryCounts.Pass pass);
    }

    // No filter: part k covers the ids in (bounds[k], bounds[k + 1]], equal spans of the table's ids.
    private List<PartReader> rangeParts(int parts, long minPartIds) {
        long[] range = new long[2];
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(id), MAX(id) FROM rejection");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            range[0] = rs.getLong(1);
            range[1] = rs.getLong(2);
            if (rs.wasNull()) {
                return List.of((sink, pass) -> { });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history: " + e.getMessage(), e);
        }
        long span = range[1] - range[0] + 1;
        int n = (int) Math.max(1, Math.min(parts, span / minPartIds));
        List<PartReader> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long after = range[0] - 1 + span / n * k;
            long last = k == n - 1 ? range[1] : range[0] - 1 + span / n * (k + 1);
            out.add((sink, pass) -> readRange(after, last, sink, pass));
        }
        return out;
    }

    /*
     * A filter: the ids it selects first, from the indexes (a window of days, a server), then the rows by id,
     * a page of ids at a time; part k gets the k-th of n equal shares of those ids. Why not the filter in the
     * page query: H2 planned "host = ?" (and, with parameters, "occurred_at >= ?") on its secondary index and
     * sorted every matching row for each page, which is quadratic (minutes for --server on 5 million rows).
     */
    private List<PartReader> idParts(Where w, int parts, long minPartIds) {
        long[] ids = new long[1024];
        int count = 0;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM rejection" + w.jdbcSql())) {
            w.bind(ps);
            ps.setFetchSize(REPORT_PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, count * 2);
                    }
                    ids[count++] = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history: " + e.getMessage(), e);
        }
        long[] sorted = Arrays.copyOf(ids, count);
        Arrays.sort(sorted);
        int n = (int) Math.max(1, Math.min(parts, count / minPartIds));
        List<PartReader> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int from = (int) ((long) count * k / n);
            int to = (int) ((long) count * (k + 1) / n);
            out.add((sink, pass) -> readIds(sorted, from, to, sink, pass));
        }
        return out;
    }

    // Every row with an id in (after, last], by keyset pages on the primary key.
    private void readRange(long after, long last, Consumer<RejectionRow> sink, HistoryCounts.Pass pass) {
        String sql = "SELECT " + ROW_COLUMNS + " FROM rejection WHERE id > ? AND id <= ? ORDER BY id FETCH FIRST "
                + REPORT_PAGE + " ROWS ONLY";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(REPORT_PAGE);
            long from = after;
            while (true) {
                ps.setLong(1, from);
                ps.setLong(2, last);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RejectionRow r = row(rs);
                        from = r.id();
                        n++;
                        pass.add(r);
                        sink.accept(r);
                    }
                }
                if (n < REPORT_PAGE || Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history: " + e.getMessage(), e);
        }
    }

    // The rows of ids[from..to) (sorted), REPORT_PAGE ids per query. The SQL filter chose them, so the rows
    // are those of counts(), to the database's own comparison of times.
    private void readIds(long[] ids, int from, int to, Consumer<RejectionRow> sink, HistoryCounts.Pass pass) {
        String sql = "SELECT " + ROW_COLUMNS + " FROM rejection WHERE id IN (?" + ", ?".repeat(REPORT_PAGE - 1)
                + ") ORDER BY id";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = from; i < to && !Thread.currentThread().isInterrupted(); i += REPORT_PAGE) {
                int end = Math.min(to, i + REPORT_PAGE);
                for (int p = 0; p < REPORT_PAGE; p++) {
                    // The last page repeats its last id in the unused places: IN ignores duplicates.
                    ps.setLong(p + 1, ids[Math.min(i + p, end - 1)]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RejectionRow r = row(rs);
                        pass.add(r);
                        sink.accept(r);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history: " + e.getMessage(), e);
        }
    }

    // Waits for one part; its failure (the first one seen) is the report's, with its own type.
    private static void await(Future<?> part) {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("report interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
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

    /**
     * The rejections these runs stored, each with its dedupe key, in id order: what failed runs stored for the next
     * scan's report. A pass over the whole table (nothing indexes run_id, see V4 and V6), made only after a run
     * failed having stored something.
     */
    public void rowsOfRuns(List<Long> runIds, BiConsumer<UUID, RejectionRow> sink) {
        if (runIds.isEmpty()) {
            return;
        }
        String sql = "SELECT " + ROW_COLUMNS + ", dedupe_key FROM rejection WHERE run_id IN (?"
                + ", ?".repeat(runIds.size() - 1) + ") ORDER BY id";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < runIds.size(); i++) {
                ps.setLong(i + 1, runIds.get(i));
            }
            ps.setFetchSize(REPORT_PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getObject(23, UUID.class), row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rejections of failed runs " + runIds, e);
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
        RejectionEvent e = new RejectionEvent(r.time(), direction(r.direction()), status(r.status()), mta(r.mta()),
                r.host(), r.queueId(), r.sender(), r.recipient(), r.recipientDomain(), r.replyCode(),
                r.enhancedCode(), r.stage(), r.remoteHost(), r.remoteIp(), r.message(), r.sourceFile(), r.line());
        // any stored id, a classify folder's category from an earlier run included
        return new Rejection(e, new Diagnosis(new Category(r.category()), "", r.provider(), r.blocklist(), "",
                List.of()));
    }

    // Stored labels to enums, called for each of millions of rows by report: a map lookup of the exact stored
    // text, and the original upper-casing valueOf (same result, same errors) for anything the map lacks.
    private static final Map<String, Direction> DIRECTIONS = labels(Direction.values());
    private static final Map<String, DeliveryStatus> STATUSES = labels(DeliveryStatus.values());
    private static final Map<String, Mta> MTAS = labels(Mta.values());

    private static <E extends Enum<E>> Map<String, E> labels(E[] values) {
        Map<String, E> m = new HashMap<>();
        for (E v : values) {
            m.put(v.name().toLowerCase(java.util.Locale.ROOT), v);
        }
        return Map.copyOf(m);
    }

    private static DeliveryStatus status(String label) {
        DeliveryStatus s = STATUSES.get(label);
        return s != null ? s : DeliveryStatus.valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    private static Mta mta(String label) {
        Mta m = MTAS.get(label);
        return m != null ? m : Mta.valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    static RunRow runRow(ScanRun r) {
        return new RunRow(r.id, r.startedAt.toInstant(), r.finishedAt == null ? null : r.finishedAt.toInstant(),
                r.host, r.inputs, r.codes, r.status, r.linesRead, r.rejectionsFound, r.rejectionsNew, r.problems);
    }

    private List<DayCount> days(Where w, ZoneId zone) {
        String bucket = "CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / " + HistoryCounts.DAY_BUCKET_SECONDS
                + ") AS BIGINT)";
        List<Object[]> rows = query("SELECT " + bucket + ", direction, COUNT(*) FROM rejection"
                + w.and("occurred_at IS NOT NULL") + " GROUP BY " + bucket + ", direction", w).getResultList();
        List<HistoryCounts.Bucket> buckets = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            buckets.add(new HistoryCounts.Bucket(num(r[0]).longValue(), direction((String) r[1]),
                    num(r[2]).longValue()));
        }
        return HistoryCounts.days(buckets, zone);
    }

    private List<Rejection> examples(String category, Where w) {
        List<Object[]> rows = query("SELECT " + ROW_COLUMNS + " FROM rejection" + w.and("category = :category")
                + " ORDER BY id", w).setParameter("category", category).setMaxResults(Aggregator.EXAMPLES)
                .getResultList();
        return rows.stream().map(r -> toRejection(row(r))).toList();
    }

    private Map<Long, String> messages(Collection<Long> ids) {
        List<Long> distinct = List.copyOf(ids);
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += 1000) {
            List<Object[]> rows = db.em().createNativeQuery("SELECT id, message FROM rejection WHERE id IN (:ids)")
                    .setParameter("ids", distinct.subList(i, Math.min(distinct.size(), i + 1000))).getResultList();
            rows.forEach(r -> out.put(num(r[0]).longValue(), (String) r[1]));
        }
        return out;
    }

    private Query query(String sql, Where w) {
        Query q = db.em().createNativeQuery(sql);
        w.params.forEach(q::setParameter);
        return q;
    }

    private static RejectionRow row(ResultSet rs) throws SQLException {
        OffsetDateTime t = rs.getObject(3, OffsetDateTime.class);
        return new RejectionRow(rs.getLong(1), rs.getLong(2), t == null ? null : t.toInstant(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getInt(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getLong(22));
    }

    private static RejectionRow row(Object[] r) {
        return new RejectionRow(num(r[0]).longValue(), num(r[1]).longValue(), instant(r[2]), (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], num(r[11]).intValue(), (String) r[12], (String) r[13], (String) r[14],
                (String) r[15], (String) r[16], (String) r[17], (String) r[18], (String) r[19], (String) r[20],
                num(r[21]).longValue());
    }

    static Direction direction(String label) {
        Direction d = DIRECTIONS.get(label);
        return d != null ? d : Direction.valueOf(label.toUpperCase(java.util.Locale.ROOT));
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

        /** {@link #sql} for plain JDBC: each {@code :name} becomes {@code ?}, bound in order by {@link #bind}. */
        String jdbcSql() {
            String out = sql;
            for (String name : params.keySet()) {
                out = out.replace(":" + name, "?");
            }
            return out;
        }

        /** Binds the parameters in the order of {@link #jdbcSql}; returns the next parameter index. */
        int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object v : params.values()) {
                ps.setObject(i++, v);
            }
            return i;
        }
    }
}
