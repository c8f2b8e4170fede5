package dev.maillog554.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.maillog554.parse.TimeSpec;
import dev.maillog554.scan.HistoryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maillog554 prune}: deletes old rejections from the history. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Delete stored rejections older than a given age, and say how many.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Done.", "1:Runtime failure.", "2:Bad usage.", "5:Another run is using the history database."})
class PruneCommand implements Callable<Integer> {

    @Option(names = "--older-than", paramLabel = "<age>", required = true,
            description = "Delete rejections older than this: 90d, 12w, or a date such as 2026-01-01.")
    String olderThan;

    @Option(names = "--server", paramLabel = "<host>", description = "Only this mail server's rejections.")
    String server;

    @Option(names = "--wait", description = "Wait for another run to finish instead of exiting with code 5.")
    boolean waitForLock;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Inject
    HistoryService history;

    @Override
    public Integer call() {
        Instant before = TimeSpec.parse(olderThan, Instant.now(), ZoneId.systemDefault());
        long n = history.prune(before, server, waitForLock);
        spec.commandLine().getOut().printf("deleted %d rejection%s older than %s%n", n, n == 1 ? "" : "s", before);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
