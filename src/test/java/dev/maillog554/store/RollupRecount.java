package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The daily rollups recounted from the rows in plain Java, and the stored ones read in the same shape, for the
 * tests that check they agree (after scans, rescans, failures, prunes and the migrations).
 *
 * <p>Daily groups: (day, server, "daily", direction, code, enhanced, domain, cause, provider, blocklist) to count,
 * first and last time, first id, its reply, distinct recipients that day. Inbound parties: (day, server, "client",
 * IP, name, cause, blocklist) and (day, server, "sender", sender domain, "", cause, blocklist) to count, first and
 * last time, distinct recipients, distinct client addresses (0 for a client). Days are UTC epoch days, null for
 * rows without a time; times are printed instants, "null" for none.
 */
final class RollupRecount {

    private static final String ROWS = "SELECT id, occurred_at, host, direction, reply_code, enhanced_code, "
            + "recipient_domain, category, provider, blocklist, recipient, remote_ip, remote_host, sender, message "
            + "FROM rejection";

    private RollupRecount() {
    }

    /** The rollups of the rows that {@code where} selects (e.g. {@code " WHERE host = 'x'"}), on the days kept. */
    static Map<List<Object>, List<Object>> recount(Connection c, String where, Predicate<Long> days)
            throws SQLException {
        Map<List<Object>, Acc> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ROWS + where + " ORDER BY id");
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                OffsetDateTime t = r.getObject(2, OffsetDateTime.class);
                Long day = t == null ? null : Math.floorDiv(t.toEpochSecond(), 86_400);
                if (!days.test(day)) {
                    continue;
                }
                String at = String.valueOf(t == null ? null : t.toInstant());
                String host = r.getString(3);
                String category = r.getString(8);
                String blocklist = r.getString(10);
                String recipient = r.getString(11);
                long id = r.getLong(1);
                String message = r.getString(15);
                out.computeIfAbsent(Arrays.asList(day, host, "daily", r.getString(4), String.valueOf(r.getInt(5)),
                        r.getString(6), r.getString(7), category, r.getString(9), blocklist),
                        k -> new Acc(true, id, message)).add(at, recipient, null);
                if ("inbound".equals(r.getString(4))) {
                    String ip = Rollups.client(r.getString(12));
                    out.computeIfAbsent(Arrays.asList(day, host, Rollups.CLIENT, ip, r.getString(13), category,
                            blocklist), k -> new Acc(false, id, message)).add(at, recipient, null);
                    out.computeIfAbsent(Arrays.asList(day, host, Rollups.SENDER, Rollups.senderDomain(r.getString(14)),
                            "", category, blocklist), k -> new Acc(false, id, message)).add(at, recipient, ip);
                }
            }
        }
        Map<List<Object>, List<Object>> shaped = new HashMap<>();
        out.forEach((k, v) -> shaped.put(k, v.shape()));
        return shaped;
    }

    /** The stored rollups whose server {@code where} selects (e.g. {@code " WHERE host = 'x'"}). */
    static Map<List<Object>, List<Object>> stored(Connection c, String where) throws SQLException {
        Map<List<Object>, List<Object>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT utc_day, host, direction, reply_code, enhanced_code, "
                + "recipient_domain, category, provider, blocklist, rejections, first_seen, last_seen, example_id, "
                + "example, recipients FROM daily_rollup" + where); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long day = rs.getLong(1);
                List<Object> key = Arrays.asList(rs.wasNull() ? null : day, rs.getString(2), "daily",
                        rs.getString(3), String.valueOf(rs.getInt(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9));
                List<Object> v = List.of(rs.getLong(10), time(rs, 11), time(rs, 12), rs.getLong(13),
                        rs.getString(14), rs.getLong(15));
                assertEquals(null, out.put(key, v), "one rollup per key");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT utc_day, host, kind, party, name, category, "
                + "blocklist, rejections, first_seen, last_seen, recipients, clients FROM party_rollup" + where);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long day = rs.getLong(1);
                List<Object> key = Arrays.asList(rs.wasNull() ? null : day, rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                List<Object> v = List.of(rs.getLong(8), time(rs, 9), time(rs, 10), rs.getLong(11), rs.getLong(12));
                assertEquals(null, out.put(key, v), "one party rollup per key");
            }
        }
        return out;
    }

    /** The rows with a time per 15-minute bucket, server and direction, recounted; and as stored. */
    static Map<List<Object>, Long> bucketRecount(Connection c) throws SQLException {
        Map<List<Object>, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT occurred_at, host, direction FROM rejection "
                + "WHERE occurred_at IS NOT NULL"); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                out.merge(List.of(Math.floorDiv(r.getObject(1, OffsetDateTime.class).toEpochSecond(), 900),
                        r.getString(2), r.getString(3)), 1L, Long::sum);
            }
        }
        return out;
    }

    static Map<List<Object>, Long> storedBuckets(Connection c) throws SQLException {
        Map<List<Object>, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT bucket, host, direction, rejections "
                + "FROM rejection_bucket"); ResultSet b = ps.executeQuery()) {
            while (b.next()) {
                out.put(List.of(b.getLong(1), b.getString(2), b.getString(3)), b.getLong(4));
            }
        }
        return out;
    }

    private static String time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return String.valueOf(t == null ? null : t.toInstant());
    }

    /** One rollup recounted. */
    private static final class Acc {
        final boolean daily;
        final long firstId;
        final String example;
        long count;
        String first = "null";
        String last = "null";
        final Set<String> recipients = new HashSet<>();
        final Set<String> clients = new HashSet<>();

        Acc(boolean daily, long firstId, String example) {
            this.daily = daily;
            this.firstId = firstId;
            this.example = example;
        }

        void add(String at, String recipient, String client) {
            count++;
            if (!at.equals("null")) {
                first = first.equals("null") || at.compareTo(first) < 0 ? at : first;
                last = last.equals("null") || at.compareTo(last) > 0 ? at : last;
            }
            if (!recipient.isEmpty()) {
                recipients.add(recipient.toLowerCase(Locale.ROOT));
            }
            if (client != null) {
                clients.add(client);
            }
        }

        List<Object> shape() {
            return daily ? List.of(count, first, last, firstId, example, (long) recipients.size())
                    : List.of(count, first, last, (long) recipients.size(), (long) clients.size());
        }
    }
}
