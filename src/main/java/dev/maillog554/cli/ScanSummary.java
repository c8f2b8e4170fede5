package dev.maillog554.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.Tally;
import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.report.ReportFiles;
import dev.maillog554.scan.ScanResult;

/** The short human summary a scan prints on stdout. */
final class ScanSummary {

    static final int TOP = 5;

    private ScanSummary() {
    }

    static void print(PrintWriter out, ScanResult r, CodeFilter codes) {
        Counts c = r.counts();
        out.printf("%d rejection%s (codes %s): %d outbound, %d inbound; %d recipient%s in %d domain%s; %d new in "
                + "history%n", c.total(), plural(c.total()), codes, c.outbound(), c.inbound(), c.recipients(),
                plural(c.recipients()), c.domains(), plural(c.domains()), r.newlyStored());
        out.printf("read %d line%s from %d input%s%n", r.linesRead(), plural(r.linesRead()), r.inputs(),
                plural(r.inputs()));
        if (r.carried() > 0) {
            out.printf("including %d rejection%s stored by failed runs whose reports were not written%n",
                    r.carried(), plural(r.carried()));
        }
        section(out, "top codes", c.byCode(), true);
        section(out, "top domains", c.byDomain(), false);
        List<CategoryTally> causes = c.categories();
        if (!causes.isEmpty()) {
            out.println("top causes:");
            causes.stream().limit(TOP).forEach(t -> out.printf("  %7d  %-24s %s%n", t.count(), t.category(),
                    recipients(t.recipients())));
        }
        out.println("reports: " + r.outDir().resolve(ReportFiles.HTML) + " and CSV files in " + r.outDir());
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<Tally> rows, boolean codes) {
        if (rows.isEmpty()) {
            return;
        }
        out.println(title + ":");
        rows.stream().limit(TOP).forEach(t -> out.printf("  %7d  %-24s %s%n", t.count(), codes
                ? ((t.key().replyCode() == 0 ? "-" : Integer.toString(t.key().replyCode())) + " "
                + t.key().enhancedCode()).trim()
                : t.key().recipientDomain(), recipients(t.recipients())));
    }

    // "12 deferrals, 1 recipient" at a glance: a message retried all day is one recipient.
    private static String recipients(long n) {
        return n + " recipient" + plural(n);
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
