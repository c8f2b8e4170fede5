package dev.maillog554.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.maillog554.classify.Diagnosis;
import dev.maillog554.parse.RejectionEvent;

/**
 * Stores rejections with JDBC batch inserts on a connection the caller's transaction owns (H2 or PostgreSQL).
 *
 * <p>Keys already stored (an earlier run, or a file read twice) are looked up by the unique dedupe-key index
 * first and skipped, so both databases run the same plain SQL. The rows' {@link Rollups} are updated in the same
 * transaction. Ids come from {@code rejection_seq}, one value per row, taken for the whole batch at once: the
 * sequence steps by 50 for Hibernate's pooled optimiser, which treats each value as the top of its block, so
 * using the values themselves never collides with it.
 */
final class RejectionInserts {

    /** Keys per existence query: well below PostgreSQL's limit of 32767 parameters per statement. */
    private static final int KEYS_PER_QUERY = 1000;

    private static final String COLUMNS = "id, run_id, dedupe_key, occurred_at, direction, status, mta, host, "
            + "queue_id, sender, recipient, recipient_domain, reply_code, enhanced_code, stage, category, provider, "
            + "blocklist, remote_host, remote_ip, message, source_file, line_no";
    private static final String PARAMS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private RejectionInserts() {
    }

    /**
     * Inserts the rejections whose keys are not stored yet, looking the keys up first or not.
     *
     * <p>Without the lookup, the batch is inserted at once and the unique index is the check: a first scan of
     * new logs, the common case, saves a query per batch. A key already stored makes the insert fail; it is
     * then rolled back to a savepoint and retried with the lookup, so the outcome is the same either way.
     * Stored keys come in runs (a rescan, a file read again), so the caller looks up first after a batch
     * that {@link RunStore.Saved#foundStored() found stored keys}.
     *
     * @param lookUpFirst whether to look the keys up before inserting
     */
    static RunStore.Saved insertNew(Connection c, long runId, List<KeyedRejection> batch, boolean lookUpFirst)
            throws SQLException {
        return insertNew(c, runId, batch, lookUpFirst, null);
    }

    /**
     * {@link #insertNew(Connection, long, List, boolean)}, with what the run knows it stored of its rollups
     * ({@link KnownKeys}; null for nothing).
     */
    static RunStore.Saved insertNew(Connection c, long runId, List<KeyedRejection> batch, boolean lookUpFirst,
                                    KnownKeys known) throws SQLException {
        if (!lookUpFirst) {
            // In SQL, not Connection.setSavepoint/rollback: the pool refuses those on a connection that the
            // transaction manager owns. H2 and PostgreSQL both accept these statements.
            try (Statement st = c.createStatement()) {
                st.execute("SAVEPOINT before_batch");
                try {
                    int rows = insert(c, runId, batch, Set.of(), known);
                    st.execute("RELEASE SAVEPOINT before_batch");
                    return new RunStore.Saved(rows, Set.of(), Set.of());
                } catch (SQLException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    st.execute("ROLLBACK TO SAVEPOINT before_batch");
                }
            }
        }
        Map<UUID, Long> existing = existingKeys(c, batch);
        Set<UUID> byThisRun = new HashSet<>();
        Set<UUID> before = new HashSet<>();
        existing.forEach((key, run) -> (run == runId ? byThisRun : before).add(key));
        return new RunStore.Saved(insert(c, runId, batch, existing.keySet(), known), byThisRun, before);
    }

