package dev.maillog554.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one scan has stored of the (UTC day, server) pairs that had no rollups when it first wrote to them, so that
 * their rollup and member keys need no lookup in the database.
 *
 * <p>A nightly scan writes a day or two that the history has never seen. Before this, each batch asked the
 * database which of its rollups and {@code rollup_member} keys were stored already (bench/RESULTS.md: about a
 * quarter of the writer thread's time), although for such a day the only keys stored are the ones this run stored
 * itself. A pair is <em>fresh</em> when neither {@code daily_rollup} nor {@code party_rollup} has a row of it at
 * the first batch that touches it; from then on this run is the only writer of its keys (the {@link RunLock}),
 * so the keys kept here are exactly the stored ones. Members need no check of their own: a member is only stored
 * with its group's rollup, and a prune that deletes a server's rollups of a day also keeps its rows from being
 * stored again ({@code pruned_rows}).
 *
 * <p>Everything else is looked up as before: rows without a time, days that had rollups (a rescan, a second
 * server of a fleet on the same day), and pairs this object stopped keeping. It keeps at most {@value #MAX_PAIRS}
 * pairs and about {@value #MAX_KEYS} keys (32 bytes each at most), dropping the pair it met first: logs come in
 * time order, so the oldest day is the one least likely to come back, and a dropped pair is only slower.
 *
 * <p>Keys learnt by a batch are kept only once its {@link Rollups.Batch#write} has succeeded ({@link #keep});
 * a batch whose transaction fails after that fails the scan. Not thread-safe: one per run.
 */
public final class KnownKeys {

    static final int MAX_PAIRS = 4;
    static final int MAX_KEYS = 1 << 20;

    // Insertion order: the first pair met is the first dropped.
    private final Map<List<Object>, UuidSet> fresh = new LinkedHashMap<>();
    private final Set<List<Object>> decided = new HashSet<>();
    private final List<Object[]> pending = new ArrayList<>();

    /**
     * The keys stored of this day and server if this run keeps them all, null if they must be looked up.
     * Decides, at the first call for a pair, whether it is fresh.
     */
    UuidSet keys(Connection c, Long day, String host) throws SQLException {
        if (day == null || host == null) {
            return null;
        }
        List<Object> pair = List.of(day, host);
        if (decided.add(pair) && !hasRollups(c, day, host)) {
            fresh.put(pair, new UuidSet());
            trim();
        }
        return fresh.get(pair);
    }

    /** Remembers a key the current batch stores in {@code set}; it is kept at {@link #keep}. */
    void stored(UuidSet set, UUID key) {
        pending.add(new Object[] {set, key});
    }

    /** Keeps what the batch stored: its write succeeded. */
    void keep() {
        for (Object[] p : pending) {
            ((UuidSet) p[0]).add((UUID) p[1]);
        }
        pending.clear();
        trim();
    }

    /** Forgets what a failed batch would have stored. */
    void discard() {
        pending.clear();
    }

    /** How many keys are kept (for tests). */
    int kept() {
        return fresh.values().stream().mapToInt(UuidSet::size).sum();
    }

    /** How many pairs are kept (for tests). */
    int freshPairs() {
        return fresh.size();
    }

    private void trim() {
        Iterator<UuidSet> it = fresh.values().iterator();
        while (it.hasNext() && (fresh.size() > MAX_PAIRS || kept() > MAX_KEYS)) {
            it.next();
            it.remove();
        }
    }

    private static boolean hasRollups(Connection c, long day, String host) throws SQLException {
        return any(c, "daily_rollup", day, host) || any(c, "party_rollup", day, host);
    }

    private static boolean any(Connection c, String table, long day, String host) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table
                + " WHERE utc_day = ? AND host = ? FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, day);
            ps.setString(2, host);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A set of 128-bit keys in two open-addressed {@code long[]}s: 16 to 32 bytes per key, not ~80. */
    static final class UuidSet {
        private long[] hi = new long[64];
        private long[] lo = new long[64];
        private boolean[] used = new boolean[64];
        private int size;

        boolean contains(UUID k) {
            return used[slot(k.getMostSignificantBits(), k.getLeastSignificantBits())];
        }

        void add(UUID k) {
            long h = k.getMostSignificantBits();
            long l = k.getLeastSignificantBits();
            int i = slot(h, l);
            if (used[i]) {
                return;
            }
            used[i] = true;
            hi[i] = h;
            lo[i] = l;
            if (++size * 2 > used.length) {
                grow();
            }
        }

        int size() {
            return size;
        }

        // The slot holding the key, or the free slot where it belongs (linear probing; the keys are hashes).
        private int slot(long h, long l) {
            int mask = used.length - 1;
            int i = (int) (h ^ h >>> 32) & mask;
            while (used[i] && (hi[i] != h || lo[i] != l)) {
                i = i + 1 & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldHi = hi;
            long[] oldLo = lo;
            boolean[] oldUsed = used;
            hi = new long[oldUsed.length * 2];
            lo = new long[oldUsed.length * 2];
            used = new boolean[oldUsed.length * 2];
            for (int j = 0; j < oldUsed.length; j++) {
                if (oldUsed[j]) {
                    int i = slot(oldHi[j], oldLo[j]);
                    used[i] = true;
                    hi[i] = oldHi[j];
                    lo[i] = oldLo[j];
                }
            }
        }
    }
}
