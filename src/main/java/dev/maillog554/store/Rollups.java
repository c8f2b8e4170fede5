package dev.maillog554.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The history's per-day rollups, kept beside the rows in the same transaction as the rows they count (V8).
 *
 * <p>{@code rejection_rollup} has one row per UTC day and finest group: server, direction, reply and enhanced
 * code, recipient domain, cause, provider, blocklist and recipient, and for inbound rejections also the client
 * (IP and name) and the sender, because the refused-clients and sender-domain views count those (outbound rows
 * leave the three empty, so retries to many MX hosts stay one group). The recipient is part of the key so that
 * distinct recipients stay exact over any window of whole days: distinct counts do not add up, sets of
 * recipients do. Each rollup keeps its count, first and last time, and the id of its first row. Rows without a
 * time have a NULL day.
 *
 * <p>{@code rejection_example} keeps the text of the examples a report shows, which must outlive the rows: the
 * reply of the first row of each day, server and seven report columns (code, enhanced code, domain, direction,
 * cause, provider, blocklist). Once per such group, not per rollup: the example of any report group is its row
 * with the smallest id, and every report group is a union of these, so that row is always one kept here.
 *
 * <p>{@code rejection_bucket} counts rows with a time per 15-minute UTC bucket, server and direction, which is
 * what the per-day counts need in any zone (every zone offset is a multiple of 15 minutes).
 *
 * <p>A rollup is found by {@code rollup_key}, a hash of its day and key columns, so the one index an update looks
 * up is 16 bytes wide. One run at a time writes (the run lock), so look-up, update and insert need no upsert
 * syntax.
 */
public final class Rollups {