    private static int insert(Connection c, long runId, List<KeyedRejection> batch, Set<UUID> existing,
                              KnownKeys known) throws SQLException {
        List<KeyedRejection> fresh = new ArrayList<>(batch.size());
        Set<UUID> seen = new HashSet<>();
        Map<String, Instant> pruned = prunedRows(c);
        for (KeyedRejection k : batch) {
            if (!existing.contains(k.dedupeKey()) && seen.add(k.dedupeKey()) && !pruned(pruned, k)) {
                fresh.add(k);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        // The ids are taken before the insert, so that the rollups know the id of each group's first row.
        long[] ids = nextIds(c, fresh.size());
        Rollups.Batch rollups = new Rollups.Batch();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rejection (" + COLUMNS + ") VALUES (" + PARAMS
                + ")")) {
            for (int n = 0; n < fresh.size(); n++) {
                bind(ps, ids[n], runId, fresh.get(n), rollups);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // In the caller's transaction (and savepoint): rows and rollups commit or roll back together.
        rollups.write(c, known);
        return fresh.size();
    }

    // Where prune deleted rows: their keys are gone, but their days are still counted by the rollups, so a rescan
    // of those logs must not store them again (it would count them twice).
    private static Map<String, Instant> prunedRows(Connection c) throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT host, rows_before FROM pruned_rows");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        return out;
    }

    private static boolean pruned(Map<String, Instant> pruned, KeyedRejection k) {
        Instant t = k.rejection().event().time();
        if (pruned.isEmpty() || t == null) {
            return false;
        }
        Instant all = pruned.get(HistoryPrune.EVERY_HOST);
        Instant host = pruned.get(RunStore.cut(k.rejection().event().host(), 255));
        return (all != null && t.isBefore(all)) || (host != null && t.isBefore(host));
    }

    // Standard SQL for H2; PostgreSQL has only its function. Sorted: the rows keep the order of the batch.
    private static long[] nextIds(Connection c, int n) throws SQLException {
        String sql = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                ? "SELECT nextval('rejection_seq') FROM generate_series(1, ?)"
                : "SELECT NEXT VALUE FOR rejection_seq FROM SYSTEM_RANGE(1, ?)";
        long[] ids = new long[n];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    if (!rs.next()) {
                        throw new SQLException("rejection_seq gave " + i + " ids of " + n);
                    }
                    ids[i] = rs.getLong(1);
                }
            }
        }
        Arrays.sort(ids);
        return ids;
    }

    // SQLSTATE 23505 (unique violation) in H2 and PostgreSQL; a batch may carry it on a chained exception.
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
            if (x.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    // The stored keys among the batch's, each with the run that stored it.
    private static Map<UUID, Long> existingKeys(Connection c, List<KeyedRejection> batch) throws SQLException {
        Map<UUID, Long> found = new HashMap<>();
        for (int from = 0; from < batch.size(); from += KEYS_PER_QUERY) {
            int n = Math.min(KEYS_PER_QUERY, batch.size() - from);
            StringBuilder sql = new StringBuilder("SELECT dedupe_key, run_id FROM rejection WHERE dedupe_key IN (?");
            sql.append(", ?".repeat(n - 1)).append(')');
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < n; i++) {
                    ps.setObject(i + 1, batch.get(from + i).dedupeKey());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            }
        }
        return found;
    }

    private static void bind(PreparedStatement ps, long id, long runId, KeyedRejection k, Rollups.Batch rollups)
            throws SQLException {
        RejectionEvent e = k.rejection().event();
        Diagnosis d = k.rejection().diagnosis();
        int i = 0;
        ps.setLong(++i, id);
        ps.setLong(++i, runId);
        ps.setObject(++i, k.dedupeKey());
        if (e.time() == null) {
            ps.setNull(++i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(++i, e.time().atOffset(ZoneOffset.UTC));
        }
        ps.setString(++i, e.direction().label());
        ps.setString(++i, e.status().label());
        ps.setString(++i, e.mta().label());
        ps.setString(++i, RunStore.cut(e.host(), 255));
        ps.setString(++i, RunStore.cut(e.queueId(), 64));
        ps.setString(++i, RunStore.cut(e.sender(), 512));
        ps.setString(++i, RunStore.cut(e.recipient(), 512));
        ps.setString(++i, RunStore.cut(e.recipientDomain(), 255));
        ps.setInt(++i, e.replyCode());
        ps.setString(++i, RunStore.cut(e.enhancedCode(), 16));
        ps.setString(++i, RunStore.cut(e.stage(), 16));
        ps.setString(++i, d.category().id());
        ps.setString(++i, RunStore.cut(d.provider(), 32));
        ps.setString(++i, RunStore.cut(d.blocklist(), 32));
        ps.setString(++i, RunStore.cut(e.remoteHost(), 255));
        ps.setString(++i, RunStore.cut(e.remoteIp(), 64));
        ps.setString(++i, RunStore.cut(e.message(), RunStore.MAX_MESSAGE));
        ps.setString(++i, RunStore.cut(e.sourceFile(), 1024));
        ps.setLong(++i, e.line());
        rollups.add(id, e.time(), RunStore.cut(e.host(), 255), e.direction().label(), e.replyCode(),
                RunStore.cut(e.enhancedCode(), 16), RunStore.cut(e.recipientDomain(), 255), d.category().id(),
                RunStore.cut(d.provider(), 32), RunStore.cut(d.blocklist(), 32), RunStore.cut(e.recipient(), 512),
                RunStore.cut(e.remoteIp(), 64), RunStore.cut(e.remoteHost(), 255), RunStore.cut(e.sender(), 512),
                RunStore.cut(e.message(), RunStore.MAX_MESSAGE));
    }
}
