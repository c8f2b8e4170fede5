package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe that serves a log to a process as if it were a file, but only once the test lets it: a scan that
 * reads it holds its database for exactly as long as the test holds the feed back. Each time the reader opens the
 * pipe (a scan opens an input more than once: to sniff its first bytes, then to read it) it gets the log from the
 * start; the first open is the test's sign that the scan is past start-up and reading. A feed released only up to
 * a byte count serves those bytes and then keeps the pipe open without writing more, so the reader waits there,
 * mid-log, until the test kills it or closes the feed.
 */
final class FifoFeed implements AutoCloseable {

    /**
     * The smallest part {@link #releaseUpTo} serves: a sniffing open takes at most what the pipe buffers (64 KiB)
     * and one fill of the scan's 64 KiB read buffer; this leaves a wide margin over both.
     */
    static final long MIN_PART = 1 << 20;

    final Path path;
    private final Path content;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch servedPart = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long limit = Long.MAX_VALUE;
    private final Thread writer;
    private volatile boolean closed;

    FifoFeed(Path path, Path content) throws IOException, InterruptedException {
        this.path = path;
        this.content = content;
        assertEquals(0, new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor(), "mkfifo");
        writer = new Thread(this::serve, "feed " + path.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    private void serve() {
        while (!closed) {
            // Blocks until a reader opens the pipe.
            try (OutputStream out = Files.newOutputStream(path)) {
                opened.countDown();
                released.await();
                if (closed) {
                    return;
                }
                if (limit == Long.MAX_VALUE) {
                    Files.copy(content, out);
                } else {
                    try (InputStream in = Files.newInputStream(content)) {
                        in.transferTo(new BoundedOutput(out, limit));
                    }
                    out.flush();
                    servedPart.countDown();
                    ended.await(); // the pipe stays open: the reader blocks mid-log
                }
            } catch (IOException e) {
                // the reader closed its end after the bytes it wanted (a sniff): serve the next open afresh
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Blocks until the reader has opened the pipe, or {@code reader} has ended (a failure; two minutes at most). */
    void awaitOpened(CliProcess reader) throws InterruptedException {
        reader.process.onExit().thenRun(opened::countDown);
        assertTrue(opened.await(2, TimeUnit.MINUTES), "the reader did not open " + path + " within two minutes: "
                + reader);
        assertTrue(reader.process.isAlive(), "the reader ended before it read " + path + ": " + reader);
    }

    /** Lets every open, now and later, read the whole log. */
    void release() {
        released.countDown();
    }

    /**
     * Lets the reader have the first {@code bytes} of the log and no more, and blocks until they are in the pipe:
     * the reader has then taken all of them but what the pipe buffers (64 KiB on Linux), and waits for the rest.
     * The part must be well above that buffer: an open that only sniffs the first bytes and closes must break the
     * pipe before the part is all written, so that the part counts as served only to the open that reads on.
     */
    void releaseUpTo(long bytes, CliProcess reader) throws InterruptedException {
        assertTrue(bytes >= MIN_PART, "a part of at least " + MIN_PART + " bytes: " + bytes);
        limit = bytes;
        released.countDown();
        reader.process.onExit().thenRun(servedPart::countDown);
        assertTrue(servedPart.await(2, TimeUnit.MINUTES), "the reader did not take " + bytes + " bytes of " + path
                + " within two minutes: " + reader);
        assertTrue(reader.process.isAlive(), "the reader ended mid-log: " + reader);
    }

    /** Ends the writer, opening the reading end itself should the writer wait for a reader that will not come. */
    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        released.countDown();
        ended.countDown();
        if (writer.isAlive()) {
            // On a daemon thread: the writer may end between the check and the open, and an open of a pipe's
            // reading end with no writer blocks for good (it hung the test once).
            Thread unblock = new Thread(() -> {
                try (InputStream in = Files.newInputStream(path)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // nothing to unblock
                }
            }, "fifo-unblock");
            unblock.setDaemon(true);
            unblock.start();
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Passes on the first {@code left} bytes written to it and drops the rest. */
    private static final class BoundedOutput extends OutputStream {
        private final OutputStream out;
        private long left;

        BoundedOutput(OutputStream out, long left) {
            this.out = out;
            this.left = left;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            if (n > 0) {
                out.write(b, off, n);
                left -= n;
            }
        }
    }
}
