package dev.maillog554.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The grouped questions one read of the history asks, all within the transaction of
 * {@link HistoryQueries#read}: SQL GROUP BY, so millions of rows are never loaded. Every answer is a store
 * record; what the report makes of them is {@code aggregate}'s business.
 *
 * <p>When the window is whole UTC days ({@link Rollups#cover}), the groups, per-day buckets and examples come
 * from the {@link Rollups}, which also count days whose rows were pruned; otherwise from the rows. Either way
 * the answers are the same for days that still have rows. The examples of each cause are rows.
 */
public final class HistoryGroups {

    private final EntityManager em;
    private final Where where;
    /** The filter's clauses on rejection_rollup and rejection_bucket, null when the rows answer. */
    private final Where days;
    private final Where buckets;

    HistoryGroups(EntityManager em, HistoryFilter f) {
        this.em = em;
        this.where = Where.of(f);
        boolean rollups = Rollups.cover(f);
        this.days = rollups ? Where.ofRollups(f, "utc_day", Rollups.DAY) : null;
        this.buckets = rollups ? Where.ofRollups(f, "bucket", Rollups.BUCKET) : null;
    }

    /** Every finest group of the rows the filter covers, in no particular order. */
    public List<FineGroup> finest() {
        List<Object[]> rows = days != null ? query(days, "SELECT reply_code, enhanced_code, recipient_domain, "
                + "direction, category, provider, blocklist, recipient, SUM(rejections), MIN(first_seen), "
                + "MAX(last_seen), MIN(example_id) FROM rejection_rollup" + days.sql + " GROUP BY reply_code, "
                + "enhanced_code, recipient_domain, direction, category, provider, blocklist, recipient")
                .getResultList() : query("SELECT reply_code, enhanced_code, recipient_domain, direction, category, "
                + "provider, blocklist, recipient, COUNT(*), MIN(occurred_at), MAX(occurred_at), MIN(id) FROM rejection"
                + where.sql + " GROUP BY reply_code, enhanced_code, recipient_domain, direction, category, provider, "
                + "blocklist, recipient").getResultList();
        List<FineGroup> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new FineGroup(Rows.num(r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], Rows.num(r[8]).longValue(),
                    Rows.instant(r[9]), Rows.instant(r[10]), Rows.num(r[11]).longValue()));
        }
        return out;
    }

    /** The inbound rows the filter covers, by client, sender, recipient, cause and blocklist. */
    public List<InboundGroup> inbound() {
        String groups = " GROUP BY remote_ip, remote_host, sender, recipient, category, blocklist";
        List<Object[]> rows = days != null ? query(days, "SELECT remote_ip, remote_host, sender, recipient, category, "
                + "blocklist, SUM(rejections), MIN(first_seen), MAX(last_seen) FROM rejection_rollup"
                + days.and("direction = 'inbound'") + groups).getResultList()
                : query("SELECT remote_ip, remote_host, sender, recipient, category, blocklist, COUNT(*), "
                + "MIN(occurred_at), MAX(occurred_at) FROM rejection" + where.and("direction = 'inbound'")
                + groups).getResultList();
        List<InboundGroup> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new InboundGroup((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], Rows.num(r[6]).longValue(), Rows.instant(r[7]), Rows.instant(r[8])));
        }
        return out;
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

    /** The first {@code limit} rows of one cause, by id. */
    public List<RejectionRow> firstOfCategory(String category, int limit) {
        List<Object[]> rows = query("SELECT " + Rows.COLUMNS + " FROM rejection" + where.and("category = :category")
                + " ORDER BY id").setParameter("category", category).setMaxResults(limit).getResultList();
        return rows.stream().map(Rows::row).toList();
    }

    /**
     * The reply text of each of these row ids: from the rows, and for rows pruned since, from the examples the
     * rollups keep ({@code rejection_example}).
     */
    public Map<Long, String> messages(Collection<Long> ids) {
        Map<Long, String> out = messages("SELECT id, message FROM rejection WHERE id IN (:ids)", List.copyOf(ids));
        if (days != null && out.size() < ids.size()) {
            List<Long> missing = ids.stream().filter(id -> !out.containsKey(id)).distinct().toList();
            out.putAll(messages("SELECT example_id, example FROM rejection_example WHERE example_id IN (:ids)",
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
