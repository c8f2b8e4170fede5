package dev.maillog554.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Streams every stored rejection a filter covers, in parts read at the same time: {@code report}'s path, which
 * must read every row for {@code rejections.csv} (and counts them on the way, in {@code aggregate}).
 *
 * <p>The database's decoding of each row is the largest single cost, so the rows are cut into up to
 * {@code parts} consecutive parts, each read on its own thread and pooled connection (H2 and PostgreSQL both
 * serve concurrent readers); part {@code k} holds only ids above those of part {@code k - 1}, so the sinks'
 * outputs laid end to end are in id order.
 *
 * <p>Plain JDBC, no JPA row arrays and no transaction (a long report must not hit the transaction timeout).
 * Without a filter each part reads a range of ids in keyset pages of {@value #PAGE} rows; with one, the ids the
 * filter selects are fetched first (the indexes answer that) and the rows are then read by id, {@value #PAGE}
 * at a time. Pages rather than one open cursor, so neither database holds or spools a result of millions of
 * rows. Rows a concurrent scan adds while this runs may or may not be read.
 */
@ApplicationScoped
public class HistoryRows {

    /**
     * Rows per page. H2 materialises a page (a query with FETCH FIRST) before the first row is returned, so a
     * page is live across young collections: 20000 rows per page kept about 1 GB of promoted garbage in the heap
     * on a 5 million row history; at 2000 the queries are still few (one primary-key seek per page) and the page
     * dies young.
     */
    static final int PAGE = 2000;
    /** Ids per part at least, so that a small history is read by one thread. */
    public static final long MIN_PART_IDS = 20_000;

    @Inject
    StoreDb db;

    /**
     * Reads the rows the filter covers into the sinks.
     *
     * @param parts      how many parts to read at once (fewer when the history is small)
     * @param minPartIds ids per part at least ({@link #MIN_PART_IDS}; tests ask for less to get many parts)
     * @param sinks      the sink of part {@code k}, asked for in order k = 0, 1, ... on the calling thread before
     *                   any reading starts; it is then called from part {@code k}'s thread only, with its rows in
     *                   id order
     */
    public void read(HistoryFilter f, int parts, long minPartIds, IntFunction<Consumer<RejectionRow>> sinks) {
        Where w = Where.of(f);
        List<PartReader> readers = w.sql.isEmpty() ? rangeParts(parts, minPartIds) : idParts(w, parts, minPartIds);
        int n = readers.size();
        List<Consumer<RejectionRow>> partSinks = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            partSinks.add(sinks.apply(k));
        }
        if (n == 1) {
            readers.get(0).read(partSinks.get(0));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "maillog554-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int part = k;
                running.add(pool.submit(() -> readers.get(part).read(partSinks.get(part))));
            }
            for (Future<?> r : running) {
                await(r);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads one part of the history, in id order, into a sink. */
    private interface PartReader {
        void read(Consumer<RejectionRow> sink);
    }

    // No filter: part k covers the ids in (bounds[k], bounds[k + 1]], equal spans of the table's ids.
    private List<PartReader> rangeParts(int parts, long minPartIds) {
        long first;
        long last;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(id), MAX(id) FROM rejection");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            first = rs.getLong(1);
            last = rs.getLong(2);
            if (rs.wasNull()) {
                return List.of(sink -> { });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history: " + SqlText.withoutStatement(e.getMessage()),
                    e);
        }
        long span = last - first + 1;
        int n = (int) Math.max(1, Math.min(parts, span / minPartIds));
        List<PartReader> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long after = first - 1 + span / n * k;
            long upTo = k == n - 1 ? last : first - 1 + span / n * (k + 1);
            out.add(sink -> readRange(after, upTo, sink));
        }
        return out;
    }

    /*
     * A filter: the ids it selects first, from the indexes (a window of days, a server), then the rows by id,
     * a page of ids at a time; part k gets the k-th of n equal shares of those ids. Why not the filter in the
     * page query: H2 planned "host = ?" (and, with parameters, "occurred_at >= ?") on its secondary index and
     * sorted every matching row for each page, which is quadratic (minutes for --server on 5 million rows).
     */
    private List<PartReader> idParts(Where w, int parts, long minPartIds) {
        long[] ids = new long[1024];
        int count = 0;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM rejection" + w.jdbcSql())) {
            // PostgreSQL's driver honours the fetch size only inside a transaction; in auto-commit it holds every
            // selected id as a row of its own before the first comes back (a year of 5 million rows ran out of
            // the launcher's 256 MB heap). The read writes nothing, so a transaction begun for it ends with a
            // rollback; a connection already in one (the caller's) is left as it is.
            boolean own = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                w.bind(ps);
                ps.setFetchSize(PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (count == ids.length) {
                            ids = Arrays.copyOf(ids, count * 2);
                        }
                        ids[count++] = rs.getLong(1);
                    }
                }
            } finally {
                if (own) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history: " + SqlText.withoutStatement(e.getMessage()),
                    e);
        }
        long[] sorted = Arrays.copyOf(ids, count);
        Arrays.sort(sorted);
        int n = (int) Math.max(1, Math.min(parts, count / minPartIds));
        List<PartReader> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int from = (int) ((long) count * k / n);
            int to = (int) ((long) count * (k + 1) / n);
            out.add(sink -> readIds(sorted, from, to, sink));
        }
        return out;
    }

    // Every row with an id in (after, last], by keyset pages on the primary key.
    private void readRange(long after, long last, Consumer<RejectionRow> sink) {
        String sql = "SELECT " + Rows.COLUMNS + " FROM rejection WHERE id > ? AND id <= ? ORDER BY id FETCH FIRST "
                + PAGE + " ROWS ONLY";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(PAGE);
            long from = after;
            while (true) {
                ps.setLong(1, from);
                ps.setLong(2, last);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RejectionRow r = Rows.row(rs);
                        from = r.id();
                        n++;
                        sink.accept(r);
                    }
                }
                if (n < PAGE || Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history: " + SqlText.withoutStatement(e.getMessage()),
                    e);
        }
    }

    // The rows of ids[from..to) (sorted), PAGE ids per query. The SQL filter chose them, so the rows are those
    // the grouped queries count, to the database's own comparison of times.
    private void readIds(long[] ids, int from, int to, Consumer<RejectionRow> sink) {
        String sql = "SELECT " + Rows.COLUMNS + " FROM rejection WHERE id IN (?" + ", ?".repeat(PAGE - 1)
                + ") ORDER BY id";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = from; i < to && !Thread.currentThread().isInterrupted(); i += PAGE) {
                int end = Math.min(to, i + PAGE);
                for (int p = 0; p < PAGE; p++) {
                    // The last page repeats its last id in the unused places: IN ignores duplicates.
                    ps.setLong(p + 1, ids[Math.min(i + p, end - 1)]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(Rows.row(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history: " + SqlText.withoutStatement(e.getMessage()),
                    e);
        }
    }

    // Waits for one part; its failure (the first one seen) is the read's, with its own type.
    private static void await(Future<?> part) {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("report interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
