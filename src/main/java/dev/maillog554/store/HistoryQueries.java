package dev.maillog554.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Read-only questions about the stored history, answered with SQL that H2 and PostgreSQL both accept; everything
 * it returns is a record of this package (rows, finest groups, runs), never an entity and never a report shape.
 * Streaming every row of a window is {@link HistoryRows}'s job.
 */
@ApplicationScoped
public class HistoryQueries {

    /**
     * Seconds a {@link #read} transaction may take: its GROUP BY and example queries each scan the rows the
     * filter covers, which on millions of rows outlasts the default 60 s (the live report of {@code serve} over
     * 5 million rows took 110 s).
     */
    static final int READ_TIMEOUT_SECONDS = 1800;
    /** Rows fetched at a time by the streaming reads. */
    static final int FETCH = 2000;

    @Inject
    StoreDb db;

    /**
     * Runs {@code work} on the grouped questions about the rows the filter covers, in one read transaction (one
     * view of the history for all of them). Only the entry of a transaction may set its timeout, hence here.
     */
    @Transactional
    @TransactionConfiguration(timeout = READ_TIMEOUT_SECONDS)
    public <T> T read(HistoryFilter f, Function<HistoryGroups, T> work) {
        return work.apply(new HistoryGroups(db.em(), f));
    }

    /**
     * Counts by one column, most first, ties by key. {@link GroupBy#DAY} is not a column: per-day counts need a
     * zone, and come from {@link HistoryGroups#buckets}.
     */
    @Transactional
    public List<GroupCount> group(GroupBy by, HistoryFilter f) {
        String column = switch (by) {
            case CODE -> "reply_code";
            case ENHANCED -> "enhanced_code";
            case DOMAIN -> "recipient_domain";
            case DIRECTION -> "direction";
            case CATEGORY -> "category";
            case PROVIDER -> "provider";
            case HOST -> "host";
            case DAY -> throw new IllegalArgumentException("days need a zone: read the time buckets");
        };
        // Whole days come from the rollups (see HistoryGroups), which have every one of these columns.
        boolean rollups = Rollups.cover(f);
        Where w = rollups ? Where.ofRollups(f, "utc_day", Rollups.DAY) : Where.of(f);
        List<Object[]> rows = w.bind(db.em().createNativeQuery("SELECT " + column + (rollups
                ? ", SUM(rejections) FROM daily_rollup" : ", COUNT(*) FROM rejection") + w.sql + " GROUP BY "
                + column)).getResultList();
        List<GroupCount> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new GroupCount(String.valueOf(r[0]), Rows.num(r[1]).longValue()));
        }
        out.sort(Comparator.comparingLong(GroupCount::count).reversed().thenComparing(GroupCount::key));
        return out;
    }

    /**
     * When prune deleted rows that this window covers: the time before which rows of the filter's server (or of
     * any server) are gone, if the window starts before it; empty when the window has all its rows.
     */
    @Transactional
    public Optional<Instant> rowsPrunedBefore(HistoryFilter f) {
        Query q = db.em().createNativeQuery("SELECT MAX(rows_before) FROM pruned_rows"
                + (f.host() == null ? "" : " WHERE host = :host OR host = :every"));
        if (f.host() != null) {
            q.setParameter("host", f.host()).setParameter("every", HistoryPrune.EVERY_HOST);
        }
        Instant before = Rows.instant(q.getSingleResult());
        return before != null && (f.since() == null || f.since().isBefore(before)) ? Optional.of(before)
                : Optional.empty();
    }

    /** One page of the rejections the criteria select, oldest first, ties by id (0-based page, size >= 1). */
    @Transactional
    public Page<RejectionRow> rejections(RejectionCriteria c, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("invalid page " + page + " of size " + size
                    + ": page starts at 0, size at 1");
        }
        Where w = Where.of(c);
        long total = Rows.num(w.bind(db.em().createNativeQuery("SELECT COUNT(*) FROM rejection" + w.sql))
                .getSingleResult()).longValue();
        List<Object[]> rows = w.bind(db.em().createNativeQuery("SELECT " + Rows.COLUMNS + " FROM rejection" + w.sql
                + " ORDER BY occurred_at, id")).setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size)
                .getResultList();
        return new Page<>(rows.stream().map(Rows::row).toList(), page, size, total);
    }

    /**
     * The rejections these runs stored, each with its dedupe key, in id order: what failed runs stored for the next
     * scan's report. A pass over the whole table (nothing indexes run_id, see V4 and V6), made only after a run
     * failed having stored something.
     */
    public void rowsOfRuns(List<Long> runIds, BiConsumer<UUID, RejectionRow> sink) {
        if (runIds.isEmpty()) {
            return;
        }
        String sql = "SELECT " + Rows.COLUMNS + ", dedupe_key FROM rejection WHERE run_id IN (?"
                + ", ?".repeat(runIds.size() - 1) + ") ORDER BY id";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < runIds.size(); i++) {
                ps.setLong(i + 1, runIds.get(i));
            }
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getObject(Rows.COUNT + 1, UUID.class), Rows.row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rejections of failed runs " + runIds, e);
        }
    }

    /** Every run, newest first. */
    @Transactional
    public List<RunRow> runs() {
        List<ScanRun> found = db.em().createQuery("FROM ScanRun r ORDER BY r.id DESC", ScanRun.class)
                .getResultList();
        return found.stream().map(HistoryQueries::runRow).toList();
    }

    /** One run. */
    @Transactional
    public Optional<RunRow> run(long id) {
        return Optional.ofNullable(db.em().find(ScanRun.class, id)).map(HistoryQueries::runRow);
    }

    /**
     * The newest run that recorded its exit code (the one a scan's --metrics-file describes), with what it found
     * by cause and the end of the last successful run; empty before any. Reads a few rows of scan_run and
     * run_rejections, never the rejections.
     */
    @Transactional
    public Optional<LastRun> lastRun() {
        EntityManager em = db.em();
        List<ScanRun> last = em.createQuery("FROM ScanRun r WHERE r.exitCode IS NOT NULL ORDER BY r.id DESC",
                ScanRun.class).setMaxResults(1).getResultList();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        ScanRun r = last.get(0);
        List<RunCount> counts = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT direction, category, reply_code, enhanced_code, rejections "
                + "FROM run_rejections WHERE run_id = ?1").setParameter(1, r.id).getResultList()) {
            Object[] row = (Object[]) o;
            counts.add(new RunCount((String) row[0], (String) row[1], ((Number) row[2]).intValue(), (String) row[3],
                    ((Number) row[4]).longValue()));
        }
        // Exit codes 0 and 4 (more rejections than --fail-if-count) are the successes (README, Exit codes).
        OffsetDateTime success = em.createQuery("SELECT MAX(r.finishedAt) FROM ScanRun r WHERE r.exitCode IN (0, 4)",
                OffsetDateTime.class).getSingleResult();
        RunFigures figures = new RunFigures(orZero(r.inputsRead), r.recipients == null ? 0 : r.recipients,
                r.durationMs == null ? 0 : r.durationMs, counts);
        return Optional.of(new LastRun(figures, r.linesRead, r.problems, r.finishedAt.toInstant(), r.exitCode,
                success == null ? null : success.toInstant()));
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    static RunRow runRow(ScanRun r) {
        return new RunRow(r.id, r.startedAt.toInstant(), r.finishedAt == null ? null : r.finishedAt.toInstant(),
                r.host, r.inputs, r.codes, r.status, r.linesRead, r.rejectionsFound, r.rejectionsNew, r.problems);
    }
}
