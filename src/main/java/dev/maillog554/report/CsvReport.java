package dev.maillog554.report;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.csv.CSVPrinter;

import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.DayCount;
import dev.maillog554.aggregate.PartyTally;
import dev.maillog554.aggregate.Tally;
import dev.maillog554.classify.EnhancedCodes;

/**
 * Writes the grouped CSV files: summary, by code, by domain, by category and by day, and for inbound rejections
 * by client and by sender domain.
 */
public final class CsvReport {

    public static final String[] SUMMARY_HEADER = {"reply_code", "enhanced_code", "recipient_domain", "direction",
        "category", "provider", "blocklist", "count", "recipients", "first_seen", "last_seen", "example"};
    public static final String[] BY_CODE_HEADER = {"reply_code", "enhanced_code", "meaning", "category", "count",
        "recipients", "first_seen", "last_seen", "example"};
    public static final String[] BY_DOMAIN_HEADER = {"recipient_domain", "category", "provider", "count",
        "recipients", "first_seen", "last_seen", "example"};
    public static final String[] BY_CATEGORY_HEADER = {"category", "count", "recipients", "domains", "top_domains",
        "first_seen", "last_seen", "tips"};
    public static final String[] BY_DAY_HEADER = {"day", "total", "outbound", "inbound"};
    public static final String[] BY_CLIENT_HEADER = {"client_ip", "client_name", "count", "recipients", "category",
        "blocklist", "first_seen", "last_seen"};
    public static final String[] BY_SENDER_DOMAIN_HEADER = {"sender_domain", "count", "recipients", "clients",
        "category", "blocklist", "first_seen", "last_seen"};

    private CsvReport() {
    }

    /** Writes every grouped file into {@code dir}. */
    public static void write(Path dir, Counts counts, Redactor redactor) throws IOException {
        try (ReportFiles.Staging s = new ReportFiles.Staging(dir)) {
            write(s, counts, redactor);
            s.commit();
        }
    }

    /** Stages every grouped file, to be moved into place with the report's other files. */
    public static void write(ReportFiles.Staging dir, Counts counts, Redactor redactor) throws IOException {
        dir.write(ReportFiles.SUMMARY, w -> {
            try (CSVPrinter p = printer(w, SUMMARY_HEADER, counts.daily())) {
                for (Tally t : counts.summary()) {
                    p.printRecord(code(t), CsvCells.safe(t.key().enhancedCode()),
                            CsvCells.safe(t.key().recipientDomain()), t.key().direction().label(), t.category(),
                            t.provider(), t.blocklist(), t.count(), t.recipients(), RejectionCsv.time(t.firstSeen()),
                            RejectionCsv.time(t.lastSeen()), CsvCells.safe(redactor.text(t.example())));
                }
            }
        });
        dir.write(ReportFiles.BY_CODE, w -> {
            try (CSVPrinter p = printer(w, BY_CODE_HEADER, counts.daily())) {
                for (Tally t : counts.byCode()) {
                    String enhanced = t.key().enhancedCode();
                    p.printRecord(code(t), CsvCells.safe(enhanced), EnhancedCodes.meaning(enhanced), t.category(),
                            t.count(), t.recipients(), RejectionCsv.time(t.firstSeen()),
                            RejectionCsv.time(t.lastSeen()), CsvCells.safe(redactor.text(t.example())));
                }
            }
        });
        dir.write(ReportFiles.BY_DOMAIN, w -> {
            try (CSVPrinter p = printer(w, BY_DOMAIN_HEADER, counts.daily())) {
                for (Tally t : counts.byDomain()) {
                    p.printRecord(CsvCells.safe(t.key().recipientDomain()), t.category(), t.provider(), t.count(),
                            t.recipients(), RejectionCsv.time(t.firstSeen()), RejectionCsv.time(t.lastSeen()),
                            CsvCells.safe(redactor.text(t.example())));
                }
            }
        });
        dir.write(ReportFiles.BY_CATEGORY, w -> {
            try (CSVPrinter p = printer(w, BY_CATEGORY_HEADER, counts.daily())) {
                for (CategoryTally c : counts.categories()) {
                    p.printRecord(c.category(), c.count(), c.recipients(), c.domains(),
                            CsvCells.safe(String.join(" ", c.topDomains())), RejectionCsv.time(c.firstSeen()),
                            RejectionCsv.time(c.lastSeen()), CsvCells.safe(String.join(" | ", c.tips())));
                }
            }
        });
        dir.write(ReportFiles.BY_DAY, w -> {
            try (CSVPrinter p = printer(w, BY_DAY_HEADER, counts.daily())) {
                for (DayCount d : counts.days()) {
                    p.printRecord(d.day(), d.total(), d.outbound(), d.inbound());
                }
            }
        });
        dir.write(ReportFiles.BY_CLIENT, w -> {
            try (CSVPrinter p = printer(w, BY_CLIENT_HEADER, counts.daily())) {
                for (PartyTally t : counts.clients()) {
                    p.printRecord(CsvCells.safe(t.key()), CsvCells.safe(t.name()), t.count(), t.recipients(),
                            t.category(), t.blocklist(), RejectionCsv.time(t.firstSeen()),
                            RejectionCsv.time(t.lastSeen()));
                }
            }
        });
        dir.write(ReportFiles.BY_SENDER_DOMAIN, w -> {
            try (CSVPrinter p = printer(w, BY_SENDER_DOMAIN_HEADER, counts.daily())) {
                for (PartyTally t : counts.senders()) {
                    p.printRecord(CsvCells.safe(t.key()), t.count(), t.recipients(), t.clients(), t.category(),
                            t.blocklist(), RejectionCsv.time(t.firstSeen()), RejectionCsv.time(t.lastSeen()));
                }
            }
        });
    }

    private static CSVPrinter printer(Appendable w, String[] header, boolean daily) throws IOException {
        return new CSVPrinter(w, RejectionCsv.FORMAT.builder().setHeader(daily ? daily(header) : header).get());
    }

    /**
     * The header of a file counted from the history's daily rollups: its distinct counts are sums of daily ones,
     * and the column names say so ({@code recipients_daily_sum}, {@code clients_daily_sum}), so that no script
     * takes them for distinct counts over the whole window.
     */
    public static String[] daily(String[] header) {
        String[] out = header.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i].equals("recipients") || out[i].equals("clients")) {
                out[i] += DAILY_SUM;
            }
        }
        return out;
    }

    /** Suffix of a distinct-count column that holds a sum of daily distinct counts. */
    public static final String DAILY_SUM = "_daily_sum";

    private static String code(Tally t) {
        return t.key().replyCode() == 0 ? "" : Integer.toString(t.key().replyCode());
    }
}
