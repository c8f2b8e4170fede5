package dev.maillog554.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;


/** Saves runs, their rejections and file checkpoints; rejections go through {@link RejectionInserts}. */
@ApplicationScoped
public class RunStore {

    /** Longest reply text stored; longer texts are cut (the full line stays in the log). */
    static final int MAX_MESSAGE = 4000;

    /** Status of a run that ended with an error; what it stored is in no report yet. */
    public static final String FAILED = "failed";
    /** Status of a failed run whose stored rejections a later scan's report showed. */
    public static final String FAILED_REPORTED = "failed-reported";

    @Inject
    StoreDb db;

    /** Records the start of a run and returns its id. */
    @Transactional
    public long startRun(RunInfo info) {
        ScanRun run = new ScanRun();
        run.startedAt = info.startedAt().atOffset(ZoneOffset.UTC);
        run.host = info.host();
        run.inputs = cut(String.join(" ", info.inputs()), 4000);
        run.codes = info.codes();
        run.status = "running";
        db.em().persist(run);
        return run.id;
    }

    /**
     * Writes what is committed to the embedded database's file now. H2 writes a commit to the file within a
     * second, in the background; a scan killed (kill -9) in that second would leave no trace of its run. A
     * no-op on PostgreSQL, whose commits are durable.
     */
    public void flush() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getURL().startsWith("jdbc:h2:")) {
                s.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the history", e);
        }
    }

    /**
     * Marks runs still "running" as abandoned: call it while holding the {@link RunLock}, when no other run
     * can be alive, so such a run belongs to a process that was killed.
     *
     * @return how many runs were marked
     */
    @Transactional
    public int abandonStaleRuns() {
        // What such a run stored is counted batch by batch (saveBatch); it is all it is known to have found.
        return db.em().createQuery("UPDATE ScanRun r SET r.status = 'abandoned', r.rejectionsFound = "
                + "r.rejectionsNew WHERE r.status = 'running'").executeUpdate();
    }

    /**
     * Runs that ended with an error after storing rejections that no report has shown yet: the next scan reports
     * them (see {@link #markReported}).
     */
    @Transactional
    public List<Long> unreportedRuns() {
        return db.em().createQuery("SELECT r.id FROM ScanRun r WHERE r.status = '" + FAILED
                + "' AND r.rejectionsNew > 0 ORDER BY r.id", Long.class).getResultList();
    }

    /** Records that the reports of a later run showed what these failed runs stored. */
    @Transactional
    public void markReported(List<Long> runIds) {
        if (!runIds.isEmpty()) {
            db.em().createQuery("UPDATE ScanRun r SET r.status = '" + FAILED_REPORTED + "' WHERE r.id IN :ids")
                    .setParameter("ids", runIds).executeUpdate();
        }
    }

    /** Stores the rejections whose keys are not stored yet, in one transaction. */
    @Transactional
    public int saveBatch(long runId, List<KeyedRejection> batch) {
        return saveBatch(runId, batch, null);
    }

    /**
     * Stores the rejections whose keys are not stored yet and moves the file's checkpoint, in ONE transaction:
     * after a crash the history and the offsets always agree, so the next run neither skips nor repeats lines.
     *
     * @param checkpoint where the input has been read up to, covering the batch; null for stdin
     * @return how many were new
     */
    @Transactional
    public int saveBatch(long runId, List<KeyedRejection> batch, Checkpoint checkpoint) {
        return saveBatch(runId, batch, checkpoint, true).rows();
    }

    /**
     * How many rejections a batch stored, and which of its keys were stored already: by this run (a repeat
     * within the scan) or by an earlier one (a rescan).
     */
    public record Saved(int rows, Set<UUID> storedByThisRun, Set<UUID> storedBefore) {

        static final Saved NONE = new Saved(0, Set.of(), Set.of());

        /** Whether some of the batch's keys were stored already. */
        public boolean foundStored() {
            return !storedByThisRun.isEmpty() || !storedBefore.isEmpty();
        }
    }

    /**
     * {@link #saveBatch(long, List, Checkpoint)}, with the choice of looking the keys up before inserting
     * (see RejectionInserts.insertNew: a scan looks up first only after a batch found stored keys).
     */
    @Transactional
    public Saved saveBatch(long runId, List<KeyedRejection> batch, Checkpoint checkpoint, boolean lookUpFirst) {
        return saveBatch(runId, batch, checkpoint, lookUpFirst, null);
    }

    /**
     * {@link #saveBatch(long, List, Checkpoint, boolean)}, with what this run knows it stored of its rollups: a
     * scan passes the same {@link KnownKeys} to each of its batches (null: look every rollup key up).
     */
    @Transactional
    public Saved saveBatch(long runId, List<KeyedRejection> batch, Checkpoint checkpoint, boolean lookUpFirst,
                           KnownKeys known) {
        EntityManager em = db.em();
        Saved[] done = {Saved.NONE};
        if (!batch.isEmpty()) {
            // Plain JDBC on the transaction's own connection: a scan may store millions of rows, and entity
            // persists (one object, one id fetch and one dirty check each) were most of a scan's time.
            em.unwrap(Session.class).doWork(c -> done[0] = RejectionInserts.insertNew(c, runId, batch, lookUpFirst,
                    known));
        }
        if (checkpoint != null) {
            saveCheckpoint(em, runId, checkpoint);
        }
        if (done[0].rows() > 0) {
            // In the batch's transaction, so a run that fails or is killed still shows what it stored.
            em.createQuery("UPDATE ScanRun r SET r.rejectionsNew = r.rejectionsNew + :n WHERE r.id = :id")
                    .setParameter("n", (long) done[0].rows()).setParameter("id", runId).executeUpdate();
        }
        em.flush();
        em.clear();
        return done[0];
    }

    /** The checkpoint of a file of this host with this fingerprint. */
    @Transactional
    public Optional<Checkpoint> checkpoint(String host, String fingerprint) {
        return find(db.em(), host, fingerprint).map(c -> new Checkpoint(c.host, c.fingerprint, c.identity, c.path,
                c.sizeBytes, c.readOffset, c.lineNo));
    }

    /** Records the end of a run with its totals. */
    @Transactional
    public void finishRun(long runId, RunTotals totals, OffsetDateTime finishedAt) {
        finishRun(runId, totals, finishedAt, List.of());
    }

    /** Records the end of a run with its totals, and that its report showed what these failed runs stored. */
    @Transactional
    public void finishRun(long runId, RunTotals totals, OffsetDateTime finishedAt, List<Long> reported) {
        markReported(reported);
        ScanRun run = db.em().find(ScanRun.class, runId);
        run.finishedAt = finishedAt;
        run.status = totals.status();
        run.linesRead = totals.linesRead();
        run.rejectionsFound = totals.rejectionsFound();
        run.rejectionsNew = totals.rejectionsNew();
        run.problems = totals.problems();
    }

    /**
     * Records the end of a run with its totals and what it found by cause, for serve's metrics; its exit code
     * follows ({@link #recordExitCode}) once the command has decided it.
     */
    @Transactional
    public void finishRun(long runId, RunTotals totals, OffsetDateTime finishedAt, List<Long> reported,
                          RunFigures figures) {
        finishRun(runId, totals, finishedAt, reported);
        ScanRun run = db.em().find(ScanRun.class, runId);
        run.inputsRead = figures.inputs();
        run.recipients = figures.recipients();
        run.durationMs = figures.durationMs();
        // Cut to the columns' widths as the rejections are, which may make two label sets one.
        Map<List<Object>, Long> rows = new LinkedHashMap<>();
        for (RunCount c : figures.counts()) {
            rows.merge(List.of(cut(c.direction(), 8), cut(c.category(), 32), c.replyCode(),
                    cut(c.enhancedCode(), 16)), c.count(), Long::sum);
        }
        rows.forEach((k, n) -> db.em().createNativeQuery("INSERT INTO run_rejections (run_id, direction, category, "
                + "reply_code, enhanced_code, rejections) VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, runId)
                .setParameter(2, k.get(0)).setParameter(3, k.get(1)).setParameter(4, k.get(2))
                .setParameter(5, k.get(3)).setParameter(6, n).executeUpdate());
    }

    /** Records the exit code the scan command ends a finished run with. */
    @Transactional
    public void recordExitCode(long runId, int exitCode) {
        db.em().find(ScanRun.class, runId).exitCode = exitCode;
    }

    private static Optional<FileCheckpoint> find(EntityManager em, String host, String fingerprint) {
        return em.createQuery("FROM FileCheckpoint c WHERE c.host = :host AND c.fingerprint = :fp",
                FileCheckpoint.class).setParameter("host", host).setParameter("fp", fingerprint)
                .getResultStream().findFirst();
    }

    private static void saveCheckpoint(EntityManager em, long runId, Checkpoint cp) {
        FileCheckpoint c = find(em, cp.host(), cp.fingerprint()).orElseGet(FileCheckpoint::new);
        c.host = cut(cp.host(), 255);
        c.fingerprint = cp.fingerprint();
        c.identity = cut(cp.identity(), 255);
        c.path = cut(cp.path(), 1024);
        c.sizeBytes = cp.size();
        c.readOffset = cp.offset();
        c.lineNo = cp.lineNo();
        c.runId = runId;
        c.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (c.id == null) {
            em.persist(c);
        }
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
