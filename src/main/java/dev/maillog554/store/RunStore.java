package dev.maillog554.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.maillog554.classify.Diagnosis;
import dev.maillog554.parse.RejectionEvent;

/** Saves runs and their rejections; the only place where records become entities. */
@ApplicationScoped
public class RunStore {

    /** Longest reply text stored; longer texts are cut (the full line stays in the log). */
    static final int MAX_MESSAGE = 4000;

    @Inject
    ScanRunRepository runs;
    @Inject
    RejectionRepository rejections;

    /** Records the start of a run and returns its id. */
    @Transactional
    public long startRun(RunInfo info) {
        ScanRun run = new ScanRun();
        run.startedAt = info.startedAt().atOffset(ZoneOffset.UTC);
        run.host = info.host();
        run.inputs = cut(String.join(" ", info.inputs()), 4000);
        run.codes = info.codes();
        run.status = "running";
        runs.persist(run);
        return run.id;
    }

    /**
     * Stores the rejections whose keys are not stored yet, in one transaction.
     *
     * @return how many were new
     */
    @Transactional
    public int saveBatch(long runId, List<KeyedRejection> batch) {
        Set<String> keys = new HashSet<>();
        batch.forEach(k -> keys.add(k.dedupeKey()));
        Set<String> existing = rejections.existingKeys(keys);
        List<StoredRejection> fresh = new ArrayList<>(batch.size());
        Set<String> seen = new HashSet<>();
        for (KeyedRejection k : batch) {
            if (!existing.contains(k.dedupeKey()) && seen.add(k.dedupeKey())) {
                fresh.add(toEntity(runId, k));
            }
        }
        rejections.persist(fresh);
        rejections.flush();
        rejections.getEntityManager().clear();
        return fresh.size();
    }

    /** Records the end of a run with its totals. */
    @Transactional
    public void finishRun(long runId, RunTotals totals, OffsetDateTime finishedAt) {
        ScanRun run = runs.findById(runId);
        run.finishedAt = finishedAt;
        run.status = totals.status();
        run.linesRead = totals.linesRead();
        run.rejectionsFound = totals.rejectionsFound();
        run.rejectionsNew = totals.rejectionsNew();
        run.problems = totals.problems();
    }

    private static StoredRejection toEntity(long runId, KeyedRejection k) {
        RejectionEvent e = k.rejection().event();
        Diagnosis d = k.rejection().diagnosis();
        StoredRejection s = new StoredRejection();
        s.runId = runId;
        s.dedupeKey = k.dedupeKey();
        s.occurredAt = e.time() == null ? null : e.time().atOffset(ZoneOffset.UTC);
        s.direction = e.direction().label();
        s.status = e.status().label();
        s.mta = e.mta().label();
        s.host = cut(e.host(), 255);
        s.queueId = cut(e.queueId(), 64);
        s.sender = cut(e.sender(), 512);
        s.recipient = cut(e.recipient(), 512);
        s.recipientDomain = cut(e.recipientDomain(), 255);
        s.replyCode = e.replyCode();
        s.enhancedCode = cut(e.enhancedCode(), 16);
        s.stage = cut(e.stage(), 16);
        s.category = d.category().id();
        s.provider = cut(d.provider(), 32);
        s.blocklist = cut(d.blocklist(), 32);
        s.remoteHost = cut(e.remoteHost(), 255);
        s.remoteIp = cut(e.remoteIp(), 64);
        s.message = cut(e.message(), MAX_MESSAGE);
        s.sourceFile = cut(e.sourceFile(), 1024);
        s.lineNo = e.line();
        return s;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
