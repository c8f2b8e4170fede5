package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.maillog554.store.Rollups;

/**
 * V8: the per-day rollups ({@code rejection_rollup}, {@code rejection_example}, {@code rejection_bucket}, see
 * {@link Rollups}) and the record
 * of pruned rows ({@code pruned_rows}), filled from the rows already stored.
 *
 * <p>Java, not SQL, because a rollup is found by a hash of its key that the scan computes in Java: the fill uses
 * the same {@link Rollups.Batch} as the scan's insert path, so the keys match. It reads the rows one UTC day at a
 * time (by the index on {@code occurred_at}, then the rows without a time), so memory holds one day's groups, and
 * writes only the rollups (as many as the rows at most, usually fewer): nothing is rewritten, and the disk grows
 * by the rollups alone. One transaction (Flyway's): a migration that stops midway leaves the schema as it was.
 * It lives in {@code db.migration} beside V6, where Quarkus finds and registers Java migrations for the native
 * image too.
 */
public class V8__Rejection_rollups extends BaseJavaMigration {

    private static final String COLUMNS = "id, occurred_at, host, direction, reply_code, enhanced_code, "
            + "recipient_domain, category, provider, blocklist, recipient, remote_ip, remote_host, sender, message";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            // One row per UTC day (epoch day; NULL for rows without a time) and finest group.
            st.execute("CREATE TABLE rejection_rollup ("
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
                    + "recipient VARCHAR(512) NOT NULL, "
                    + "remote_ip VARCHAR(64) NOT NULL, "
                    + "remote_host VARCHAR(255) NOT NULL, "
                    + "sender VARCHAR(512) NOT NULL, "
                    + "rejections BIGINT NOT NULL, "
                    + "first_seen TIMESTAMP WITH TIME ZONE, "
                    + "last_seen TIMESTAMP WITH TIME ZONE, "
                    + "example_id BIGINT NOT NULL)");
            st.execute("CREATE INDEX ix_rejection_rollup_utc_day ON rejection_rollup (utc_day)");
            // The reply of the first row per day, server and seven report columns: the examples that outlive the
            // rows (found by a hash of those, as the rollups are).
            st.execute("CREATE TABLE rejection_example ("
                    + "group_key UUID PRIMARY KEY, "
                    + "utc_day BIGINT, "
                    + "host VARCHAR(255) NOT NULL, "
                    + "example_id BIGINT NOT NULL, "
                    + "example VARCHAR(4000) NOT NULL)");
            // Rows with a time per 15-minute UTC bucket (epoch second / 900): the per-day counts in any zone.
            st.execute("CREATE TABLE rejection_bucket ("
                    + "bucket BIGINT NOT NULL, "
                    + "host VARCHAR(255) NOT NULL, "
                    + "direction VARCHAR(8) NOT NULL, "
                    + "rejections BIGINT NOT NULL, "
                    + "PRIMARY KEY (bucket, host, direction))");
            // How far prune removed rows (host '' = every server): report and serve say when a window reaches
            // past the rows, and a scan does not store rows again whose days only the rollups still count.
            st.execute("CREATE TABLE pruned_rows ("
                    + "host VARCHAR(255) PRIMARY KEY, "
                    + "rows_before TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        fill(c);
    }

    private static void fill(Connection c) throws SQLException {
        Instant day = next(c, null);
        while (day != null) {
            Instant end = day.plusSeconds(86_400);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rejection "
                    + "WHERE occurred_at >= ? AND occurred_at < ? ORDER BY id")) {
                ps.setObject(1, day.atOffset(ZoneOffset.UTC));
                ps.setObject(2, end.atOffset(ZoneOffset.UTC));
                add(c, ps);
            }
            day = next(c, end);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rejection "
                + "WHERE occurred_at IS NULL ORDER BY id")) {
            add(c, ps);
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

    private static void add(Connection c, PreparedStatement ps) throws SQLException {
        Rollups.Batch batch = new Rollups.Batch();
        ps.setFetchSize(2000);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime t = rs.getObject(2, OffsetDateTime.class);
                batch.add(rs.getLong(1), t == null ? null : t.toInstant(), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getString(15));
            }
        }
        batch.write(c);
    }
}
