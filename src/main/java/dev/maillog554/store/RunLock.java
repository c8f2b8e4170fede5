package dev.maillog554.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One writing run at a time per database: the run holds the single {@code run_lock} row with
 * {@code SELECT ... FOR UPDATE NOWAIT} on a connection of its own, outside the batches' transactions, until it
 * ends. If the process dies, the database drops the connection and the lock with it, so no stale lock needs
 * cleaning; this works alike on H2 and PostgreSQL.
 */
@ApplicationScoped
public class RunLock {

    /** How often a waiting run tries again. */
    static final Duration RETRY = Duration.ofMillis(500);

    @Inject
    StoreDb db;

    /** A held lock; closing it releases the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock.
     *
     * @param wait whether to wait for another run to finish instead of failing at once
     * @throws BusyException when another run holds it and {@code wait} is false
     */
    public Held acquire(boolean wait) {
        while (true) {
            Connection c = null;
            try {
                c = db.dataSource().getConnection();
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM run_lock WHERE id = 1 FOR UPDATE NOWAIT")) {
                    ps.executeQuery().close();
                }
                Connection held = c;
                return () -> release(held);
            } catch (SQLException e) {
                release(c);
                if (!isLockConflict(e)) {
                    throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
                }
                if (!wait) {
                    throw new BusyException("another maillog554 run is using the history database: "
                            + "try again later, or pass --wait to queue behind it");
                }
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new BusyException("interrupted while waiting for another maillog554 run to finish");
            }
        }
    }

    // PostgreSQL: 55P03 lock_not_available. H2: 90039? no: HYT00 lock timeout, 40001 deadlock; any other
    // failure is a real error and is reported as such.
    static boolean isLockConflict(SQLException e) {
        String state = e.getSQLState();
        return "55P03".equals(state) || "HYT00".equals(state) || "40001".equals(state)
                || (e.getErrorCode() == 50200);
    }

    private static void release(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is going away anyway
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
