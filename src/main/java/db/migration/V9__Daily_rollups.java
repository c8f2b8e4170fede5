package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.maillog554.store.Rollups;

/**
 * V9: the daily rollups of {@link Rollups} ({@code daily_rollup}, {@code party_rollup}, {@code rollup_member})
 * replace V8's, whose key held the recipient (and inbound the client and sender): with nearly one V8 rollup per
 * row, a year's report read as many rollups as it would have read rows.
 *
 * <p>Filled from V8's rollups when it has any (they count pruned days too, and hold every recipient, client and
 * sender, so the daily distinct counts come out exact), else from the rows (a history that ran V8 after it
 * stopped filling, which also fills V8's empty buckets). Either way one UTC day at a time through the scan's own
 * {@link Rollups.Batch}, so the keys match and memory holds one day's groups; V8's two tables are dropped at the
 * end. One transaction (Flyway's): a migration that stops midway leaves the schema as it was. The disk grows by
 * the new rollups and members (one narrow member row per distinct recipient a day), less than V8's rollups.
 */
public class V9__Daily_rollups extends BaseJavaMigration {

    private static final String ROW_COLUMNS = "id, occurred_at, host, direction, reply_code, enhanced_code, "
            + "recipient_domain, category, provider, blocklist, recipient, remote_ip, remote_host, sender, message";
    private static final String V8_COLUMNS = "utc_day, first_seen, last_seen, rejections, example_id, host, "
            + "direction, reply_code, enhanced_code, recipient_domain, category, provider, blocklist, recipient, "
            + "remote_ip, remote_host, sender";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE daily_rollup ("
                    + "rollup_key UUID PRIMARY KEY, "
                    + "utc_day BIGINT, "
                    + "host VARCHAR(255) NOT NULL, "
                    + "direction VARCHAR(8) NOT NULL, "
                    + "reply_code INTEGER NOT NULL, "
                    + "enhanced_code VARCHAR(16) NOT NULL, "
                    + "recipient_domain VARCHAR(255) NOT NULL, "
                    + "category VARCHAR(32) NOT NULL, "
                    + "provider VARCHAR(32) NOT NULL, "
                    + "blocklist VARCHAR(32) NOT NULL, "
                    + "rejections BIGINT NOT NULL, "
                    + "recipients BIGINT NOT NULL, "
                    + "first_seen TIMESTAMP WITH TIME ZONE, "
                    + "last_seen TIMESTAMP WITH TIME ZONE, "
                    + "example_id BIGINT NOT NULL, "
                    + "example VARCHAR(4000) NOT NULL)");
            st.execute("CREATE INDEX ix_daily_rollup_utc_day ON daily_rollup (utc_day)");
            // The examples of pruned rows are found by their row id.
            st.execute("CREATE INDEX ix_daily_rollup_example_id ON daily_rollup (example_id)");
            st.execute("CREATE TABLE party_rollup ("
                    + "rollup_key UUID PRIMARY KEY, "
                    + "utc_day BIGINT, "
                    + "host VARCHAR(255) NOT NULL, "
                    + "kind VARCHAR(8) NOT NULL, "
                    + "party VARCHAR(255) NOT NULL, "
                    + "name VARCHAR(255) NOT NULL, "
                    + "category VARCHAR(32) NOT NULL, "
                    + "blocklist VARCHAR(32) NOT NULL, "
                    + "rejections BIGINT NOT NULL, "
                    + "recipients BIGINT NOT NULL, "
                    + "clients BIGINT NOT NULL, "
                    + "first_seen TIMESTAMP WITH TIME ZONE, "
                    + "last_seen TIMESTAMP WITH TIME ZONE)");
            st.execute("CREATE INDEX ix_party_rollup_utc_day ON party_rollup (utc_day)");
            // Who each rollup counted on its day (a hash of rollup and recipient or client); the day first, so
            // that a batch looks its day's members up and prune deletes a day's by the primary key.
            st.execute("CREATE TABLE rollup_member ("
                    + "utc_day BIGINT NOT NULL, "
                    + "member_key UUID NOT NULL, "
                    + "PRIMARY KEY (utc_day, member_key))");
        }
        if (any(c, "SELECT 1 FROM rejection_rollup")) {
            fromV8(c);
        } else {
            fromRows(c);
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE rejection_example");
            st.execute("DROP TABLE rejection_rollup");
        }
    }

    private static boolean any(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static void fromV8(Connection c) throws SQLException {
        // V8 found its examples by their group's hash only; each day's are read here by the day (the index goes
        // with the table at the end).
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ix_rejection_example_utc_day ON rejection_example (utc_day)");
        }
        List<Long> days = new ArrayList<>();
        boolean undated = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT utc_day FROM rejection_rollup");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long d = rs.getLong(1);
                if (rs.wasNull()) {
                    undated = true;
                } else {
                    days.add(d);
                }
            }
        }
        for (long d : days) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + V8_COLUMNS + " FROM rejection_rollup "
                    + "WHERE utc_day = ?");
                 PreparedStatement examples = c.prepareStatement("SELECT example_id, example "
                         + "FROM rejection_example WHERE utc_day = ?")) {
                ps.setLong(1, d);
                examples.setLong(1, d);
                addV8(c, ps, examples);
            }
        }
        if (undated) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + V8_COLUMNS + " FROM rejection_rollup "
                    + "WHERE utc_day IS NULL");
                 PreparedStatement examples = c.prepareStatement("SELECT example_id, example "
                         + "FROM rejection_example WHERE utc_day IS NULL")) {
                addV8(c, ps, examples);
            }
        }
    }

    // rollups: one day's V8 rollups; examples: the same day's V8 examples (example_id, example).
    private static void addV8(Connection c, PreparedStatement ps, PreparedStatement examples) throws SQLException {
        Rollups.Batch batch = new Rollups.Batch();
        ps.setFetchSize(2000);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long day = rs.getLong(1);
                batch.add(rs.wasNull() ? null : day, instant(rs, 2), instant(rs, 3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                        rs.getString(16), rs.getString(17));
            }
        }
        // V8 kept the first row's text per day, server and the seven report columns: the new groups exactly.
        // The rows are asked too, in case an example went missing.
        Set<Long> wanted = batch.exampleIdsWanted();
        Map<Long, String> texts = new HashMap<>();
        try (ResultSet rs = examples.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (wanted.contains(id)) {
                    texts.put(id, rs.getString(2));
                }
            }
        }
        wanted.removeAll(texts.keySet());
        texts.putAll(texts(c, "SELECT id, message FROM rejection WHERE id = ?", wanted));
        batch.setExamples(texts);
        batch.write(c);
    }

    private static Map<Long, String> texts(Connection c, String sql, Set<Long> ids) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static void fromRows(Connection c) throws SQLException {
        Instant day = next(c, null);
        while (day != null) {
            Instant end = day.plusSeconds(86_400);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM rejection "
                    + "WHERE occurred_at >= ? AND occurred_at < ? ORDER BY id")) {
                ps.setObject(1, day.atOffset(ZoneOffset.UTC));
                ps.setObject(2, end.atOffset(ZoneOffset.UTC));
                addRows(c, ps);
            }
            day = next(c, end);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM rejection "
                + "WHERE occurred_at IS NULL ORDER BY id")) {
            addRows(c, ps);
        }
    }

    // The UTC midnight of the first row at or after {@code from} (of any row when null), null when there is none.
    private static Instant next(Connection c, Instant from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(occurred_at) FROM rejection"
                + (from == null ? "" : " WHERE occurred_at >= ?"))) {
            if (from != null) {
                ps.setObject(1, from.atOffset(ZoneOffset.UTC));
            }
            try (ResultSet rs = ps.executeQuery()) {
                OffsetDateTime t = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                if (t == null) {
                    return null;
                }
                long s = t.toInstant().getEpochSecond();
                return Instant.ofEpochSecond(s - Math.floorMod(s, 86_400));
            }
        }
    }

    private static void addRows(Connection c, PreparedStatement ps) throws SQLException {
        Rollups.Batch batch = new Rollups.Batch();
        ps.setFetchSize(2000);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                batch.add(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15));
            }
        }
        batch.write(c);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
