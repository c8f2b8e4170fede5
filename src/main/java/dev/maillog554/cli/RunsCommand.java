package dev.maillog554.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.maillog554.store.HistoryQueries;
import dev.maillog554.store.RunRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maillog554 runs}: the stored runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the stored runs, newest first.")
class RunsCommand implements Callable<Integer> {

    @Option(names = {"-n", "--limit"}, paramLabel = "<n>", defaultValue = "20",
            description = "Show at most n runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Inject
    HistoryQueries history;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%6s  %-20s  %-20s  %-15s  %-20s  %10s  %8s  %8s  %s%n", "id", "started", "finished", "status",
                "host", "lines", "found", "new", "inputs");
        history.runs().stream().limit(limit).forEach((RunRow r) -> out.printf(
                "%6d  %-20s  %-20s  %-15s  %-20s  %10d  %8d  %8d  %s%n", r.id(), time(r.startedAt()),
                time(r.finishedAt()), r.status(), r.host(), r.linesRead(), r.rejectionsFound(), r.rejectionsNew(),
                r.inputs()));
        out.flush();
        return ExitCodes.OK;
    }

    private static String time(Instant t) {
        return t == null ? "-" : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
