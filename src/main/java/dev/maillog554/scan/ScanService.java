package dev.maillog554.scan;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.ZipException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.maillog554.aggregate.Aggregator;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.StoredRows;
import dev.maillog554.check.CheckReport;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Rejection;
import dev.maillog554.ingest.BoundedInputStream;
import dev.maillog554.ingest.CorruptInputException;
import dev.maillog554.ingest.InputProblem;
import dev.maillog554.ingest.InputResolver;
import dev.maillog554.ingest.LineReader;
import dev.maillog554.ingest.LogFiles;
import dev.maillog554.ingest.LogInput;
import dev.maillog554.ingest.LogLine;
import dev.maillog554.ingest.LogSources;
import dev.maillog554.ingest.ReadMeter;
import dev.maillog554.ingest.RelevantLines;
import dev.maillog554.parse.LineParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;
import dev.maillog554.report.ChecksCsv;
import dev.maillog554.report.CsvReport;
import dev.maillog554.report.HtmlReport;
import dev.maillog554.report.MetricsFile;
import dev.maillog554.report.Redactor;
import dev.maillog554.report.RejectionCsv;
import dev.maillog554.report.ReportFiles;
import dev.maillog554.report.ReportMeta;
import dev.maillog554.scan.DedupeKey;
import dev.maillog554.scan.LineOccurrences;
import dev.maillog554.scan.SeenKeys;
import dev.maillog554.store.Checkpoint;
import dev.maillog554.store.HistoryQueries;
import dev.maillog554.store.KeyedRejection;
import dev.maillog554.store.KnownKeys;
import dev.maillog554.store.RunCount;
import dev.maillog554.store.RunFigures;
import dev.maillog554.store.RunInfo;
import dev.maillog554.store.RunLock;
import dev.maillog554.store.RunStore;
import dev.maillog554.store.RunTotals;

/** The main job: read logs, find rejections, diagnose them, store the run and write the reports. */
@ApplicationScoped
public class ScanService {

    /** What to do when the heap is too small, said wherever an OutOfMemoryError ends a command. */
    public static final String OUT_OF_MEMORY_HINT = "give the JVM a larger heap: MAILLOG554_JAVA_OPTS=-Xmx1g with the "
            + "launcher, java -Xmx1g -jar otherwise";

    /** Rejections stored per transaction. */
    static final int BATCH = 1000;
    /** Lines read in full before giving up on recognising the format of an input. */
    static final int SNIFF_LINES = 1000;

    /** Bytes re-read before a resume offset to restore parser state (see warmUp). */
    static final int WARM_UP_BYTES = 256 * 1024;

    private static final LineReader.LineFilter EVERY_LINE = (buf, from, to) -> true;

    @Inject
    RunStore store;
    @Inject
    RunLock runLock;
    @Inject
    HistoryQueries history;
    // The real parser (ParserProducer); the store tests enable a fake one through a test profile.
    @Inject
    LineParser parser;

    private final Classifier classifier = Classifier.load();

    /**
     * Runs a scan.
     *
     * @param problems receives each input problem as it is found, for stderr
     */
    public ScanResult scan(ScanRequest req, Consumer<InputProblem> problems) throws IOException {
        List<InputProblem> seen = new ArrayList<>();
        Consumer<InputProblem> sink = p -> {
            seen.add(p);
            problems.accept(p);
        };
        InputResolver.Resolved resolved = InputResolver.resolve(req.inputs());
        resolved.problems().forEach(sink);
        Redactor redactor = Redactor.of(req.redact());
        try (RunLock.Held lock = runLock.acquire(req.waitForLock())) {
            // Holding the lock, no other run is alive: a run still marked running was killed.
            store.abandonStaleRuns();
            return scanLocked(req, resolved, redactor, seen, sink);
        }
    }

