package dev.maillog554.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.ingest.ReadMeter;
import dev.maillog554.parse.TimeSpec;
import dev.maillog554.report.MetricsFile;
import dev.maillog554.scan.ScanRequest;
import dev.maillog554.scan.ScanResult;
import dev.maillog554.scan.ScanService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maillog554 scan}: the main job. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan Postfix and Exim logs for SMTP 554 rejections, store the run and write CSV and HTML "
                + "reports.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Finished, whether or not rejections were found.",
            "1:Runtime failure: database or report folder unusable.",
            "2:Bad usage, a classify file with problems (nothing read), or some input could not be read (the "
                    + "others were processed).",
            "3:Lines were read but none was a Postfix or Exim line.",
            "4:More rejections than --fail-if-count allows.",
            "5:Another run is using the history database (see --wait)."})
class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<input>", arity = "1..*",
            description = "Log files (plain or gzip), directories (every mail log in them, rotated ones included), "
                    + "or - for standard input.")
    List<String> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "<dir>", defaultValue = "maillog554-report",
            description = "Report folder; only the report's own files are replaced (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--codes", paramLabel = "<codes>", defaultValue = "554",
            description = "Reply codes to count: 554, a list such as 550,554, or a class such as 5xx "
                    + "(default: ${DEFAULT-VALUE}).")
    String codes;

    @Option(names = "--timezone", paramLabel = "<zone>",
            description = "Zone of log stamps that carry none, e.g. Europe/Paris (default: the system zone).")
    ZoneId zone;

    @Option(names = "--server", paramLabel = "<host>",
            description = "Mail server name for log lines that carry none, e.g. Exim's own log files "
                    + "(default: this machine's host name).")
    String server;

    @Option(names = "--year", paramLabel = "<year>",
            description = "Year of the first line of logs whose stamps carry none (classic syslog), when the file "
                    + "dates do not tell it, e.g. logs copied without keeping times (default: from each file's "
                    + "modification time).")
    Integer year;

    @Option(names = "--redact", description = "Replace the local part of every address with a short stable hash.")
    boolean redact;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout.")
    boolean quiet;

    @Option(names = "--full", description = "Read every file from the top instead of from where the last run "
            + "stopped (rejections already stored are still stored once).")
    boolean full;

    @Option(names = "--wait", description = "Wait for another run to finish instead of exiting with code 5.")
    boolean waitForLock;

    @Option(names = "--since", paramLabel = "<time>",
            description = "Count only rejections at or after this time: today, yesterday, 7d, 24h, 2026-03-01 "
                    + "or 2026-03-01T08:00[+01:00].")
    String since;

    @Option(names = "--until", paramLabel = "<time>", description = "Count only rejections before this time "
            + "(same forms as --since).")
    String until;

    @Option(names = "--fail-if-count", paramLabel = "<n>",
            description = "Exit with code 4 when more than n rejections are found in this run (for monitoring).")
    Long failIfCount;

    @Option(names = "--metrics-file", paramLabel = "<file>",
            description = "Also write the run's figures in the Prometheus text format to this file (replaced "
                    + "whole), e.g. for node_exporter's textfile collector.")
    Path metricsFile;

    @Mixin
    DatabaseOptions database;

    @Mixin
    CheckOptions checks;

    @Mixin
    ClassifyOptions classify;

    @Spec
    CommandSpec spec;

    @Inject
    ScanService scans;

    private int firstYear() {
        if (year == null) {
            return 0;
        }
        if (year < 1970 || year > 9999) {
            throw new IllegalArgumentException("invalid --year " + year + ": give the year of the log's first line");
        }
        return year;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!classify.ready(err)) {
            return ExitCodes.BAD_INPUT;
        }
        CodeFilter filter = CodeFilter.parse(codes);
        ZoneId z = zone == null ? ZoneId.systemDefault() : zone;
        Instant now = Instant.now();
        Instant[] window = TimeSpec.window(since, until, now, z);
        ReadMeter meter = new ReadMeter();
        ScanRequest req = new ScanRequest(inputs, out, filter, z, server == null ? HostName.local() : server, now,
                redact, full, waitForLock, window[0], window[1], firstYear(), meter, checks.create(err));
        ScanResult result;
        try (ProgressLine progress = ProgressLine.startIf(!quiet, err, meter)) {
            result = scans.scan(req, p -> {
                if (progress != null) {
                    progress.println(p.render());
                } else {
                    err.println(p.render());
                    err.flush();
                }
            });
        }
        if (!quiet && result.counts().total() > 0) {
            ScanSummary.print(spec.commandLine().getOut(), result, filter);
        }
        int code = exitCode(result, err);
        // Stored with the run, so serve's /q/metrics shows what the metrics file holds.
        MetricsFile.Run figures = scans.finish(result, code);
        if (metricsFile != null) {
            try {
                MetricsFile.write(metricsFile, figures);
            } catch (IOException e) {
                // The scan itself is stored and reported; only the monitoring file is missing, and its age says so.
                err.println("maillog554: cannot write --metrics-file " + metricsFile + ": " + Failures.reason(e)
                        + ": check that its folder exists and is writable");
                return ExitCodes.FAILURE;
            }
        }
        return code;
    }

    private int exitCode(ScanResult result, PrintWriter err) {
        if (result.problems() > 0) {
            return ExitCodes.BAD_INPUT;
        }
        if (failIfCount != null && result.counts().total() > failIfCount) {
            err.println("maillog554: " + result.counts().total() + " rejections, more than --fail-if-count "
                    + failIfCount);
            return ExitCodes.THRESHOLD;
        }
        if (!result.recognised() && result.linesRead() > 0) {
            err.println("maillog554: no Postfix or Exim line recognised in " + result.linesRead()
                    + " lines: are these mail logs?");
            return ExitCodes.NOT_RECOGNISED;
        }
        return ExitCodes.OK;
    }
}
