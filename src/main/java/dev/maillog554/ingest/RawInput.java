package dev.maillog554.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Lines and counted byte runs from a stream, through one buffer, for the record formats' readers. */
final class RawInput {

    /** One line in the buffer, valid until the next call. */
    record Slice(byte[] buf, int from, int to, boolean terminated, boolean cut) {
        boolean isEmpty() {
            return from == to;
        }
    }

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;

    RawInput(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its newline (and a CR before it), or null at the end. A line longer than {@code max}
     * comes back as its first {@code max} bytes, marked cut, the rest skipped.
     */
    Slice line(int max) throws IOException {
        int scanned = start;
        while (true) {
            int nl = ByteScan.indexOf(buf, scanned, end, (byte) '\n');
            if (nl >= 0 && nl - start <= max) {
                int from = start;
                start = nl + 1;
                int to = nl > from && buf[nl - 1] == '\r' ? nl - 1 : nl;
                return new Slice(buf, from, to, true, false);
            }
            if (end - start > max || nl >= 0) {
                return cut(max);
            }
            if (eof) {
                if (start == end) {
                    return null;
                }
                int from = start;
                start = end;
                return new Slice(buf, from, end, false, false);
            }
            scanned = end;
            int moved = start;
            fill(max);
            scanned -= moved;
        }
    }

    // Keeps the first max bytes in a copy, then drops bytes up to and including the next newline.
    private Slice cut(int max) throws IOException {
        byte[] head = new byte[max];
        System.arraycopy(buf, start, head, 0, max);
        while (true) {
            int nl = ByteScan.indexOf(buf, start, end, (byte) '\n');
            if (nl >= 0) {
                start = nl + 1;
                return new Slice(head, 0, max, true, true);
            }
            start = end;
            if (eof) {
                return new Slice(head, 0, max, false, true);
            }
            fill(max);
        }
    }

    /** The next {@code n} bytes, or null when {@code n > max} (they are skipped); EOFException if they end early. */
    byte[] bytes(long n, int max) throws IOException {
        if (n > max) {
            long left = n;
            while (left > 0) {
                if (start == end) {
                    if (eof) {
                        throw new EOFException("field ends early");
                    }
                    fill(0);
                    continue;
                }
                int k = (int) Math.min(left, end - start);
                start += k;
                left -= k;
            }
            return null;
        }
        byte[] out = new byte[(int) n];
        int got = 0;
        while (got < n) {
            if (start == end) {
                if (eof) {
                    throw new EOFException("field ends early");
                }
                fill(0);
                continue;
            }
            int k = Math.min((int) n - got, end - start);
            System.arraycopy(buf, start, out, got, k);
            start += k;
            got += k;
        }
        return out;
    }

    /** The next byte, or -1 at the end. */
    int read() throws IOException {
        while (start == end) {
            if (eof) {
                return -1;
            }
            fill(0);
        }
        return buf[start++] & 0xff;
    }

    private void fill(int max) throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, max + 2)];
            System.arraycopy(buf, 0, bigger, 0, end);
            buf = bigger;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }
}
