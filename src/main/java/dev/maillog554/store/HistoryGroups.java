package dev.maillog554.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;

/**
 * The grouped questions one read of the history asks, all within the transaction of
 * {@link HistoryQueries#read}: SQL GROUP BY over the rows, so millions of rows are never loaded, and the rollups
 * read as a stream and summed per group here. Every answer is a store record; what the report makes of them is
 * {@code aggregate}'s business.
 *
 * <p>When the window is whole UTC days ({@link Rollups#cover}), the groups, per-day buckets and examples come
 * from the {@link Rollups}, which also count days whose rows were pruned; otherwise from the rows. Either way
 * the counts are the same for days that still have rows; distinct recipients (and clients) are exact from the
 * rows and sums of daily distinct counts from the rollups. The examples of each cause are rows.
 */
public final class HistoryGroups {

    private final EntityManager em;
    private final Where where;
    /** The filter's clauses on the rollup tables and rejection_bucket, null when the rows answer. */
    private final Where days;
    private final Where buckets;
    private final HistoryFilter filter;

    HistoryGroups(EntityManager em, HistoryFilter f) {
        this.em = em;
        this.filter = f;
        this.where = Where.of(f);
        boolean rollups = Rollups.cover(f);
        this.days = rollups ? Where.ofRollups(f, "utc_day", Rollups.DAY) : null;
        this.buckets = rollups ? Where.ofRollups(f, "bucket", Rollups.BUCKET) : null;
    }

    /**
     * Whether the groups come from the rollups ({@link #finest} with daily distinct recipients, {@link #parties})
     * rather than the rows ({@link #finest} one recipient apiece, {@link #inbound}).
     */
    public boolean fromRollups() {
        return days != null;
    }

