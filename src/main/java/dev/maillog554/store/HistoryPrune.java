package dev.maillog554.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Retention in two tiers: rows (per-rejection detail) and, kept longer, the per-day {@link Rollups}.
 *
 * <p>Rows go by whole UTC days, so a day has either all its rows or none, and its rollups equal a recount of its
 * rows whenever it has any. They are deleted one day at a time, each day in a transaction of its own (plain JDBC
 * in auto-commit): on H2, one transaction over millions of deleted rows kept each of them until the commit, and
 * the file grew while it shrank the history; a day at a time, the pages freed by one day are reused by the
 * next. The cut-off is recorded in {@code pruned_rows} before the first delete, so a prune that is killed midway
 * still tells report and serve that rows are missing before it. A prune of every server also deletes the days'
 * {@code rollup_member} rows (who each rollup counted), which only a later row of the day would need; members
 * have no server column, so a prune of one server leaves them.
 */
@ApplicationScoped
public class HistoryPrune {

    /** Host key of {@code pruned_rows} for a prune of every server. */
    static final String EVERY_HOST = "";

    @Inject
    StoreDb db;

    /**
     * What a prune removed.
     *
     * @param rows          rejections deleted
     * @param rowsBefore    rows were deleted before this UTC midnight
     * @param rollups       daily rollups deleted (0 without a rollup cut-off)
     * @param rollupsBefore rollups were deleted before this UTC midnight, null for none
     */
    public record Pruned(long rows, Instant rowsBefore, long rollups, Instant rollupsBefore) {
    }

    /**
     * Deletes the rows of whole UTC days before {@code rowsBefore} (rounded down to a midnight), and the rollups
     * of days before {@code rollupsBefore} when it is given (whose rows go too: no row outlives its rollup).
     * With a host, only that server's. Call it holding the {@link RunLock}.
     */
    public Pruned prune(Instant rowsBefore, Instant rollupsBefore, String host) {
        Instant rollupsCut = rollupsBefore == null ? null : midnight(rollupsBefore);
        Instant rowsCut = midnight(rollupsCut != null && rollupsCut.isAfter(rowsBefore) ? rollupsCut : rowsBefore);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            // Recorded no later than now: rejections that happen after the prune were never counted, so a cut-off
            // in the future must not keep a later scan from storing them.
            Instant now = Instant.now();
            record(c, host == null ? EVERY_HOST : host, rowsCut.isAfter(now) ? now : rowsCut);
            long rows = 0;
            for (Instant day = first(c, host, rowsCut); day != null; day = first(c, host, rowsCut)) {
                rows += delete(c, "DELETE FROM rejection WHERE occurred_at >= ? AND occurred_at < ?", host,
                        day.atOffset(ZoneOffset.UTC), day.plusSeconds(Rollups.DAY).atOffset(ZoneOffset.UTC));
                if (host == null) {
                    // Who the day's rollups counted is only needed while rows of the day can still be stored.
                    delete(c, "DELETE FROM rollup_member WHERE utc_day = ?", null, Rollups.day(day));
                }
            }
            long rollups = 0;
            if (rollupsCut != null) {
                long day = Rollups.day(rollupsCut);
                rollups = delete(c, "DELETE FROM daily_rollup WHERE utc_day < ?", host, day);
                delete(c, "DELETE FROM party_rollup WHERE utc_day < ?", host, day);
                delete(c, "DELETE FROM rejection_bucket WHERE bucket < ?", host,
                        day * (Rollups.DAY / Rollups.BUCKET));
            }
            return new Pruned(rows, rowsCut, rollups, rollupsCut);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune the history", e);
        }
    }

    /** The latest time before which prune deleted rows of this server (or of every server when null), if any. */
    static Instant rowsBefore(Connection c, String host) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(rows_before) FROM pruned_rows"
                + (host == null ? "" : " WHERE host = ? OR host = ?"))) {
            if (host != null) {
                ps.setString(1, host);
                ps.setString(2, EVERY_HOST);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Rows.instant(rs.getObject(1, OffsetDateTime.class)) : null;
            }
        }
    }

    private static Instant midnight(Instant t) {
        return Instant.ofEpochSecond(Rollups.day(t) * Rollups.DAY);
    }

    private static void record(Connection c, String host, Instant before) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE pruned_rows SET rows_before = ? "
                + "WHERE host = ? AND rows_before < ?")) {
            up.setObject(1, before.atOffset(ZoneOffset.UTC));
            up.setString(2, host);
            up.setObject(3, before.atOffset(ZoneOffset.UTC));
            up.executeUpdate();
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO pruned_rows (host, rows_before) SELECT ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM pruned_rows WHERE host = ?)")) {
            in.setString(1, host);
            in.setObject(2, before.atOffset(ZoneOffset.UTC));
            in.setString(3, host);
            in.executeUpdate();
        }
    }

    // The UTC midnight of the oldest row before the cut-off, null when there is none.
    private static Instant first(Connection c, String host, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(occurred_at) FROM rejection WHERE occurred_at < ?"
                + (host == null ? "" : " AND host = ?"))) {
            ps.setObject(1, before.atOffset(ZoneOffset.UTC));
            if (host != null) {
                ps.setString(2, host);
            }
            try (ResultSet rs = ps.executeQuery()) {
                OffsetDateTime t = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return t == null ? null : midnight(t.toInstant());
            }
        }
    }

    private static long delete(Connection c, String sql, String host, Object... bounds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql + (host == null ? "" : " AND host = ?"))) {
            int i = 0;
            for (Object b : bounds) {
                ps.setObject(++i, b);
            }
            if (host != null) {
                ps.setString(++i, host);
            }
            return ps.executeUpdate();
        }
    }
}
