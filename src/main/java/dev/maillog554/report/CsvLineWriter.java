package dev.maillog554.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV records exactly as {@link RejectionCsv#FORMAT} (Commons CSV {@code DEFAULT} with LF line ends)
 * prints them, at a fraction of the cost: {@code rejections.csv} of a large history has millions of rows.
 *
 * <p>Why not Commons CSV's {@code CSVPrinter}: for every cell it converts, checks the quote mode and appends
 * through a synchronized {@code BufferedWriter}, which made writing 5 million rows a visible part of
 * {@code report}. This class appends into its own char buffer and hands the underlying writer large blocks.
 *
 * <p>The quoting is Commons CSV 1.14's {@code QuoteMode.MINIMAL} rule, reproduced cell for cell (and checked
 * against {@code CSVPrinter} by {@code CsvLineWriterTest}): a cell is quoted when it is empty and first in its
 * record, when its first character is {@code <= '#'}, when it holds a quote, comma, CR or LF, or when its last
 * character is {@code <= ' '}; inside quotes a quote is doubled. Not thread-safe.
 */
final class CsvLineWriter implements Closeable {

    private static final int BUFFER = 1 << 16;
    private static final char QUOTE = '"';

    private final Writer out;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private boolean newRecord = true;
    private boolean closed;

    /** @param out where full buffers go (unbuffered is fine); closed with this writer */
    CsvLineWriter(Writer out) {
        this.out = out;
    }

    /** Appends one cell; null is written as an empty cell, like Commons CSV without a null string. */
    void cell(String s) throws IOException {
        String v = s == null ? "" : s;
        int len = v.length();
        // Worst case: a separator, two quotes and every character doubled.
        if (pos + 2 * len + 3 > BUFFER) {
            flushBuffer();
            if (2 * len + 3 > BUFFER) {
                writeLarge(v);
                return;
            }
        }
        if (!newRecord) {
            buf[pos++] = ',';
        }
        // Copy first, then look for special characters in the array: cheaper than charAt on the String, and
        // nearly every cell of a log needs no quotes. The rare cell that does is written again, quoted.
        v.getChars(0, len, buf, pos);
        if (needsQuotes(buf, pos, len, newRecord)) {
            buf[pos++] = QUOTE;
            for (int i = 0; i < len; i++) {
                char c = v.charAt(i);
                if (c == QUOTE) {
                    buf[pos++] = QUOTE;
                }
                buf[pos++] = c;
            }
            buf[pos++] = QUOTE;
        } else {
            pos += len;
        }
        newRecord = false;
    }

    /** Appends one numeric cell (never quoted: digits and an optional minus sign). */
    void cell(long n) throws IOException {
        cell(Long.toString(n));
    }

    /** Ends the record. */
    void endRecord() throws IOException {
        if (pos + 1 > BUFFER) {
            flushBuffer();
        }
        buf[pos++] = '\n';
        newRecord = true;
    }

    /** Writes a whole record of plain cells (a header). */
    void record(String... cells) throws IOException {
        for (String c : cells) {
            cell(c);
        }
        endRecord();
    }

    /** Flushes and closes the underlying writer; a second call does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }

    /** Commons CSV MINIMAL: see the class comment. */
    static boolean needsQuotes(String v, boolean firstInRecord) {
        char[] c = v.toCharArray();
        return needsQuotes(c, 0, c.length, firstInRecord);
    }

    /** {@link #needsQuotes(String, boolean)} for {@code len} characters of {@code c} from {@code from}. */
    private static boolean needsQuotes(char[] c, int from, int len, boolean firstInRecord) {
        if (len == 0) {
            return firstInRecord;
        }
        if (c[from] <= '#' || c[from + len - 1] <= ' ') {
            return true;
        }
        for (int i = from, end = from + len; i < end; i++) {
            char ch = c[i];
            // One comparison for the common case: every special character is below '-'.
            if (ch < '-' && (ch == '\n' || ch == '\r' || ch == QUOTE || ch == ',')) {
                return true;
            }
        }
        return false;
    }

    // A cell longer than half the buffer (messages are capped far below this, but a value is a value).
    private void writeLarge(String v) throws IOException {
        if (!newRecord) {
            out.write(',');
        }
        if (needsQuotes(v, newRecord)) {
            out.write(QUOTE);
            out.write(v.replace("\"", "\"\""));
            out.write(QUOTE);
        } else {
            out.write(v);
        }
        newRecord = false;
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