    /** Every finest group of the rows the filter covers, in no particular order. */
    public List<FineGroup> finest() {
        if (days != null) {
            return finestFromRollups();
        }
        List<Object[]> rows = query("SELECT reply_code, enhanced_code, recipient_domain, direction, category, "
                + "provider, blocklist, recipient, COUNT(*), MIN(occurred_at), MAX(occurred_at), MIN(id) FROM rejection"
                + where.sql + " GROUP BY reply_code, enhanced_code, recipient_domain, direction, category, provider, "
                + "blocklist, recipient").getResultList();
        List<FineGroup> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new FineGroup(Rows.num(r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], 0, Rows.num(r[8]).longValue(),
                    Rows.instant(r[9]), Rows.instant(r[10]), Rows.num(r[11]).longValue()));
        }
        return out;
    }

    // Summed here, not by a GROUP BY: a year of a busy server is over a million daily rollups in a few tens of
    // thousands of groups, and H2 took about 25 s to group them where one streamed pass over plain JDBC into a
    // hash map of the groups does the same work without the database's temporary result.
    private List<FineGroup> finestFromRollups() {
        Map<List<Object>, FineSum> sums = new HashMap<>();
        stream("daily_rollup", "reply_code, enhanced_code, recipient_domain, direction, category, provider, "
                + "blocklist, recipients, rejections, first_seen, last_seen, example_id",
                rs -> sums.computeIfAbsent(Arrays.asList(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), k -> new FineSum())
                        .add(rs.getLong(8), rs.getLong(9), time(rs, 10), time(rs, 11), rs.getLong(12)));
        List<FineGroup> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> out.add(new FineGroup((Integer) k.get(0), (String) k.get(1), (String) k.get(2),
                (String) k.get(3), (String) k.get(4), (String) k.get(5), (String) k.get(6), null, v.recipients,
                v.count, v.first, v.last, v.firstId)));
        return out;
    }

    /** One finest group's running sums over its daily rollups. */
    private static final class FineSum {
        long recipients;
        long count;
        Instant first;
        Instant last;
        long firstId = Long.MAX_VALUE;

        void add(long recipients, long count, Instant first, Instant last, long firstId) {
            this.recipients += recipients;
            this.count += count;
            if (first != null && (this.first == null || first.isBefore(this.first))) {
                this.first = first;
            }
            if (last != null && (this.last == null || last.isAfter(this.last))) {
                this.last = last;
            }
            this.firstId = Math.min(this.firstId, firstId);
        }
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A JDBC row consumer. */
    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    // Reads the columns of a rollup table's rows in the window over plain JDBC, on the transaction's connection.
    // PostgreSQL reads the window in one query with a cursor (a fetch size of rows at a time, inside the
    // transaction). H2 has no cursor: it copies a result larger than its MAX_MEMORY_ROWS (40,000 per GB of heap)
    // into temporary maps in the database file before handing over the first row, which was a fifth of a year's
    // report over the 5M-row benchmark; so on H2 the window is read one UTC day per query, a day's rollups being
    // few enough to stay in memory. (H2's LAZY_QUERY_EXECUTION would avoid the copy too, but a lazy result can
    // read pages of a chunk the store has since freed: "Chunk ... not found" under serve, h2database #4142.)
    private void stream(String table, String columns, RowSink sink) {
        em.unwrap(Session.class).doWork(c -> {
            String select = "SELECT " + columns + " FROM " + table + " ";
            if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
                read(c, select, table, days, sink);
                return;
            }
            if (filter.since() == null && filter.until() == null) {
                // A window open at both ends covers the rollups of rows without a time (a NULL day) too.
                read(c, select, table, days.with("utc_day IS NULL"), sink);
            }
            long[] span = daySpan(c, table);
            for (long day = span[0]; day < span[1]; day++) {
                read(c, select, table, Where.ofRollups(new HistoryFilter(Instant.ofEpochSecond(day * Rollups.DAY),
                        Instant.ofEpochSecond((day + 1) * Rollups.DAY), filter.host(), filter.direction()),
                        "utc_day", Rollups.DAY), sink);
            }
        });
    }

    private static void read(Connection c, String select, String table, Where w, RowSink sink) throws SQLException {
        // party_rollup is inbound only: a filter on the direction keeps all of it or none.
        String clause = table.equals("party_rollup") ? w.jdbcSql().replace("direction = ?", "'inbound' = ?")
                : w.jdbcSql();
        try (PreparedStatement ps = c.prepareStatement(select + clause)) {
            ps.setFetchSize(2000);
            w.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        }
    }

    // The days to read: the window's, within the table's first and last day (the ends of its utc_day index),
    // so an open or generous window costs no query for the days before the first or after the last; an empty
    // span when the table has none.
    private long[] daySpan(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MIN(utc_day), MAX(utc_day) FROM " + table)) {
            rs.next();
            if (rs.getObject(1) == null) {
                return new long[] {0, 0};
            }
            long from = rs.getLong(1);
            long to = rs.getLong(2) + 1;
            if (filter.since() != null) {
                from = Math.max(from, Math.floorDiv(filter.since().getEpochSecond(), Rollups.DAY));
            }
            if (filter.until() != null) {
                to = Math.min(to, Math.floorDiv(filter.until().getEpochSecond(), Rollups.DAY));
            }
            return new long[] {from, to};
        }
    }

    /** The inbound rows the filter covers, by client, sender, recipient, cause and blocklist (rows only). */
    public List<InboundGroup> inbound() {
        if (days != null) {
            throw new IllegalStateException("whole days are counted from the rollups: read parties()");
        }
        List<Object[]> rows = query("SELECT remote_ip, remote_host, sender, recipient, category, blocklist, COUNT(*), "
                + "MIN(occurred_at), MAX(occurred_at) FROM rejection" + where.and("direction = 'inbound'")
                + " GROUP BY remote_ip, remote_host, sender, recipient, category, blocklist").getResultList();
        List<InboundGroup> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new InboundGroup((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], Rows.num(r[6]).longValue(), Rows.instant(r[7]), Rows.instant(r[8])));
        }
        return out;
    }

    /**
     * Each inbound rollup the filter covers, one day, server, party, name, cause and blocklist at a time (rollups
     * only): not grouped by the database, since a year of a busy server holds hundreds of thousands of such
     * groups (botnets: a client or two each) and a GROUP BY holds them all in the database's memory and again in
     * ours; read as a stream, only the sink's totals per party stay.
     */
    public void parties(Consumer<PartyGroup> sink) {
        if (days == null) {
            throw new IllegalStateException("this window is counted from the rows: read inbound()");
        }
        stream("party_rollup", "kind, party, name, category, blocklist, rejections, recipients, clients, "
                + "first_seen, last_seen",
                rs -> sink.accept(new PartyGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), time(rs, 9),
                        time(rs, 10))));
    }

    /** Rows with a time, by direction and bucket of {@code seconds} (epoch second / seconds, floored). */
    public List<TimeBucket> buckets(int seconds) {
        if (buckets != null && seconds == Rollups.BUCKET) {
            List<Object[]> rows = query(buckets, "SELECT bucket, direction, SUM(rejections) FROM rejection_bucket"
                    + buckets.sql + " GROUP BY bucket, direction").getResultList();
            return rows.stream().map(r -> new TimeBucket(Rows.num(r[0]).longValue(), (String) r[1],
                    Rows.num(r[2]).longValue())).toList();
        }
        String bucket = "CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / " + seconds + ") AS BIGINT)";
        List<Object[]> rows = query("SELECT " + bucket + ", direction, COUNT(*) FROM rejection"
                + where.and("occurred_at IS NOT NULL") + " GROUP BY " + bucket + ", direction").getResultList();
        List<TimeBucket> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new TimeBucket(Rows.num(r[0]).longValue(), (String) r[1], Rows.num(r[2]).longValue()));
        }
        return out;
    }

    /**
     * The first {@code limit} rows of one cause, by id.
     *
     * @param firstIds ascending ids of rows of this cause in the window (the finest groups' first rows), which
     *                 bound the search; may be empty
     */
    public List<RejectionRow> firstOfCategory(String category, int limit, List<Long> firstIds) {
        String cause = where.and("category = :category");
        if (firstIds.isEmpty()) {
            return rows(em.createNativeQuery("SELECT " + Rows.COLUMNS + " FROM rejection" + cause + " ORDER BY id"),
                    category, limit, null, null);
        }
        // The index on the cause lists its rows by id from the oldest and the window's rows are then sorted: on a
        // long window that reads all of the cause's rows. Instead, when `limit` of the given rows still exist,
        // the answer lies between the first given id and the limit-th that exists, and walking the primary key
        // over that span (the cause's column wrapped so that its index is not chosen) stops at the limit-th.
        long from = firstIds.get(0);
        Long to = limitth(firstIds, limit);
        if (to == null) {
            return rows(em.createNativeQuery("SELECT " + Rows.COLUMNS + " FROM rejection" + cause
                    + " AND id >= :from ORDER BY id"), category, limit, from, null);
        }
        return rows(em.createNativeQuery("SELECT " + Rows.COLUMNS + " FROM rejection"
                + where.and("COALESCE(category, '') = :category") + " AND id >= :from AND id <= :to ORDER BY id"),
                category, limit, from, to);
    }

    @SuppressWarnings("unchecked")
    private List<RejectionRow> rows(Query q, String category, int limit, Long from, Long to) {
        where.bind(q).setParameter("category", category);
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        List<Object[]> rows = q.setMaxResults(limit).getResultList();
        return rows.stream().map(Rows::row).toList();
    }

    // The limit-th of these ids (ascending) whose row still exists, null when fewer exist (pruned).
    private Long limitth(List<Long> ids, int limit) {
        int found = 0;
        for (int i = 0; i < ids.size(); i += 100) {
            List<Long> some = ids.subList(i, Math.min(ids.size(), i + 100));
            List<Object> existing = em.createNativeQuery("SELECT id FROM rejection WHERE id IN (:ids) ORDER BY id")
                    .setParameter("ids", some).getResultList();
            if (found + existing.size() >= limit) {
                return Rows.num(existing.get(limit - found - 1)).longValue();
            }
            found += existing.size();
        }
        return null;
    }

    /**
     * The reply text of each of these row ids: from the rows, and for rows pruned since, from the examples the
     * rollups keep ({@code daily_rollup}).
     */
    public Map<Long, String> messages(Collection<Long> ids) {
        Map<Long, String> out = messages("SELECT id, message FROM rejection WHERE id IN (:ids)", List.copyOf(ids));
        if (days != null && out.size() < ids.size()) {
            List<Long> missing = ids.stream().filter(id -> !out.containsKey(id)).distinct().toList();
            out.putAll(messages("SELECT example_id, example FROM daily_rollup WHERE example_id IN (:ids)",
                    missing));
        }
        return out;
    }

    private Map<Long, String> messages(String sql, List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Object[]> rows = em.createNativeQuery(sql)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).getResultList();
            rows.forEach(r -> out.put(Rows.num(r[0]).longValue(), (String) r[1]));
        }
        return out;
    }

    private Query query(String sql) {
        return query(where, sql);
    }

    @SuppressWarnings("unchecked")
    private Query query(Where w, String sql) {
        return w.bind(em.createNativeQuery(sql));
    }
}
