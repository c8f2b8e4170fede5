package dev.maillog554.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.RejectionEvent;

/**
 * Streams {@code rejections.csv}, one row per rejection, while the scan runs, so memory does not grow with
 * the number of rejections. The file appears under its final name only after {@link #commit()}.
 */
public final class RejectionCsv implements Closeable {

    /** Column names: stable, scripts depend on them. */
    public static final String[] HEADER = {"time", "direction", "status", "mta", "host", "queue_id", "sender",
        "recipient", "recipient_domain", "reply_code", "enhanced_code", "category", "provider", "blocklist", "stage",
        "remote_host", "remote_ip", "message", "source_file", "line"};

    /** RFC 4180 with LF line ends (DEFAULT ends lines with CRLF, which makes golden diffs noisy). */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final Path dir;
    private final Path tmp;
    private final CSVPrinter printer;
    private final Redactor redactor;
    private boolean committed;

    /** Opens a temporary file in {@code dir} and writes the header. */
    public RejectionCsv(Path dir, Redactor redactor) throws IOException {
        Files.createDirectories(dir);
        this.dir = dir;
        this.redactor = redactor;
        this.tmp = Files.createTempFile(dir, "." + ReportFiles.REJECTIONS, ".tmp");
        this.printer = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
                FORMAT.builder().setHeader(HEADER).get());
    }

    /** Writes one row. */
    public void write(Rejection r) throws IOException {
        RejectionEvent e = r.event();
        Diagnosis d = r.diagnosis();
        printer.printRecord(time(e.time()), e.direction().label(), e.status().label(), e.mta().label(),
                CsvCells.safe(e.host()), CsvCells.safe(e.queueId()), CsvCells.safe(redactor.address(e.sender())),
                CsvCells.safe(redactor.address(e.recipient())), CsvCells.safe(e.recipientDomain()),
                e.replyCode() == 0 ? "" : Integer.toString(e.replyCode()), CsvCells.safe(e.enhancedCode()),
                d.category().id(), d.provider(), d.blocklist(), CsvCells.safe(e.stage()),
                CsvCells.safe(e.remoteHost()), CsvCells.safe(e.remoteIp()),
                CsvCells.safe(redactor.text(e.message())), CsvCells.safe(e.sourceFile()), e.line());
    }

    /** Moves the finished file into place. */
    public void commit() throws IOException {
        printer.close();
        ReportFiles.moveInto(tmp, dir.resolve(ReportFiles.REJECTIONS));
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            printer.close();
            Files.deleteIfExists(tmp);
        }
    }

    /** ISO-8601 in UTC, or empty when the line had no readable stamp. */
    static String time(Instant t) {
        return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