    /** Seconds per rollup day. */
    static final long DAY = 86_400;
    /** Seconds per {@code rejection_bucket} bucket. */
    static final long BUCKET = 900;
    /** Keys per existence query: well below PostgreSQL's limit of 32767 parameters per statement. */
    private static final int KEYS_PER_QUERY = 1000;

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    });

    private Rollups() {
    }

    /** Whether rollups answer for this window exactly: each bound absent or a UTC midnight. */
    public static boolean cover(HistoryFilter f) {
        return midnight(f.since()) && midnight(f.until());
    }

    private static boolean midnight(Instant t) {
        return t == null || (t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), DAY) == 0);
    }

    /** The UTC day (epoch day) of a time, null for none. */
    static Long day(Instant t) {
        return t == null ? null : Math.floorDiv(t.getEpochSecond(), DAY);
    }

    /**
     * The rows of a batch (or of one day, for the V8 migration) summed by rollup and bucket, then added to the
     * stored rollups with {@link #write}. Values must be given as stored (already cut to the column widths).
     */
    public static final class Batch {
        private final Map<UUID, Acc> rollups = new LinkedHashMap<>();
        /** Per day, server and seven report columns: the first row, whose text is the example. */
        private final Map<UUID, Acc> examples = new LinkedHashMap<>();
        private final Map<List<Object>, long[]> buckets = new LinkedHashMap<>();

        /** Adds one stored row. */
        public void add(long id, Instant time, String host, String direction, int code, String enhanced,
                        String domain, String category, String provider, String blocklist, String recipient,
                        String remoteIp, String remoteHost, String sender, String message) {
            boolean inbound = "inbound".equals(direction);
            Acc a = new Acc(day(time), host, direction, code, enhanced, domain, category, provider, blocklist,
                    recipient, inbound ? remoteIp : "", inbound ? remoteHost : "", inbound ? sender : "");
            Acc had = rollups.putIfAbsent(a.key(), a);
            (had == null ? a : had).add(id, time, message);
            Acc g = new Acc(a.day, host, direction, code, enhanced, domain, category, provider, blocklist, "", "",
                    "", "");
            Acc group = examples.putIfAbsent(g.key(), g);
            (group == null ? g : group).add(id, time, message);
            if (time != null) {
                buckets.computeIfAbsent(List.of(Math.floorDiv(time.getEpochSecond(), BUCKET), host, direction),
                        k -> new long[1])[0]++;
            }
        }

        /** Whether nothing was added. */
        public boolean isEmpty() {
            return rollups.isEmpty();
        }

        /** Adds what was added here to the stored rollups and buckets, on the caller's transaction. */
        public void write(Connection c) throws SQLException {
            if (isEmpty()) {
                return;
            }
            // Which rollups exist already, in one query per thousand keys: on a first scan most are new, and a
            // failed UPDATE per new key cost as much as its INSERT.
            Set<UUID> stored = storedKeys(c, "rejection_rollup", "rollup_key", new ArrayList<>(rollups.keySet()));
            List<Acc> missing = new ArrayList<>();
            List<Acc> existing = new ArrayList<>();
            rollups.forEach((k, a) -> (stored.contains(k) ? existing : missing).add(a));
            if (!existing.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE rejection_rollup SET "
                        + "rejections = rejections + ?, "
                        + "first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END, "
                        + "last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END, "
                        + "example_id = CASE WHEN ? < example_id THEN ? ELSE example_id END WHERE rollup_key = ?")) {
                    for (Acc a : existing) {
                        int i = 0;
                        ps.setLong(++i, a.count);
                        time(ps, ++i, a.first);
                        time(ps, ++i, a.first);
                        time(ps, ++i, a.last);
                        time(ps, ++i, a.last);
                        ps.setLong(++i, a.exampleId);
                        ps.setLong(++i, a.exampleId);
                        ps.setObject(++i, a.key());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            insertRollups(c, missing);
            writeExamples(c);
            writeBuckets(c);
        }

        private static Set<UUID> storedKeys(Connection c, String table, String column, List<UUID> keys)
                throws SQLException {
            Set<UUID> found = new HashSet<>();
            for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                int n = Math.min(KEYS_PER_QUERY, keys.size() - from);
                try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE "
                        + column + " IN (?" + ", ?".repeat(n - 1) + ")")) {
                    for (int i = 0; i < n; i++) {
                        ps.setObject(i + 1, keys.get(from + i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
            }
            return found;
        }

        private static void insertRollups(Connection c, List<Acc> missing) throws SQLException {
            if (missing.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rejection_rollup (rollup_key, utc_day, host, "
                    + "direction, reply_code, enhanced_code, recipient_domain, category, provider, blocklist, "
                    + "recipient, remote_ip, remote_host, sender, rejections, first_seen, last_seen, example_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Acc a : missing) {
                    int i = 0;
                    ps.setObject(++i, a.key());
                    if (a.day == null) {
                        ps.setNull(++i, Types.BIGINT);
                    } else {
                        ps.setLong(++i, a.day);
                    }
                    ps.setString(++i, a.host);
                    ps.setString(++i, a.direction);
                    ps.setInt(++i, a.code);
                    ps.setString(++i, a.enhanced);
                    ps.setString(++i, a.domain);
                    ps.setString(++i, a.category);
                    ps.setString(++i, a.provider);
                    ps.setString(++i, a.blocklist);
                    ps.setString(++i, a.recipient);
                    ps.setString(++i, a.remoteIp);
                    ps.setString(++i, a.remoteHost);
                    ps.setString(++i, a.sender);
                    ps.setLong(++i, a.count);
                    time(ps, ++i, a.first);
                    time(ps, ++i, a.last);
                    ps.setLong(++i, a.exampleId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        // The first row of a group is its example for good: later rows have larger ids.
        private void writeExamples(Connection c) throws SQLException {
            Set<UUID> stored = storedKeys(c, "rejection_example", "group_key", new ArrayList<>(examples.keySet()));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rejection_example (group_key, utc_day, host, "
                    + "example_id, example) VALUES (?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Map.Entry<UUID, Acc> e : examples.entrySet()) {
                    if (!stored.contains(e.getKey())) {
                        Acc a = e.getValue();
                        ps.setObject(1, e.getKey());
                        if (a.day == null) {
                            ps.setNull(2, Types.BIGINT);
                        } else {
                            ps.setLong(2, a.day);
                        }
                        ps.setString(3, a.host);
                        ps.setLong(4, a.exampleId);
                        ps.setString(5, a.example);
                        ps.addBatch();
                        n++;
                    }
                }
                if (n > 0) {
                    ps.executeBatch();
                }
            }
        }

        private void writeBuckets(Connection c) throws SQLException {
            if (buckets.isEmpty()) {
                return;
            }
            List<Map.Entry<List<Object>, long[]>> order = new ArrayList<>(buckets.entrySet());
            List<Map.Entry<List<Object>, long[]>> missing = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE rejection_bucket SET rejections = rejections + ? "
                    + "WHERE bucket = ? AND host = ? AND direction = ?")) {
                for (Map.Entry<List<Object>, long[]> b : order) {
                    ps.setLong(1, b.getValue()[0]);
                    bindBucket(ps, 2, b.getKey());
                    ps.addBatch();
                }
                int[] updated = ps.executeBatch();
                for (int k = 0; k < updated.length; k++) {
                    if (updated[k] == 0) {
                        missing.add(order.get(k));
                    }
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rejection_bucket (bucket, host, direction, "
                    + "rejections) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<List<Object>, long[]> b : missing) {
                    bindBucket(ps, 1, b.getKey());
                    ps.setLong(4, b.getValue()[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        private static void bindBucket(PreparedStatement ps, int from, List<Object> key) throws SQLException {
            ps.setLong(from, (Long) key.get(0));
            ps.setString(from + 1, (String) key.get(1));
            ps.setString(from + 2, (String) key.get(2));
        }

        private static void time(PreparedStatement ps, int i, Instant t) throws SQLException {
            if (t == null) {
                ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(i, t.atOffset(ZoneOffset.UTC));
            }
        }
    }

    /** One rollup of a batch: its key columns and running sums. */
    private static final class Acc {
        final Long day;
        final String host;
        final String direction;
        final int code;
        final String enhanced;
        final String domain;
        final String category;
        final String provider;
        final String blocklist;
        final String recipient;
        final String remoteIp;
        final String remoteHost;
        final String sender;
        private UUID key;
        long count;
        Instant first;
        Instant last;
        long exampleId = Long.MAX_VALUE;
        String example;

        Acc(Long day, String host, String direction, int code, String enhanced, String domain, String category,
            String provider, String blocklist, String recipient, String remoteIp, String remoteHost, String sender) {
            this.day = day;
            this.host = host;
            this.direction = direction;
            this.code = code;
            this.enhanced = enhanced;
            this.domain = domain;
            this.category = category;
            this.provider = provider;
            this.blocklist = blocklist;
            this.recipient = recipient;
            this.remoteIp = remoteIp;
            this.remoteHost = remoteHost;
            this.sender = sender;
        }

        void add(long id, Instant t, String message) {
            count++;
            if (t != null) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
            if (id < exampleId) {
                exampleId = id;
                example = message;
            }
        }

        /**
         * The first 128 bits of SHA-256 over the day and the key columns, each preceded by its length so that no
         * two keys share a text.
         */
        UUID key() {
            if (key == null) {
                StringBuilder s = new StringBuilder(256);
                s.append(day == null ? "-" : day.toString()).append(' ').append(code);
                for (String v : new String[] {host, direction, enhanced, domain, category, provider, blocklist,
                    recipient, remoteIp, remoteHost, sender}) {
                    s.append(' ').append(v.length()).append(':').append(v);
                }
                MessageDigest md = SHA_256.get();
                md.reset();
                ByteBuffer digest = ByteBuffer.wrap(md.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
                key = new UUID(digest.getLong(), digest.getLong());
            }
            return key;
        }
    }
}
