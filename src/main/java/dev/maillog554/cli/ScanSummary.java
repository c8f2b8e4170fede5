package dev.maillog554.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.maillog554.ScanResult;
import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.Tally;
import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.report.ReportFiles;

/** The short human summary a scan prints on stdout. */
final class ScanSummary {

    static final int TOP = 5;

    private ScanSummary() {
    }

    static void print(PrintWriter out, ScanResult r, CodeFilter codes) {
        Counts c = r.counts();
        out.printf("%d rejection%s (codes %s): %d outbound, %d inbound, %d recipient domain%s; %d new in history%n",
                c.total(), c.total() == 1 ? "" : "s", codes, c.outbound(), c.inbound(), c.domains(),
                c.domains() == 1 ? "" : "s", r.newlyStored());
        out.printf("read %d line%s from %d input%s%n", r.linesRead(), r.linesRead() == 1 ? "" : "s", r.inputs(),
                r.inputs() == 1 ? "" : "s");
        section(out, "top codes", c.byCode(), true);
        section(out, "top domains", c.byDomain(), false);
        List<CategoryTally> causes = c.categories();
        if (!causes.isEmpty()) {
            out.println("top causes:");
            causes.stream().limit(TOP).forEach(t -> out.printf("  %7d  %s%n", t.count(), t.category()));
        }
        out.println("reports: " + r.outDir().resolve(ReportFiles.HTML) + " and CSV files in " + r.outDir());
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<Tally> rows, boolean codes) {
        if (rows.isEmpty()) {
            return;
        }
        out.println(title + ":");
        rows.stream().limit(TOP).forEach(t -> out.printf("  %7d  %s%n", t.count(), codes
                ? ((t.key().replyCode() == 0 ? "-" : Integer.toString(t.key().replyCode())) + " "
                + t.key().enhancedCode()).trim()
                : t.key().recipientDomain()));
    }
}
