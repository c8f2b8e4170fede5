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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.maillog554.parse.RejectionEvent;

/**
 * The history's per-day rollups, kept beside the rows in the same transaction as the rows they count (V9).
 *
 * <p>{@code daily_rollup} has one row per UTC day, server and report group: direction, reply and enhanced code,
 * recipient domain, cause, provider and blocklist. It keeps the count, first and last time, the id and reply
 * text of the group's first row (the example a report shows, which must outlive the rows), and how many distinct
 * recipients the group had that day.
 *
 * <p>{@code party_rollup} does the same for the inbound views: one row per UTC day, server, party (a client by
 * IP address and name, or a sender domain), cause and blocklist, with the day's distinct recipients and, for a
 * sender domain, distinct client addresses.
 *
 * <p>Distinct counts do not add up across days or groups, so a window of many days reports the <em>sum of daily
 * distinct counts</em>, and says so. To keep each day's count exact across batches and runs, {@code rollup_member}
 * remembers which recipient (or client) each group has already counted that day, by a hash; prune deletes the
 * members of a day with its rows (no row of a pruned day is stored again, so none is needed after).
 *
 * <p>{@code rejection_bucket} counts rows with a time per 15-minute UTC bucket, server and direction, which is
 * what the per-day counts need in any zone (every zone offset is a multiple of 15 minutes).
 *
 * <p>A rollup is found by a hash of its day and key columns, so the one index an update looks up is 16 bytes
 * wide. One run at a time writes (the run lock), so look-up, update and insert need no upsert syntax, and a scan
 * can skip the look-up for days new to the history, whose stored keys are all its own ({@link KnownKeys}).
 */
public final class Rollups {

    /** Seconds per rollup day. */
    static final long DAY = 86_400;
    /** Seconds per {@code rejection_bucket} bucket. */
    static final long BUCKET = 900;
    /** {@code rollup_member}'s day for rows without a time (the rollups' NULL day; a key column cannot be NULL). */
    static final long NO_DAY = Long.MIN_VALUE;
    /** Party kinds of {@code party_rollup}. */
    static final String CLIENT = "client";
    static final String SENDER = "sender";
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

    /** The lower-case domain of an envelope sender: {@code (null sender)} for {@code <>}, unknown for none. */
    public static String senderDomain(String sender) {
        if (sender == null || sender.isEmpty()) {
            return RejectionEvent.UNKNOWN_DOMAIN;
        }
        if (sender.equals("<>")) {
            return NULL_SENDER;
        }
        int at = sender.lastIndexOf('@');
        String d = at < 0 ? "" : sender.substring(at + 1).toLowerCase(Locale.ROOT);
        return d.isEmpty() ? RejectionEvent.UNKNOWN_DOMAIN : d;
    }

    /** Sender domain of the null sender {@code <>} (bounces, address verification probes). */
    public static final String NULL_SENDER = "(null sender)";

    /** The client key of an inbound rejection: its IP address, unknown for none. */
    public static String client(String remoteIp) {
        return remoteIp == null || remoteIp.isEmpty() ? RejectionEvent.UNKNOWN_DOMAIN : remoteIp;
    }

    /**
     * Rows (or V8's finer rollups, for the V9 migration) summed by rollup, party and bucket, then added to the
     * stored ones with {@link #write}. Values must be given as stored (already cut to the column widths).
     */
    public static final class Batch {
        private final Map<UUID, Acc> groups = new LinkedHashMap<>();
        private final Map<UUID, Acc> parties = new LinkedHashMap<>();
        /** Who each group counted in this batch, by member key: each counts once if not stored yet. */
        private final Map<UUID, Member> members = new LinkedHashMap<>();
        private final Map<List<Object>, long[]> buckets = new LinkedHashMap<>();

        /** Adds one stored row. */
        public void add(long id, Instant time, String host, String direction, int code, String enhanced,
                        String domain, String category, String provider, String blocklist, String recipient,
                        String remoteIp, String remoteHost, String sender, String message) {
            add(day(time), time, time, 1, id, message, host, direction, code, enhanced, domain, category, provider,
                    blocklist, recipient, remoteIp, remoteHost, sender);
            if (time != null) {
                buckets.computeIfAbsent(List.of(Math.floorDiv(time.getEpochSecond(), BUCKET), host, direction),
                        k -> new long[1])[0]++;
            }
        }

