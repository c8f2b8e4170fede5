package dev.maillog554.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/** Opens inputs as byte streams, decompressing gzip transparently (by its magic bytes, not the file name). */
public final class LogSources {

    private static final int BUFFER = 1 << 16;

    private LogSources() {
    }

    /** Opens the input at its start, a gzip one inflated on its own thread; the caller closes the stream. */
    public static InputStream open(LogInput input) throws IOException {
        return open(input, true);
    }

    /** Opens the input to read just its first bytes, inflating on the caller's thread. */
    static InputStream openHead(LogInput input) throws IOException {
        return open(input, false);
    }

    private static InputStream open(LogInput input, boolean inflateAhead) throws IOException {
        InputStream raw = input.isStdin()
                ? new NonClosingInputStream(System.in)
                : Files.newInputStream(input.path());
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        try {
            if (!isGzip(in)) {
                return in;
            }
            GZIPInputStream gz = new GZIPInputStream(in, BUFFER);
            return inflateAhead ? new InflaterThread(gz, input.name()) : new BufferedInputStream(gz, BUFFER);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** True when the input is gzip-compressed (its first two bytes are 1f 8b). */
    public static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
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
}
