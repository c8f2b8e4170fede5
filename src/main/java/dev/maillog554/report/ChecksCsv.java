package dev.maillog554.report;

import java.io.IOException;

import org.apache.commons.csv.CSVPrinter;

import dev.maillog554.check.CheckReport;
import dev.maillog554.check.CheckResult;

/**
 * Writes {@code checks.csv}, the answers of live checks ({@code --check}). Subjects and details quote DNS answers
 * (a blocklist's TXT reason) and log text, so every text cell is made formula-safe.
 */
public final class ChecksCsv {

    public static final String[] HEADER = {"check", "subject", "answer", "detail", "section", "causes",
        "checked_at"};

    private ChecksCsv() {
    }

    /** Stages the file, to be moved into place with the report's other files. */
    public static void write(ReportFiles.Staging dir, CheckReport checks) throws IOException {
        dir.write(ReportFiles.CHECKS, w -> {
            try (CSVPrinter p = new CSVPrinter(w, RejectionCsv.FORMAT.builder().setHeader(HEADER).get())) {
                for (CheckResult r : checks.results()) {
                    p.printRecord(r.check(), CsvCells.safe(r.subject()), CsvCells.safe(r.answer()),
                            CsvCells.safe(r.detail()), r.section(), String.join(" ", r.causes()),
                            RejectionCsv.time(r.checkedAt()));
                }
            }
        });
    }
}