    // The report folder is checked (created, a file written in it) before the run is recorded, so a folder that
    // cannot be used stores nothing. A run that fails later is marked failed at once with what it stored; since
    // its rejections and offsets are committed (batch by batch, for crash safety), the next scan's report shows
    // them, and marks the failed run reported.
    private ScanResult scanLocked(ScanRequest req, InputResolver.Resolved resolved, Redactor redactor,
                                  List<InputProblem> seen, Consumer<InputProblem> sink) throws IOException {
        List<Long> carried = store.unreportedRuns();
        try (ReportFiles.Staging staging = new ReportFiles.Staging(req.outDir());
             RejectionCsv csv = new RejectionCsv(req.outDir(), redactor)) {
            long runId = store.startRun(new RunInfo(req.startedAt(), req.serverHost(), req.inputs(),
                    req.codes().toString()));
            store.flush();
            Run run = new Run(req, runId, redactor);
            run.csv = csv;
            Counts counts;
            try {
                counts = scanAndReport(req, resolved.inputs(), run, carried, staging, sink);
            } catch (IOException | RuntimeException | Error e) {
                fail(run, seen.size(), e);
                throw e;
            }
            // To the millisecond, which both databases keep exactly: the metrics file and serve's /q/metrics
            // print the same end time from it.
            Instant finished = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Duration took = Duration.ofMillis(Math.max(0, Duration.between(req.startedAt(), finished).toMillis()));
            store.finishRun(runId, new RunTotals(seen.isEmpty() ? "ok" : "partial", run.lines, counts.total(),
                    run.stored, seen.size()), finished.atOffset(ZoneOffset.UTC), carried,
                    new RunFigures(resolved.inputs().size(), counts.recipients(), took.toMillis(),
                            runCounts(counts)));
            return new ScanResult(runId, resolved.inputs().size(), run.lines, run.recognised, counts, run.stored,
                    seen.size(), req.outDir(), run.carried, finished, took);
        }
    }

    /**
     * Records the exit code the scan command ends {@code result}'s run with, and returns what the run tells the
     * monitoring: the figures {@code --metrics-file} writes, which serve's {@code /q/metrics} reads back from the
     * history ({@link HistoryService#lastRun}).
     */
    public MetricsFile.Run finish(ScanResult result, int exitCode) {
        store.recordExitCode(result.runId(), exitCode);
        return MetricsFile.Run.of(result.counts(), result.linesRead(), result.inputs(), result.problems(),
                result.took(), result.finished(), exitCode);
    }

    private static List<RunCount> runCounts(Counts counts) {
        return MetricsFile.rejectionsOf(counts).stream().map(r -> new RunCount(r.direction(), r.category(),
                r.replyCode(), r.enhancedCode(), r.count())).toList();
    }

    private Counts scanAndReport(ScanRequest req, List<LogInput> inputs, Run run, List<Long> carried,
                                 ReportFiles.Staging staging, Consumer<InputProblem> sink) throws IOException {
        carry(carried, run);
        req.meter().expect(expectedBytes(inputs));
        ExecutorService readers = readerPool(inputs.size());
        try {
            List<InputFeed> feeds = new ArrayList<>();
            for (LogInput input : inputs) {
                InputFeed feed = new InputFeed();
                feeds.add(feed);
                readers.execute(() -> read(input, req, feed));
            }
            for (InputFeed feed : feeds) {
                run.drain(feed, sink);
            }
        } finally {
            readers.shutdownNow();
        }
        run.csv.stage(staging, List.of());
        Counts counts = run.aggregator.result(r -> classifier.classify(r.event()).tips());
        CsvReport.write(staging, counts, run.redactor);
        // Live checks ask DNS now about what the examples of each cause name; they never throw.
        CheckReport checks = req.checks() == null ? CheckReport.NONE : req.checks().check(counts);
        if (checks.ran()) {
            ChecksCsv.write(staging, checks);
        }
        HtmlReport.write(staging, counts, new ReportMeta(title(inputs), req.startedAt(), req.inputs(),
                req.codes().toString()), run.redactor, checks);
        staging.commit();
        return counts;
    }

    // What failed runs stored went into no report: this run's report shows it. Their keys count as met, so a
    // --full rescan of the same lines does not count them twice.
    private void carry(List<Long> runIds, Run run) {
        history.rowsOfRuns(runIds, (key, row) -> {
            run.rescanned.add(key);
            run.report(StoredRows.toRejection(row));
            run.carried++;
        });
    }

