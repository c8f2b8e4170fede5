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
 * start; the first open is the test's sign that the scan is past start-up and reading.
 */
final class FifoFeed implements AutoCloseable {

    final Path path;
    private final Path content;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
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
                if (!closed) {
                    Files.copy(content, out);
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

    /** Ends the writer, opening the reading end itself should the writer wait for a reader that will not come. */
    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        released.countDown();
        if (writer.isAlive()) {
            try (InputStream unblock = Files.newInputStream(path)) {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }
}
