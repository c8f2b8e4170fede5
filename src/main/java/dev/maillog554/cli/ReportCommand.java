package dev.maillog554.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.maillog554.aggregate.Counts;
import dev.maillog554.parse.TimeSpec;
import dev.maillog554.report.ReportFiles;
import dev.maillog554.report.ReportMeta;
import dev.maillog554.scan.HistoryService;
import dev.maillog554.store.HistoryFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maillog554 report}: the scan's reports again, from the stored history, without reading logs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the CSV and HTML reports from the stored history, for one server or all.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Reports written.",
            "1:Runtime failure: database or report folder unusable.",
            "2:Bad usage, or a classify file with problems.",
            "4:More rejections than --fail-if-count allows.",
            "5:Another run is using the embedded database."})
class ReportCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, paramLabel = "<dir>", defaultValue = "maillog554-report",
            description = "Report folder; only the report's own files are replaced (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--since", paramLabel = "<time>",
            description = "Only rejections at or after this time: today, yesterday, 7d, 24h, 2026-03-01 "
                    + "or 2026-03-01T08:00[+01:00].")
    String since;

    @Option(names = "--until", paramLabel = "<time>", description = "Only rejections before this time.")
    String until;

    @Option(names = "--server", paramLabel = "<host>", description = "Only this mail server (default: all).")
    String server;

    @Option(names = "--timezone", paramLabel = "<zone>",
            description = "Zone of the per-day counts, e.g. Europe/Paris (default: the system zone).")
    ZoneId zone;

    @Option(names = "--redact", description = "Replace the local part of every address with a short stable hash.")
    boolean redact;

    @Option(names = "--fail-if-count", paramLabel = "<n>",
            description = "Exit with code 4 when the window holds more than n rejections (for monitoring).")
    Long failIfCount;

    @Option(names = "--no-rejections-csv", negatable = true, defaultValue = "true",
            description = "Leave out rejections.csv (one line per rejection; an older one is deleted): the other "
                    + "files then need no pass over the rows, and whole days come from the daily rollups alone.")
    boolean rejectionsCsv;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout.")
    boolean quiet;

    @Mixin
    DatabaseOptions database;

    @Mixin
    CheckOptions checks;

    @Mixin
    ClassifyOptions classify;

    @Spec
    CommandSpec spec;

    @Inject
    HistoryService history;

    @Override
    public Integer call() throws Exception {
        if (!classify.ready(spec.commandLine().getErr())) {
            return ExitCodes.BAD_INPUT;
        }
        ZoneId z = zone == null ? ZoneId.systemDefault() : zone;
        Instant now = Instant.now();
        Instant[] window = TimeSpec.window(since, until, now, z);
        List<String> scope = new ArrayList<>();
        scope.add(server == null ? "all servers" : "server " + server);
        if (since != null) {
            scope.add("since " + window[0]);
        }
        if (until != null) {
            scope.add("until " + window[1]);
        }
        Counts c = history.report(new HistoryFilter(window[0], window[1], server, null), z, out, redact,
                new ReportMeta("history", now, scope, "stored"), checks.create(spec.commandLine().getErr()),
                rejectionsCsv);
        if (!quiet) {
            spec.commandLine().getOut().printf("%d rejection%s (%s): %d outbound, %d inbound; %d recipient%s%s; "
                    + "%d day%s%nreports: %s and CSV files in %s%n", c.total(), c.total() == 1 ? "" : "s",
                    String.join(", ", scope), c.outbound(), c.inbound(), c.recipients(),
                    c.recipients() == 1 ? "" : "s", c.daily() ? " (daily distinct, added up)" : "",
                    c.days().size(), c.days().size() == 1 ? "" : "s",
                    out.resolve(ReportFiles.HTML), out);
            spec.commandLine().getOut().flush();
        }
        if (failIfCount != null && c.total() > failIfCount) {
            spec.commandLine().getErr().println("maillog554: " + c.total() + " rejections, more than "
                    + "--fail-if-count " + failIfCount);
            return ExitCodes.THRESHOLD;
        }
        return ExitCodes.OK;
    }
}