        /**
         * Adds {@code count} rows alike of one day (a V8 rollup), seen from {@code first} to {@code last}, whose
         * first row has id {@code firstId}; its reply text is set later with {@link #setExamples}. Buckets are
         * not counted: V8 kept them already.
         */
        public void add(Long day, Instant first, Instant last, long count, long firstId, String host,
                        String direction, int code, String enhanced, String domain, String category, String provider,
                        String blocklist, String recipient, String remoteIp, String remoteHost, String sender) {
            add(day, first, last, count, firstId, null, host, direction, code, enhanced, domain, category,
                    provider, blocklist, recipient, remoteIp, remoteHost, sender);
        }

        private void add(Long day, Instant first, Instant last, long count, long id, String message, String host,
                         String direction, int code, String enhanced, String domain, String category,
                         String provider, String blocklist, String recipient, String remoteIp, String remoteHost,
                         String sender) {
            Acc g = groups.computeIfAbsent(hash(day, host, direction, String.valueOf(code), enhanced, domain,
                    category, provider, blocklist), k -> new Acc(k, day, host, direction, String.valueOf(code),
                    enhanced, domain, category, provider, blocklist));
            g.add(first, last, count, id, message);
            boolean named = recipient != null && !recipient.isEmpty();
            String rcpt = named ? recipient.toLowerCase(Locale.ROOT) : "";
            count(g, 'r', rcpt, named);
            if (!"inbound".equals(direction)) {
                return;
            }
            String ip = client(remoteIp);
            Acc c = parties.computeIfAbsent(hash(day, host, CLIENT, ip, remoteHost, category, blocklist),
                    k -> new Acc(k, day, host, CLIENT, ip, remoteHost, category, blocklist));
            c.add(first, last, count, id, null);
            count(c, 'r', rcpt, named);
            String from = senderDomain(sender);
            Acc s = parties.computeIfAbsent(hash(day, host, SENDER, from, "", category, blocklist),
                    k -> new Acc(k, day, host, SENDER, from, "", category, blocklist));
            s.add(first, last, count, id, null);
            count(s, 'r', rcpt, named);
            count(s, 'c', ip.toLowerCase(Locale.ROOT), true);
        }

        // Remembers that group g counted this recipient ('r') or client ('c'), once per batch.
        private void count(Acc g, char kind, String who, boolean named) {
            if (named) {
                members.putIfAbsent(hash(null, g.key.toString(), String.valueOf(kind), who),
                        new Member(g, kind == 'c'));
            }
        }

        /** Whether nothing was added. */
        public boolean isEmpty() {
            return groups.isEmpty();
        }

        /** The ids of the first rows of this batch's groups whose reply text is not known yet. */
        public Set<Long> exampleIdsWanted() {
            Set<Long> out = new HashSet<>();
            groups.values().forEach(g -> {
                if (g.example == null) {
                    out.add(g.firstId);
                }
            });
            return out;
        }

        /** Sets the reply text of the groups whose first row has one of these ids. */
        public void setExamples(Map<Long, String> texts) {
            groups.values().forEach(g -> {
                if (g.example == null) {
                    g.example = texts.getOrDefault(g.firstId, "");
                }
            });
        }

        /** Adds what was added here to the stored rollups, members and buckets, on the caller's transaction. */
        public void write(Connection c) throws SQLException {
            write(c, null);
        }

