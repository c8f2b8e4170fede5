package dev.maillog554.cli;

import java.io.PrintWriter;
import java.util.Locale;

import dev.maillog554.ingest.ReadMeter;

/**
 * One updating line on stderr while a long scan reads: bytes read of the total, rate, time left. Only on a
 * terminal and without {@code --quiet}: never in cron, a pipe or a systemd unit, where it would be noise in the
 * mail or the journal. Problems printed meanwhile clear it first, so each stands on a line of its own.
 */
final class ProgressLine implements AutoCloseable {

    /** How often the line is redrawn. */
    static final long EVERY_MILLIS = 500;

    private final PrintWriter err;
    private final ReadMeter meter;
    private final long started = System.nanoTime();
    private final Thread drawer;
    private int shown;

    private ProgressLine(PrintWriter err, ReadMeter meter) {
        this.err = err;
        this.meter = meter;
        drawer = new Thread(this::drawUntilClosed, "maillog554-progress");
        drawer.setDaemon(true);
        drawer.start();
    }

    /** A progress line for this scan, or null when stderr is no place for one. */
    static ProgressLine startIf(boolean wanted, PrintWriter err, ReadMeter meter) {
        // System.console() is null unless standard input and output are a terminal: cron, pipes and systemd.
        return wanted && System.console() != null ? new ProgressLine(err, meter) : null;
    }

    /** Prints a message on a line of its own; the progress line is redrawn below it later. */
    synchronized void println(String message) {
        clear();
        err.println(message);
        err.flush();
    }

    /** Clears the line. */
    synchronized void clear() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    @Override
    public void close() {
        drawer.interrupt();
        try {
            drawer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clear();
    }

    private void drawUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(EVERY_MILLIS);
                draw();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private synchronized void draw() {
        String text = render(meter.read(), meter.expected(), (System.nanoTime() - started) / 1e9);
        err.print("\r" + text + (text.length() < shown ? " ".repeat(shown - text.length()) : ""));
        err.flush();
        shown = text.length();
    }

    /** "read 1.2 GiB of 4.0 GiB (30%) at 45.1 MiB/s, about 1:02 left"; without a total, no share and no time. */
    static String render(long read, long expected, double seconds) {
        StringBuilder s = new StringBuilder("read ").append(bytes(read));
        double rate = seconds > 0 ? read / seconds : 0;
        if (expected > 0) {
            s.append(" of ").append(bytes(expected))
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, read * 100 / expected)));
        }
        s.append(" at ").append(bytes((long) rate)).append("/s");
        if (expected > 0 && rate > 0 && read < expected) {
            long left = (long) Math.ceil((expected - read) / rate);
            s.append(String.format(Locale.ROOT, ", about %d:%02d left", left / 60, left % 60));
        }
        return s.toString();
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