    // Marks the run failed with what it stored; when the database itself failed, this may fail too, and the next
    // run marks it abandoned instead (with what it stored, counted batch by batch).
    private void fail(Run run, int problems, Throwable cause) {
        try {
            store.finishRun(run.runId, new RunTotals(RunStore.FAILED, run.lines, run.found, run.stored, problems),
                    Instant.now().atOffset(ZoneOffset.UTC), List.of());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    // One reader thread per core, each reading whole inputs in the order given (a fixed pool runs its tasks in
    // submission order, so the input the writer waits for has always started). With one input, reading still
    // overlaps with the writer's database inserts and CSV writing.
    private static ExecutorService readerPool(int inputs) {
        int threads = Math.max(1, Math.min(inputs, Runtime.getRuntime().availableProcessors()));
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scan-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    // Runs on a reader thread: everything here is private to the input except the thread-safe parser, filter
    // and classifier; the results go to the writer through the feed.
    private void read(LogInput input, ScanRequest req, InputFeed feed) {
        try {
            feed.put(readToEnd(input, new Reading(req, feed)));
        } catch (CancellationException e) {
            // The writer gave up (a signal, a failure) and interrupted this thread, maybe while it handed over
            // its last item: nobody waits for it, and the writer says why the scan stopped.
        }
    }

    // The feed's last item for this input: done, or failed.
    private InputFeed.Item readToEnd(LogInput input, Reading reading) {
        try {
            scanInput(input, reading);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new InputFeed.Failed(e);
        } catch (OutOfMemoryError e) {
            // without this the writer would wait for this input forever
            return new InputFeed.Failed(new IllegalStateException("out of memory while reading " + input.name()
                    + ": " + OUT_OF_MEMORY_HINT, e));
        }
        return new InputFeed.Done(reading.lines, reading.recognised);
    }

    private void scanInput(LogInput input, Reading run) {
        ParseContext ctx = new ParseContext(run.req.zone(), reference(input, run.req.startedAt()),
                run.req.firstYear());
        LineOccurrences occurrences = new LineOccurrences();
        Consumer<InputProblem> sink = run::problem;
        Resume at = resume(input, run.req, sink);
        if (at.upToDate) {
            run.req.meter().add(at.file == null ? 0 : at.file.size());
            return;
        }
        LineReader reader = null;
        try (InputStream in = open(input, at, run.req.serverHost(), sink, run.req.meter())) {
            warmUp(in, input, at, ctx, occurrences, run);
            reader = new LineReader(in, input.name(), at.lineNo, at.offset, sink);
            // A plain file may be the live log with a line still being written: leave it to the next run. (A live
            // Docker log's unfinished last record is left out by the record reader itself.)
            boolean partialAtEof = at.file == null || at.file.transformed() || at.file.fingerprint() == null;
            LogLine line;
            while ((line = reader.next(sniffing(ctx, reader) ? EVERY_LINE : run.relevant, partialAtEof)) != null) {
                Optional<RejectionEvent> found = parser.parse(line, ctx);
                if (found.isPresent() && run.req.codes().matches(found.get().replyCode(),
                        found.get().enhancedCode())) {
                    accept(found.get(), line, occurrences, run);
                }
                if (run.batch.size() >= BATCH) {
                    run.flush(at.checkpoint(run.req.serverHost(), input, reader, false));
                }
            }
            run.flush(at.checkpoint(run.req.serverHost(), input, reader, true));
        } catch (CorruptInputException e) {
            sink.accept(new InputProblem(input.name(), reader == null ? 0 : reader.lineNumber() + 1, e.getMessage()));
        } catch (ZipException e) {
            sink.accept(new InputProblem(input.name(), reader == null ? 0 : reader.lineNumber() + 1,
                    "corrupt gzip data (" + e.getMessage() + "): the lines before were read; "
                            + "check the file with gzip -t"));
        } catch (java.io.EOFException e) {
            sink.accept(new InputProblem(input.name(), reader == null ? 0 : reader.lineNumber() + 1,
                    "truncated gzip file: the lines before were read; check the file with gzip -t"));
        } catch (IOException | UncheckedIOException e) {
            sink.accept(new InputProblem(input.name(), reader == null ? 0 : reader.lineNumber() + 1,
                    "cannot read: " + e.getMessage()));
        } finally {
            if (reader != null) {
                run.lines += reader.lineNumber() - at.lineNo;
            }
            run.recognised |= ctx.recognised() > 0;
            // What was found before a read error is kept, without moving the checkpoint past it.
            run.flush(null);
        }
    }

    // Where to start reading a file: from its checkpoint (found by fingerprint, so a renamed or gzipped file
    // resumes where it stopped), or from the top for stdin, --full, a new file, or a file that shrank
    // (copytruncate wrote a new file with the same first line, which only a replay can tell).
    private Resume resume(LogInput input, ScanRequest req, Consumer<InputProblem> sink) {
        if (input.isStdin()) {
            return new Resume(null, 0, 0, false);
        }
        LogFiles.FileState file;
        try {
            file = LogFiles.state(input.path());
        } catch (IOException e) {
            return new Resume(null, 0, 0, false);
        }
        if (req.full() || file.fingerprint() == null) {
            return new Resume(file, 0, 0, false);
        }
        Optional<Checkpoint> cp = store.checkpoint(req.serverHost(), file.fingerprint());
        if (cp.isEmpty()) {
            return new Resume(file, 0, 0, false);
        }
        Checkpoint c = cp.get();
        // size is recorded only once a file was read to its end: same identity and size means nothing new.
        if (c.identity().equals(file.identity()) && c.size() == file.size() && !file.identity().isEmpty()) {
            return new Resume(file, c.offset(), c.lineNo(), true);
        }
        if (!file.transformed() && file.size() < c.offset()) {
            return new Resume(file, 0, 0, false);
        }
        return new Resume(file, c.offset(), c.lineNo(), false);
    }

    // What the progress line counts up to: the inputs' sizes as stored; unknown (-1) with standard input.
    private static long expectedBytes(List<LogInput> inputs) {
        long total = 0;
        for (LogInput input : inputs) {
            if (input.isStdin()) {
                return -1;
            }
            try {
                total += Files.size(input.path());
            } catch (IOException e) {
                // reading it will report the problem; it adds nothing to read
            }
        }
        return total;
    }

    private static InputStream open(LogInput input, Resume at, String host, Consumer<InputProblem> sink,
                                    ReadMeter meter) throws IOException {
        if (at.offset == 0 || at.file == null || at.file.transformed()) {
            return LogSources.open(input, host, at.lineNo, sink, meter);
        }
        InputStream raw = LogSources.openFile(input.path());
        long skip = Math.max(0, at.offset - WARM_UP_BYTES);
        raw.skipNBytes(skip);
        meter.add(skip);
        return new BufferedInputStream(meter.counting(raw), 1 << 16);
    }

    // When a file resumes at an offset, the lines just before it are read again without counting them: they
    // give the parser the senders of messages still queued, and the dedupe key its count of identical lines
    // (identical lines share their second, so they sit close together). A compressed file has to be inflated
    // from its start anyway (and records converted from theirs), so all of its earlier lines serve.
    private void warmUp(InputStream in, LogInput input, Resume at, ParseContext ctx, LineOccurrences occurrences,
                        Reading run) throws IOException {
        if (at.offset == 0) {
            return;
        }
        long from = at.file.transformed() ? 0 : Math.max(0, at.offset - WARM_UP_BYTES);
        LineReader warm = new LineReader(new BoundedInputStream(in, at.offset - from), input.name(), 0, from,
                p -> { });
        if (from > 0) {
            // Starting mid-line: drop the fragment up to the first newline.
            warm.next(EVERY_LINE, false);
        }
        LogLine line;
        while ((line = warm.next(run.relevant, true)) != null) {
            Optional<RejectionEvent> found = parser.parse(line, ctx);
            if (found.isPresent() && run.req.codes().matches(found.get().replyCode(), found.get().enhancedCode())) {
                occurrences.next(line.text());
            }
        }
    }

    /** Where a file's reading starts, and what is known about the file. */
    private record Resume(LogFiles.FileState file, long offset, long lineNo, boolean upToDate) {

        Checkpoint checkpoint(String host, LogInput input, LineReader reader, boolean atEnd) {
            if (file == null || file.fingerprint() == null) {
                return null;
            }
            return new Checkpoint(host, file.fingerprint(), file.identity(), input.name(), atEnd ? file.size() : -1,
                    reader.offset(), reader.lineNumber());
        }
    }

    // Until a line is recognised, every line goes to the parsers, so that a valid log with no rejection in
    // its first lines still counts as recognised (exit code 3 is for inputs that are not mail logs at all).
    private static boolean sniffing(ParseContext ctx, LineReader reader) {
        return ctx.recognised() == 0 && reader.lineNumber() < SNIFF_LINES;
    }

    private void accept(RejectionEvent event, LogLine line, LineOccurrences occurrences, Reading run) {
        RejectionEvent e = event.host().isEmpty() ? event.withHost(run.req.serverHost()) : event;
        int n = occurrences.next(line.text());
        if (!run.req.inWindow(e.time())) {
            return;
        }
        UUID key = DedupeKey.of(e.host(), line.text(), n);
        // no tips: the report asks for them again for its few examples per cause (Aggregator.result)
        run.batch.add(new KeyedRejection(key, new Rejection(e, classifier.classify(e, false))));
    }

    // A year-less syslog stamp is dated relative to the file's last change; stdin has none, so the run's start.
    private static Instant reference(LogInput input, Instant startedAt) {
        if (input.isStdin()) {
            return startedAt;
        }
        try {
            return Files.getLastModifiedTime(input.path()).toInstant();
        } catch (IOException e) {
            return startedAt;
        }
    }

    private static String title(List<LogInput> inputs) {
        return inputs.size() == 1 ? inputs.get(0).name() : inputs.size() + " inputs";
    }

    /** State of one input's reading, on its reader thread. */
    private static final class Reading {
        final ScanRequest req;
        final InputFeed feed;
        final RelevantLines relevant;
        final List<KeyedRejection> batch = new ArrayList<>();
        long lines;
        boolean recognised;

        Reading(ScanRequest req, InputFeed feed) {
            this.req = req;
            this.feed = feed;
            this.relevant = new RelevantLines(req.codes());
        }

        void problem(InputProblem p) {
            feed.put(new InputFeed.Problem(p));
        }

        // An input's last flush carries its checkpoint even with no rejections.
        void flush(Checkpoint checkpoint) {
            if (!batch.isEmpty() || checkpoint != null) {
                feed.put(new InputFeed.Batch(List.copyOf(batch), checkpoint));
                batch.clear();
            }
        }
    }

    /** State of one scan, on the writer (calling) thread. */
    private final class Run {
        final ScanRequest req;
        final long runId;
        final Aggregator aggregator;
        // Keys an earlier run stored that this one met, at 8 to 16 bytes each: the scan may find millions.
        final SeenKeys rescanned = new SeenKeys();
        // Keys already stored come in runs (a rescan): after a batch that met some, look keys up first.
        boolean lookUpFirst;
        // The rollup keys this run stored of days new to the history, so their batches need no key lookups.
        final KnownKeys known = new KnownKeys();
        final Redactor redactor;
        RejectionCsv csv;
        long lines;
        long stored;
        // rejections counted in the report so far, and of those, how many failed runs had stored
        long found;
        long carried;
        boolean recognised;

        Run(ScanRequest req, long runId, Redactor redactor) {
            this.req = req;
            this.runId = runId;
            this.redactor = redactor;
            this.aggregator = new Aggregator(req.zone());
        }

        void report(Rejection r) {
            aggregator.add(r);
            found++;
            try {
                csv.write(r);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write " + req.outDir(), ex);
            }
        }

        // Takes one input's items until its end, in the order read.
        void drain(InputFeed feed, Consumer<InputProblem> sink) {
            while (true) {
                InputFeed.Item item;
                try {
                    item = feed.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("scan interrupted");
                }
                if (item instanceof InputFeed.Batch b) {
                    write(b);
                } else if (item instanceof InputFeed.Problem p) {
                    sink.accept(p.problem());
                } else if (item instanceof InputFeed.Done d) {
                    lines += d.lines();
                    recognised |= d.recognised();
                    return;
                } else if (item instanceof InputFeed.Failed f) {
                    throw f.error();
                }
            }
        }

        // The first occurrence of a key in the run wins (Exim's reject log repeats its main log); the checkpoint
        // commits with the rejections it covers. The database says which keys this run stored already, so the
        // scan holds no set of them that would grow with its input; only keys an earlier run stored (a rescan
        // of logs already in the history, which the report still counts) are remembered here.
        private void write(InputFeed.Batch batch) {
            if (batch.rejections().isEmpty() && batch.checkpoint() == null) {
                return;
            }
            RunStore.Saved saved = store.saveBatch(runId, batch.rejections(), batch.checkpoint(), lookUpFirst,
                    known);
            stored += saved.rows();
            lookUpFirst = saved.foundStored();
            // A batch holds one input's keys, all different (LineOccurrences numbers repeats far beyond a batch).
            for (KeyedRejection k : batch.rejections()) {
                UUID key = k.dedupeKey();
                if (saved.storedByThisRun().contains(key)
                        || saved.storedBefore().contains(key) && !rescanned.add(key)) {
                    continue;
                }
                report(k.rejection());
            }
        }
    }
}