        /**
         * {@link #write(Connection)}, finding which keys are stored in {@code known} where it keeps them (null:
         * look every key up).
         */
        public void write(Connection c, KnownKeys known) throws SQLException {
            if (isEmpty()) {
                return;
            }
            if (known != null) {
                known.discard();
            }
            writeMembers(c, known);
            Set<UUID> stored = storedKeys(c, known, "daily_rollup", groups);
            List<Acc> fresh = new ArrayList<>();
            List<Acc> grown = new ArrayList<>();
            groups.forEach((k, a) -> (stored.contains(k) ? grown : fresh).add(a));
            update(c, "UPDATE daily_rollup SET rejections = rejections + ?, recipients = recipients + ?, "
                    + "first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END, "
                    + "last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END, "
                    + "example = CASE WHEN ? < example_id THEN ? ELSE example END, "
                    + "example_id = CASE WHEN ? < example_id THEN ? ELSE example_id END WHERE rollup_key = ?",
                    grown, true);
            insert(c, "INSERT INTO daily_rollup (rollup_key, utc_day, host, direction, reply_code, enhanced_code, "
                    + "recipient_domain, category, provider, blocklist, rejections, recipients, first_seen, last_seen, "
                    + "example_id, example) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh, true);
            Set<UUID> storedParties = storedKeys(c, known, "party_rollup", parties);
            fresh.clear();
            grown.clear();
            parties.forEach((k, a) -> (storedParties.contains(k) ? grown : fresh).add(a));
            update(c, "UPDATE party_rollup SET rejections = rejections + ?, recipients = recipients + ?, "
                    + "clients = clients + ?, first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END, "
                    + "last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END WHERE rollup_key = ?",
                    grown, false);
            insert(c, "INSERT INTO party_rollup (rollup_key, utc_day, host, kind, party, name, category, blocklist, "
                    + "rejections, recipients, clients, first_seen, last_seen) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh, false);
            writeBuckets(c);
            if (known != null) {
                known.keep();
            }
        }

        // Counts each member not stored yet into its group, and stores it.
        private void writeMembers(Connection c, KnownKeys known) throws SQLException {
            Map<Long, List<UUID>> byDay = new LinkedHashMap<>();
            List<UUID> fresh = new ArrayList<>();
            for (Map.Entry<UUID, Member> e : members.entrySet()) {
                Acc g = e.getValue().group;
                KnownKeys.UuidSet kept = known == null ? null : known.keys(c, g.day, g.columns[0]);
                if (kept == null) {
                    byDay.computeIfAbsent(e.getValue().day(), d -> new ArrayList<>()).add(e.getKey());
                } else if (!kept.contains(e.getKey())) {
                    fresh.add(e.getKey());
                    known.stored(kept, e.getKey());
                }
            }
            for (Map.Entry<Long, List<UUID>> day : byDay.entrySet()) {
                Set<UUID> stored = storedMembers(c, day.getKey(), day.getValue());
                for (UUID k : day.getValue()) {
                    if (!stored.contains(k)) {
                        fresh.add(k);
                    }
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollup_member (utc_day, member_key) "
                    + "VALUES (?, ?)")) {
                for (UUID k : fresh) {
                    Member m = members.get(k);
                    if (m.client) {
                        m.group.newClients++;
                    } else {
                        m.group.newRecipients++;
                    }
                    ps.setLong(1, m.day());
                    ps.setObject(2, k);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        private static Set<UUID> storedMembers(Connection c, long day, List<UUID> keys) throws SQLException {
            Set<UUID> found = new HashSet<>();
            for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                int n = Math.min(KEYS_PER_QUERY, keys.size() - from);
                // Pairs, not "utc_day = ? AND member_key IN (...)": with that, H2 seeks the day alone and reads
                // every member of it for each query, so a busy day's scan slowed as the square of its members.
                try (PreparedStatement ps = c.prepareStatement("SELECT member_key FROM rollup_member "
                        + "WHERE (utc_day, member_key) IN ((?, ?)" + ", (?, ?)".repeat(n - 1) + ")")) {
                    for (int i = 0; i < n; i++) {
                        ps.setLong(2 * i + 1, day);
                        ps.setObject(2 * i + 2, keys.get(from + i));
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

        // Which of these rollups exist already: from what this run keeps where it does, else in one query per
        // thousand keys.
        private static Set<UUID> storedKeys(Connection c, KnownKeys known, String table, Map<UUID, Acc> accs)
                throws SQLException {
            Set<UUID> found = new HashSet<>();
            List<UUID> keys = new ArrayList<>(accs.size());
            for (Acc a : accs.values()) {
                KnownKeys.UuidSet kept = known == null ? null : known.keys(c, a.day, a.columns[0]);
                if (kept == null) {
                    keys.add(a.key);
                } else if (kept.contains(a.key)) {
                    found.add(a.key);
                } else {
                    known.stored(kept, a.key);
                }
            }
            for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                int n = Math.min(KEYS_PER_QUERY, keys.size() - from);
                try (PreparedStatement ps = c.prepareStatement("SELECT rollup_key FROM " + table
                        + " WHERE rollup_key IN (?" + ", ?".repeat(n - 1) + ")")) {
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

        private static void update(Connection c, String sql, List<Acc> grown, boolean daily) throws SQLException {
            if (grown.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Acc a : grown) {
                    int i = 0;
                    ps.setLong(++i, a.count);
                    ps.setLong(++i, a.newRecipients);
                    if (!daily) {
                        ps.setLong(++i, a.newClients);
                    }
                    time(ps, ++i, a.first);
                    time(ps, ++i, a.first);
                    time(ps, ++i, a.last);
                    time(ps, ++i, a.last);
                    if (daily) {
                        ps.setLong(++i, a.firstId);
                        ps.setString(++i, a.example());
                        ps.setLong(++i, a.firstId);
                        ps.setLong(++i, a.firstId);
                    }
                    ps.setObject(++i, a.key);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        private static void insert(Connection c, String sql, List<Acc> fresh, boolean daily) throws SQLException {
            if (fresh.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Acc a : fresh) {
                    int i = 0;
                    ps.setObject(++i, a.key);
                    if (a.day == null) {
                        ps.setNull(++i, Types.BIGINT);
                    } else {
                        ps.setLong(++i, a.day);
                    }
                    for (int k = 0; k < a.columns.length; k++) {
                        if (daily && k == 2) {
                            ps.setInt(++i, Integer.parseInt(a.columns[k]));
                        } else {
                            ps.setString(++i, a.columns[k]);
                        }
                    }
                    ps.setLong(++i, a.count);
                    ps.setLong(++i, a.newRecipients);
                    if (!daily) {
                        ps.setLong(++i, a.newClients);
                    }
                    time(ps, ++i, a.first);
                    time(ps, ++i, a.last);
                    if (daily) {
                        ps.setLong(++i, a.firstId);
                        ps.setString(++i, a.example());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
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

    /** A recipient or client that a group counts once a day. */
    private record Member(Acc group, boolean client) {
        long day() {
            return group.day == null ? NO_DAY : group.day;
        }
    }

    /** One rollup or party of a batch: its key columns (after day and server) and running sums. */
    private static final class Acc {
        final UUID key;
        final Long day;
        final String[] columns;
        long count;
        Instant first;
        Instant last;
        long firstId = Long.MAX_VALUE;
        String example;
        long newRecipients;
        long newClients;

        Acc(UUID key, Long day, String... columns) {
            this.key = key;
            this.day = day;
            this.columns = columns;
        }

        void add(Instant from, Instant to, long n, long id, String message) {
            count += n;
            if (from != null) {
                first = first == null || from.isBefore(first) ? from : first;
            }
            if (to != null) {
                last = last == null || to.isAfter(last) ? to : last;
            }
            if (id < firstId) {
                firstId = id;
                example = message;
            }
        }

        String example() {
            return example == null ? "" : example;
        }
    }

    /**
     * The first 128 bits of SHA-256 over a day and key columns, each preceded by its length so that no two keys
     * share a text.
     */
    static UUID hash(Long day, String... columns) {
        StringBuilder s = new StringBuilder(256);
        s.append(day == null ? "-" : day.toString());
        for (String v : columns) {
            String t = v == null ? "" : v;
            s.append(' ').append(t.length()).append(':').append(t);
        }
        MessageDigest md = SHA_256.get();
        md.reset();
        ByteBuffer digest = ByteBuffer.wrap(md.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        return new UUID(digest.getLong(), digest.getLong());
    }
}
