package dev.maillog554.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Log records turned back into the text lines the parsers know, one line per record, so that line numbers,
 * checkpoints and the byte prefilter work on them as on a plain log: the n-th line is the n-th record (a
 * record that holds no log line becomes an empty line, which the line reader counts and skips).
 */
abstract class RecordLines extends InputStream {

    /** Longest record kept; journald itself stores at most 64 KiB of a syslog message by default. */
    static final int MAX_RECORD = 1 << 20;

    final String source;
    final String fallbackHost;
    private final Consumer<InputProblem> problems;
    private byte[] out = new byte[1 << 12];
    private int pos;
    private int len;
    private boolean done;
    private boolean reportedBad;
    /** Records read so far, the number of the line last emitted. */
    long records;

    RecordLines(String source, String fallbackHost, Consumer<InputProblem> problems) {
        this.source = source;
        this.fallbackHost = fallbackHost;
        this.problems = problems;
    }

    /** Reads one record and emits its line (or nothing, for a last unfinished one); false at the end. */
    abstract boolean nextRecord() throws IOException;

    /** Adds the record's line; newlines inside a message become spaces, so one record stays one line. */
    final void emit(String text) {
        records++;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ensure(b.length + 1);
        for (byte c : b) {
            out[len++] = c == '\n' || c == '\r' ? (byte) ' ' : c;
        }
        out[len++] = '\n';
    }

    /** Adds an empty line for a record without a log line. */
    final void emitNothing() {
        emit("");
    }

    /** A record that cannot be read: reported once per input (with its number), then skipped like the rest. */
    final void bad(String what) {
        if (!reportedBad) {
            reportedBad = true;
            problems.accept(new InputProblem(source, records + 1, what + ": skipped, and so is any later "
                    + "such record; is the input complete?"));
        }
        emitNothing();
    }

    /**
     * The syslog line rsyslog would have written for a journal entry:
     * {@code 2026-03-03T10:15:01.123456Z mx1 postfix/smtpd[2211]: NOQUEUE: reject: ...}, the stamp in UTC.
     */
    final String syslogLine(String micros, String host, String identifier, String pid, String message) {
        StringBuilder sb = new StringBuilder(message.length() + 80);
        Instant at = instant(micros);
        if (at != null) {
            DateTimeFormatter.ISO_INSTANT.formatTo(at, sb);
            sb.append(' ');
        }
        sb.append(host == null || host.isBlank() ? fallbackHost : host).append(' ');
        if (identifier != null && !identifier.isEmpty()) {
            sb.append(identifier);
            if (pid != null && !pid.isEmpty()) {
                sb.append('[').append(pid).append(']');
            }
            sb.append(": ");
        }
        return sb.append(message).toString();
    }

    // __REALTIME_TIMESTAMP=1772532901123456: microseconds since the epoch, as a decimal string.
    private static Instant instant(String micros) {
        if (micros == null) {
            return null;
        }
        try {
            long us = Long.parseLong(micros.trim());
            return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private void ensure(int n) {
        if (len + n > out.length) {
            byte[] bigger = new byte[Math.max(out.length * 2, len + n)];
            System.arraycopy(out, 0, bigger, 0, len);
            out = bigger;
        }
    }

    private boolean more() throws IOException {
        while (pos == len) {
            if (done) {
                return false;
            }
            pos = 0;
            len = 0;
            if (!nextRecord()) {
                done = true;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return more() ? out[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (!more()) {
            return -1;
        }
        int k = Math.min(n, len - pos);
        System.arraycopy(out, pos, b, off, k);
        pos += k;
        return k;
    }
}
