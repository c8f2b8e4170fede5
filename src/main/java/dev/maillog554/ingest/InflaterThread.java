package dev.maillog554.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a decompressing stream (gzip, bzip2, xz or zstd) on its own thread into a few large chunks, so that
 * inflating and the line scan run on two cores instead of taking turns on one: for a {@code .gz} log the
 * inflater costs about as much CPU as everything else together.
 *
 * <p>At most {@link #CHUNKS} chunks wait, so memory stays flat. A read error (corrupt or truncated data) is
 * rethrown unchanged by the reading thread once the chunks before it are consumed, so callers see exactly the
 * exceptions, and the lines, that reading on one thread gave.
 */
final class InflaterThread extends InputStream {

    private static final int CHUNK = 1 << 18;
    private static final int CHUNKS = 4;
    private static final byte[] END = new byte[0];

    private final InputStream source;
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private byte[] chunk = new byte[0];
    private int chunkLength;
    private int pos;
    private boolean ended;
    private volatile boolean closed;

    InflaterThread(InputStream source, String name) {
        this.source = source;
        this.thread = new Thread(this::fill, "inflate " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A filled buffer and how much of it is data. */
    private record Chunk(byte[] bytes, int length) {
    }

    private void fill() {
        try {
            while (!closed) {
                byte[] b = new byte[CHUNK];
                int n = 0;
                try {
                    int r = 0;
                    while (n < CHUNK && (r = source.read(b, n, CHUNK - n)) > 0) {
                        n += r;
                    }
                    if (r < 0 || n < CHUNK) {
                        put(b, n);
                        chunks.put(END);
                        return;
                    }
                } catch (IOException | RuntimeException e) {
                    // The bytes inflated before the damage still count, as on one thread.
                    put(b, n);
                    chunks.put(e);
                    return;
                }
                chunks.put(new Chunk(b, n));
            }
        } catch (InterruptedException e) {
            // closed by the reader
        }
    }

    private void put(byte[] b, int n) throws InterruptedException {
        if (n > 0) {
            chunks.put(new Chunk(b, n));
        }
    }

    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        Object item;
        try {
            item = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while inflating");
        }
        if (item instanceof Chunk c) {
            chunk = c.bytes();
            chunkLength = c.length();
            pos = 0;
            return true;
        }
        ended = true;
        if (item instanceof IOException e) {
            throw e;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        return false;
    }

    @Override
    public int read() throws IOException {
        if (pos == chunkLength && !next()) {
            return -1;
        }
        return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == chunkLength && !next()) {
            return -1;
        }
        int n = Math.min(len, chunkLength - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return chunkLength - pos;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        try {
            thread.join(1000); // stdin cannot be interrupted: do not wait for it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
