package dev.maillog554.ingest;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens inputs as byte streams of text lines: gzip, bzip2, xz and zstd are decompressed, and journal or Docker
 * records turned into syslog-style lines, each recognised by content (magic bytes, first record), not by name.
 */
public final class LogSources {

    private static final int BUFFER = 1 << 16;

    private LogSources() {
    }

    /** Opens the input at its start, decompressing on its own thread; the caller closes the stream. */
    public static InputStream open(LogInput input) throws IOException {
        return open(input, "localhost", 0, p -> { });
    }

    /**
     * Opens the input at its start as text lines, decompressing on its own thread; the caller closes the stream.
     *
     * @param fallbackHost  host for journal entries that name none
     * @param firstReported records up to this number were read before: their problems are not reported again
     * @param problems      receives malformed records
     */
    public static InputStream open(LogInput input, String fallbackHost, long firstReported,
                                   Consumer<InputProblem> problems) throws IOException {
        return open(input, fallbackHost, firstReported, problems, ReadMeter.NONE);
    }

    /** {@link #open(LogInput, String, long, Consumer)}, counting the bytes read from the input into {@code meter}. */
    public static InputStream open(LogInput input, String fallbackHost, long firstReported,
                                   Consumer<InputProblem> problems, ReadMeter meter) throws IOException {
        InputStream decompressed = decompressed(input, true, meter);
        try {
            BufferedInputStream in = new BufferedInputStream(decompressed, BUFFER);
            return RecordFormat.of(in).lines(in, input.name(), fallbackHost, firstReported, problems);
        } catch (IOException e) {
            decompressed.close();
            throw e;
        }
    }

    /** Opens the input's decompressed content (records not converted) to read its first bytes. */
    static InputStream openHead(LogInput input) throws IOException {
        return decompressed(input, false, ReadMeter.NONE);
    }

    /**
     * Whether offsets into the input's lines are not file offsets, so that a resumed read starts from the top
     * and skips: the file is compressed, or holds records that are converted to lines.
     */
    static boolean transformed(Path file) throws IOException {
        try (BufferedInputStream in = new BufferedInputStream(openFile(file), BUFFER)) {
            if (Compression.of(in) != Compression.NONE) {
                return true;
            }
            return RecordFormat.of(in) != RecordFormat.TEXT;
        }
    }

    private static InputStream decompressed(LogInput input, boolean inflateAhead, ReadMeter meter)
            throws IOException {
        InputStream raw = meter.counting(input.isStdin()
                ? new NonClosingInputStream(System.in)
                : openFile(input.path()));
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        try {
            Compression c = Compression.of(in);
            if (c == Compression.NONE) {
                return in;
            }
            InputStream content = c.decompress(in);
            return inflateAhead ? new InflaterThread(content, input.name()) : new BufferedInputStream(content, BUFFER);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** True when the input is gzip-compressed (its first two bytes are 1f 8b). */
    public static boolean isGzip(BufferedInputStream in) throws IOException {
        return Compression.of(in) == Compression.GZIP;
    }

    /** Standard input must stay open for the JVM after one scan, e.g. in tests. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // intentionally left open
        }
    }

    /**
     * Opens a file to read. Not Files.newInputStream: its available() asks the channel for its position, which a
     * named pipe (mkfifo, or bash's {@code <(zcat mail.log.2.gz)}) answers with "Illegal seek", and
     * BufferedInputStream calls available() between reads; FileInputStream asks the kernel how much is buffered.
     */
    public static InputStream openFile(Path file) throws IOException {
        return new FileInputStream(file.toFile());
    }
}
