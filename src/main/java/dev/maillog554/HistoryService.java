package dev.maillog554;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Rejection;
import dev.maillog554.report.CsvReport;
import dev.maillog554.report.HtmlReport;
import dev.maillog554.report.Redactor;
import dev.maillog554.report.RejectionCsv;
import dev.maillog554.report.ReportMeta;
import dev.maillog554.store.HistoryFilter;
import dev.maillog554.store.HistoryQueries;
import dev.maillog554.store.RunLock;
import dev.maillog554.store.RunStore;

/** Jobs on the stored history alone: regenerating reports without reading logs, and pruning. */
@ApplicationScoped
public class HistoryService {

    @Inject
    HistoryQueries history;
    @Inject
    RunStore store;
    @Inject
    RunLock runLock;

    private final Classifier classifier = Classifier.load();

    /**
     * Writes every report file (the same ones a scan writes) from the history.
     *
     * @param filter    which rejections
     * @param zone      zone of the per-day counts
     * @param outDir    report folder
     * @param redact    hide local parts of addresses
     * @param meta      title, time and filter description for the HTML report
     * @return the counts written
     */
    public Counts report(HistoryFilter filter, ZoneId zone, Path outDir, boolean redact, ReportMeta meta)
            throws IOException {
        Redactor redactor = Redactor.of(redact);
        Counts counts = withTips(history.counts(filter, zone));
        try (RejectionCsv csv = new RejectionCsv(outDir, redactor)) {
            history.forEachRejection(filter, row -> {
                try {
                    csv.write(HistoryQueries.toRejection(row));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + outDir, e);
                }
            });
            csv.commit();
        }
        CsvReport.write(outDir, counts, redactor);
        HtmlReport.write(outDir, counts, meta, redactor);
        return counts;
    }

    /** Deletes rejections older than {@code before}; holds the run lock like a scan. */
    public long prune(Instant before, String host, boolean waitForLock) {
        try (RunLock.Held lock = runLock.acquire(waitForLock)) {
            return store.prune(before, host);
        }
    }

    // Tips are text the classifier writes, not history: diagnose the examples again to get them.
    private Counts withTips(Counts c) {
        List<CategoryTally> categories = new ArrayList<>(c.categories().size());
        for (CategoryTally t : c.categories()) {
            List<Rejection> examples = new ArrayList<>();
            List<String> tips = new ArrayList<>();
            for (Rejection r : t.examples()) {
                Rejection diagnosed = new Rejection(r.event(), classifier.classify(r.event()));
                examples.add(diagnosed);
                diagnosed.diagnosis().tips().stream().filter(tip -> !tips.contains(tip)).forEach(tips::add);
            }
            categories.add(new CategoryTally(t.category(), t.count(), t.domains(), t.topDomains(), t.firstSeen(),
                    t.lastSeen(), List.copyOf(examples), List.copyOf(tips)));
        }
        return new Counts(c.total(), c.outbound(), c.inbound(), c.domains(), c.summary(), c.byCode(), c.byDomain(),
                List.copyOf(categories), c.days());
    }
}
