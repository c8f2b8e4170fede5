package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V8: the first per-day rollups ({@code rejection_rollup}, {@code rejection_example}, {@code rejection_bucket})
 * and the record of pruned rows ({@code pruned_rows}).
 *
 * <p>V8 used to fill its rollups from the rows here. Its rollup key held the recipient (and the client and sender
 * inbound), so it had nearly as many rollups as rows; V9 replaced it with {@link dev.maillog554.store.Rollups}'s
 * daily groups. A history that ran this first version keeps its filled tables, which V9 converts; one that
 * runs it now gets them empty, and V9 fills its own tables and the buckets from the rows. Java migrations have
 * no checksum, so the change does not fail Flyway's validation of either.
 */
public class V8__Rejection_rollups extends BaseJavaMigration {

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
    }
}
