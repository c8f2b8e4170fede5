package dev.maillog554.report;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;

/**
 * Streams {@code rejections.csv}, one row per rejection, while the scan runs, so memory does not grow with
 * the number of rejections. The file appears under its final name only after {@link #commit()}.
 *
 * <p>Rows go through {@link CsvLineWriter}, which prints exactly what Commons CSV prints with {@link #FORMAT}
 * but cheaply enough for the millions of rows of {@code report} over a long history; times are formatted by
 * {@link #time(Instant)}'s own ISO-8601 code for the same reason.
 */
public final class RejectionCsv implements Closeable {

    /** Column names: stable, scripts depend on them. */
    public static final String[] HEADER = {"time", "direction", "status", "mta", "host", "queue_id", "sender",
        "recipient", "recipient_domain", "reply_code", "enhanced_code", "category", "provider", "blocklist", "stage",
        "remote_host", "remote_ip", "message", "source_file", "line"};

    /** RFC 4180 with LF line ends (DEFAULT ends lines with CRLF, which makes golden diffs noisy). */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    // label() builds a new lower-case string on every call; a row of the CSV needs three of them.
    private static final String[] DIRECTIONS = Arrays.stream(Direction.values()).map(Direction::label)
            .toArray(String[]::new);
    private static final String[] STATUSES = Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::label)
            .toArray(String[]::new);
    private static final String[] MTAS = Arrays.stream(Mta.values()).map(Mta::label).toArray(String[]::new);

    private final Path dir;
    private final Path tmp;
    private final CsvLineWriter printer;
    private final Redactor redactor;
    private boolean committed;

    /** Opens a temporary file in {@code dir} and writes the header. */
    public RejectionCsv(Path dir, Redactor redactor) throws IOException {
        this(dir, redactor, true);
    }

    private RejectionCsv(Path dir, Redactor redactor, boolean header) throws IOException {
        Files.createDirectories(dir);
        this.dir = dir;
        this.redactor = redactor;
        this.tmp = ReportFiles.newTemp(dir, ReportFiles.REJECTIONS);
        try {
            // CsvLineWriter buffers chars; the byte buffer saves the encoder a system call per 8 KiB.
            this.printer = new CsvLineWriter(new OutputStreamWriter(new BufferedOutputStream(
                    Files.newOutputStream(tmp), 1 << 16), StandardCharsets.UTF_8));
            if (header) {
                printer.record(HEADER);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * A file for rows that follow this file's rows, written at the same time from another thread: no header,
     * its own temporary file; {@link #commit(List)} appends it. This lets {@code report} write the rows of
     * several parts of the history in parallel and still produce one file in id order.
     */
    public RejectionCsv continuation() throws IOException {
        return new RejectionCsv(dir, redactor, false);
    }

    /** Writes one row. */
    public void write(Rejection r) throws IOException {
        RejectionEvent e = r.event();
        Diagnosis d = r.diagnosis();
        CsvLineWriter p = printer;
        p.cell(time(e.time()));
        p.cell(DIRECTIONS[e.direction().ordinal()]);
        p.cell(STATUSES[e.status().ordinal()]);
        p.cell(MTAS[e.mta().ordinal()]);
        p.cell(CsvCells.safe(e.host()));
        p.cell(CsvCells.safe(e.queueId()));
        p.cell(CsvCells.safe(redactor.address(e.sender())));
        p.cell(CsvCells.safe(redactor.address(e.recipient())));
        p.cell(CsvCells.safe(e.recipientDomain()));
        p.cell(e.replyCode() == 0 ? "" : Integer.toString(e.replyCode()));
        p.cell(CsvCells.safe(e.enhancedCode()));
        p.cell(d.category().id());
        p.cell(d.provider());
        p.cell(d.blocklist());
        p.cell(CsvCells.safe(e.stage()));
        p.cell(CsvCells.safe(e.remoteHost()));
        p.cell(CsvCells.safe(e.remoteIp()));
        p.cell(CsvCells.safe(redactor.text(e.message())));
        p.cell(CsvCells.safe(e.sourceFile()));
        p.cell(e.line());
        p.endRecord();
    }

    /** Moves the finished file into place. */
    public void commit() throws IOException {
        commit(List.of());
    }

    /** Appends the continuations' rows, in order, and moves the finished file into place. */
    public void commit(List<RejectionCsv> continuations) throws IOException {
        try (ReportFiles.Staging s = new ReportFiles.Staging(dir)) {
            stage(s, continuations);
            s.commit();
        }
    }

    /**
     * Appends the continuations' rows, in order, and hands the finished file to {@code staging}, which moves it
     * into place with the report's other files.
     */
    public void stage(ReportFiles.Staging staging, List<RejectionCsv> continuations) throws IOException {
        printer.close();
        if (!continuations.isEmpty()) {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                for (RejectionCsv part : continuations) {
                    part.printer.close();
                    try (FileChannel in = FileChannel.open(part.tmp, StandardOpenOption.READ)) {
                        long size = in.size();
                        for (long done = 0; done < size; ) {
                            done += in.transferTo(done, size - done, out);
                        }
                    }
                    part.close();
                }
            }
        }
        staging.adopt(ReportFiles.REJECTIONS, tmp);
        committed = true;
    }

    /** Deletes the temporary file unless it was committed; a continuation's is always deleted. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            committed = true;
            // On a full disk closing fails too (it flushes the buffer): the file must go all the same, or it
            // would keep the disk full.
            try {
                printer.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * ISO-8601 in UTC, or empty when the line had no readable stamp: exactly {@link DateTimeFormatter#ISO_INSTANT}
     * (seconds always, a fraction only when non-zero, in groups of three digits), written by hand for years 0
     * to 9999 because the formatter's generic machinery cost more than the rest of a CSV row. Other years, which
     * no log has, go to the formatter itself.
     */
    static String time(Instant t) {
        if (t == null) {
            return "";
        }
        long s = t.getEpochSecond();
        if (s < MIN_FAST_SECOND || s >= MAX_FAST_SECOND) {
            return DateTimeFormatter.ISO_INSTANT.format(t);
        }
        long day = Math.floorDiv(s, 86400);
        int sec = (int) Math.floorMod(s, 86400);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
        char[] c = new char[30];
        int i = digits(c, 0, d.getYear(), 4);
        c[i++] = '-';
        i = digits(c, i, d.getMonthValue(), 2);
        c[i++] = '-';
        i = digits(c, i, d.getDayOfMonth(), 2);
        c[i++] = 'T';
        i = digits(c, i, sec / 3600, 2);
        c[i++] = ':';
        i = digits(c, i, sec / 60 % 60, 2);
        c[i++] = ':';
        i = digits(c, i, sec % 60, 2);
        int nano = t.getNano();
        if (nano != 0) {
            c[i++] = '.';
            if (nano % 1_000_000 == 0) {
                i = digits(c, i, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                i = digits(c, i, nano / 1000, 6);
            } else {
                i = digits(c, i, nano, 9);
            }
        }
        c[i++] = 'Z';
        return new String(c, 0, i);
    }

    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: ISO_INSTANT prints four-digit years in between. */
    private static final long MIN_FAST_SECOND = -62167219200L;
    private static final long MAX_FAST_SECOND = 253402300800L;

    // Writes n zero-padded to width digits at c[i]; returns the index after them.
    private static int digits(char[] c, int i, int n, int width) {
        for (int k = i + width - 1; k >= i; k--) {
            c[k] = (char) ('0' + n % 10);
            n /= 10;
        }
        return i + width;
    }
}
