package dev.maillog554.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.maillog554.parse.TimeSpec;
import dev.maillog554.scan.HistoryService;
import dev.maillog554.store.HistoryPrune;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maillog554 prune}: deletes old rejections from the history. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Delete stored rejections older than a given age, and say how many.",
            "Rows go by whole UTC days; the daily counts (rollups) stay, so reports still count those days, "
                + "unless --rollups-older-than deletes them too."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Done.", "1:Runtime failure.", "2:Bad usage.", "5:Another run is using the history database."})
class PruneCommand implements Callable<Integer> {

    @Option(names = "--older-than", paramLabel = "<age>", required = true,
            description = "Delete rejections older than this: 90d, 12w, or a date such as 2026-01-01.")
    String olderThan;

    @Option(names = "--rollups-older-than", paramLabel = "<age>",
            description = "Also delete the daily counts older than this (and the rejections with them): 400d, "
                    + "2025-01-01.")
    String rollupsOlderThan;

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
        Instant now = Instant.now();
        Instant before = TimeSpec.parse(olderThan, now, ZoneId.systemDefault());
        Instant rollupsBefore = rollupsOlderThan == null ? null
                : TimeSpec.parse(rollupsOlderThan, now, ZoneId.systemDefault());
        HistoryPrune.Pruned p = history.prune(before, rollupsBefore, server, waitForLock);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("deleted %d rejection%s older than %s%n", p.rows(), p.rows() == 1 ? "" : "s", p.rowsBefore());
        if (p.rollupsBefore() != null) {
            out.printf("deleted %d daily rollup%s older than %s%n", p.rollups(), p.rollups() == 1 ? "" : "s",
                    p.rollupsBefore());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
