package dev.maillog554.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.HistoryCounter;
import dev.maillog554.aggregate.StoredRows;
import dev.maillog554.check.CheckReport;
import dev.maillog554.check.LiveChecks;
import dev.maillog554.report.ChecksCsv;
import dev.maillog554.report.CsvReport;
import dev.maillog554.report.HtmlReport;
import dev.maillog554.report.MetricsFile;
import dev.maillog554.report.Redactor;
import dev.maillog554.report.RejectionCsv;
import dev.maillog554.report.ReportFiles;
import dev.maillog554.report.ReportMeta;
import dev.maillog554.store.HistoryFilter;
import dev.maillog554.store.HistoryQueries;
import dev.maillog554.store.RunFigures;
import dev.maillog554.store.HistoryPrune;
import dev.maillog554.store.RunLock;

/** Jobs on the stored history alone: regenerating reports without reading logs, and pruning. */
@ApplicationScoped
public class HistoryService {

    @Inject
    HistoryCounter history;
    @Inject
    HistoryPrune pruner;
    @Inject
    RunLock runLock;
    @Inject
    HistoryQueries queries;

    /**
     * Parts of the history {@code report} reads at once: one per processor, as the work per row (decoding it
     * in the database, counting, CSV) is CPU-bound. At most 4: each part holds one of the pool's connections
     * (quarkus.datasource.jdbc.max-size=4), and more was never measured.
     */
    static final int REPORT_PARTS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

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
        return report(filter, zone, outDir, redact, meta, null, true);
    }

    /**
     * Writes every report file, with the answers of live checks ({@code --check}) when {@code checks} is not null.
     *
     * @param rejectionsCsv false to leave out {@code rejections.csv} (an older one is deleted): the other files
     *                      are then counted without reading the rows, from the daily rollups for whole days
     */
    public Counts report(HistoryFilter filter, ZoneId zone, Path outDir, boolean redact, ReportMeta meta,
                         LiveChecks checks, boolean rejectionsCsv) throws IOException {
        Redactor redactor = Redactor.of(redact);
        ReportMeta page = history.rowsNote(filter).map(meta::withRowsNote).orElse(meta);
        if (!rejectionsCsv) {
            Counts counts = history.counts(filter, zone);
            try (ReportFiles.Staging staging = new ReportFiles.Staging(outDir)) {
                staging.drop(ReportFiles.REJECTIONS);
                writeGrouped(staging, counts, page, redactor, checks);
                staging.commit();
            }
            return counts;
        }
        Counts counts;
        // One pass over the history, in parts read in parallel: every row goes to its part's share of
        // rejections.csv and is counted on the way; the shares are joined in id order at the end.
        List<RejectionCsv> files = new ArrayList<>();
        try (ReportFiles.Staging staging = new ReportFiles.Staging(outDir)) {
            files.add(new RejectionCsv(outDir, redactor));
            counts = history.report(filter, zone, REPORT_PARTS, part -> {
                RejectionCsv csv = part == 0 ? files.get(0) : continuation(files, outDir);
                return row -> {
                    try {
                        csv.write(StoredRows.toRejection(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write " + outDir, e);
                    }
                };
            });
            files.get(0).stage(staging, files.subList(1, files.size()));
            writeGrouped(staging, counts, page, redactor, checks);
            staging.commit();
        } finally {
            for (RejectionCsv f : files) {
                f.close();
            }
        }
        return counts;
    }

    // Every file but rejections.csv: the grouped CSV files, checks.csv when checks ran, report.html.
    private static void writeGrouped(ReportFiles.Staging staging, Counts counts, ReportMeta page, Redactor redactor,
                                     LiveChecks checks) throws IOException {
        CsvReport.write(staging, counts, redactor);
        CheckReport answers = checks == null ? CheckReport.NONE : checks.check(counts);
        if (answers.ran()) {
            ChecksCsv.write(staging, answers);
        }
        HtmlReport.write(staging, counts, page, redactor, answers);
    }

    // Parts are asked for in order 0, 1, ...: part k's file is files.get(k).
    private static RejectionCsv continuation(List<RejectionCsv> files, Path outDir) {
        try {
            RejectionCsv c = files.get(0).continuation();
            files.add(c);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir, e);
        }
    }

    /**
     * The metrics of the newest run that recorded its exit code, from the history: the families, labels and
     * values its {@code --metrics-file} holds (the last success from every run, where the file keeps it from its
     * previous version); empty before any such run.
     */
    public Optional<List<MetricsFile.Family>> lastRun() {
        return queries.lastRun().map(last -> {
            RunFigures f = last.figures();
            List<MetricsFile.Rejections> rejections = f.counts().stream().map(c -> new MetricsFile.Rejections(
                    c.direction(), c.category(), c.replyCode(), c.enhancedCode(), c.count())).toList();
            MetricsFile.Run run = new MetricsFile.Run(rejections, f.recipients(), last.linesRead(), f.inputs(),
                    last.problems(), Duration.ofMillis(f.durationMs()), last.finished(), last.exitCode());
            return MetricsFile.families(run, last.lastSuccess() == null ? null
                    : MetricsFile.seconds(last.lastSuccess()));
        });
    }

    /**
     * Deletes the rows of whole UTC days before {@code rowsBefore}, and with {@code rollupsBefore} the daily
     * rollups before it too; holds the run lock like a scan.
     */
    public HistoryPrune.Pruned prune(Instant rowsBefore, Instant rollupsBefore, String host, boolean waitForLock) {
        try (RunLock.Held lock = runLock.acquire(waitForLock)) {
            return pruner.prune(rowsBefore, rollupsBefore, host);
        }
    }
}
