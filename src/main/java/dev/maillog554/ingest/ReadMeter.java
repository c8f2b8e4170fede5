package dev.maillog554.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of its inputs a scan has read (as stored: compressed bytes of a compressed file), out of how
 * many, for the progress line a scan shows on a terminal. Reader threads add, the progress thread reads.
 */
public final class ReadMeter {

    /** A meter nobody reads: counting costs nothing when no progress is shown. */
    public static final ReadMeter NONE = new ReadMeter();

    private final AtomicLong read = new AtomicLong();
    private volatile long expected = -1;

    /** Bytes read (or skipped, for a file resumed where the last run stopped) so far. */
    public long read() {
        return read.get();
    }

    /** Bytes the scan will read in all, or -1 when unknown (standard input). */
    public long expected() {
        return expected;
    }

    /** Sets the total once the inputs are known. */
    public void expect(long bytes) {
        expected = bytes;
    }

    /** Counts bytes read past the stream, e.g. skipped to resume. */
    public void add(long bytes) {
        if (this != NONE && bytes > 0) {
            read.addAndGet(bytes);
        }
    }

    /** {@code in}, counting what is read from it into this meter. */
    public InputStream counting(InputStream in) {
        return this == NONE ? in : new Counting(in, this);
    }

    private static final class Counting extends FilterInputStream {
        private final ReadMeter meter;

        Counting(InputStream in, ReadMeter meter) {
            super(in);
            this.meter = meter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                meter.add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            meter.add(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            meter.add(skipped);
            return skipped;
        }
    }
}
