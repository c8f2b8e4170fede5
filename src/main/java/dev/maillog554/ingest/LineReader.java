package dev.maillog554.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a byte stream into lines, decoding UTF-8 itself so that damaged input is reported and kept rather
 * than fatal: invalid UTF-8 is replaced by U+FFFD, NUL bytes mark a line as binary, and a line longer than
 * {@link #MAX_LINE} is cut to that length.
 *
 * <p>It reads through its own buffer instead of a {@code BufferedReader} because the scan is I/O bound on
 * big logs: most lines are not rejections, and a {@link LineFilter} can drop them before any decoding.
 */
public final class LineReader {

    /** Longest line kept; real Postfix and Exim lines stay far below this (Postfix caps at 2 kB by default). */
    public static final int MAX_LINE = 64 * 1024;

    /** Decides, on the raw bytes, whether a line is worth decoding. */
    @FunctionalInterface
    public interface LineFilter {
        /** True when {@code buf[from..to)} may matter to a parser. */
        boolean wanted(byte[] buf, int from, int to);

        /**
         * Where the next wanted line may be: an index in {@code buf[from..to)} that lies in every wanted line
         * found there (or earlier), or -1 when no line in the range is wanted. The reader skips the lines before
         * it by counting their newlines only. The default, {@code from}, makes the reader test every line.
         */
        default int candidate(byte[] buf, int from, int to) {
            return from;
        }
    }

    private final InputStream in;
    private final String source;
    private final Consumer<InputProblem> problems;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private long lineNo;
    private long offset;
    private boolean reportedUtf8;
    private boolean reportedBinary;
    private boolean reportedLong;

    /**
     * @param in        the decompressed bytes, positioned at {@code firstLine}'s start
     * @param source    name used in problems and log lines
     * @param firstLine number of the line that starts at the stream's first byte minus one (0 from the top)
     * @param offset    byte offset of the stream's first byte in the input (for checkpoints)
     * @param problems  receives what was wrong with the input; each kind is reported once per input
     */
    public LineReader(InputStream in, String source, long firstLine, long offset, Consumer<InputProblem> problems) {
        this.in = in;
        this.source = source;
        this.lineNo = firstLine;
        this.offset = offset;
        this.problems = problems;
    }

    /** Number of the last line returned or skipped. */
    public long lineNumber() {
        return lineNo;
    }

    /** Byte offset just past the last complete line read. */
    public long offset() {
        return offset;
    }

    /**
     * Reads the next line the filter wants, counting the lines it skips.
     *
     * @param filter         which raw lines to decode
     * @param partialAtEof   whether a last line without a newline counts (false for a live file that the MTA
     *                       may still be writing: the rest is read by the next incremental run)
     * @return the line, or null at the end of the input
     */
    public LogLine next(LineFilter filter, boolean partialAtEof) throws IOException {
        while (true) {
            skipUnwanted(filter);
            int nl = indexOfNewline();
            if (nl < 0) {
                if (end - start >= MAX_LINE) {
                    LogLine cut = overlong(filter);
                    if (cut != null) {
                        return cut;
                    }
                    continue;
                }
                if (eof) {
                    if (start < end && partialAtEof) {
                        LogLine last = take(start, end, end - start, filter);
                        start = end;
                        if (last != null) {
                            return last;
                        }
                    }
                    return null;
                }
                fill();
                continue;
            }
            int lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
            LogLine line = take(start, lineEnd, nl + 1 - start, filter);
            start = nl + 1;
            if (line != null) {
                return line;
            }
        }
    }

    // Like grep, look for what a wanted line must contain across the whole buffer, not line by line: the
    // complete lines before the first candidate are only counted, never split or tested one by one.
    private void skipUnwanted(LineFilter filter) {
        int c = filter.candidate(buf, start, end);
        int to = c < 0 ? end : c;
        if (to <= start) {
            return;
        }
        int skipTo = ByteScan.lastIndexOf(buf, start, to, (byte) '\n') + 1;
        if (skipTo > start) {
            if (!reportedBinary) {
                int nul = ByteScan.indexOf(buf, start, skipTo, (byte) 0);
                if (nul >= 0) {
                    reportBinary(lineNo + 1 + ByteScan.count(buf, start, nul, (byte) '\n'));
                }
            }
            lineNo += ByteScan.count(buf, start, skipTo, (byte) '\n');
            offset += skipTo - start;
            start = skipTo;
        }
    }

    private LogLine take(int from, int to, int consumed, LineFilter filter) {
        lineNo++;
        offset += consumed;
        if (from == to || !filter.wanted(buf, from, to)) {
            return null;
        }
        return new LogLine(source, lineNo, decode(from, to));
    }

    // A line longer than MAX_LINE: keep its first MAX_LINE bytes, skip the rest up to the newline.
    private LogLine overlong(LineFilter filter) throws IOException {
        long number = lineNo + 1;
        if (!reportedLong) {
            reportedLong = true;
            problems.accept(new InputProblem(source, number, "line longer than " + MAX_LINE
                    + " bytes: kept its first " + MAX_LINE + " bytes; is this really a mail log?"));
        }
        int from = start;
        String text = filter.wanted(buf, from, from + MAX_LINE) ? decode(from, from + MAX_LINE) : null;
        long skipped = 0;
        while (true) {
            int nl = indexOfNewline();
            if (nl >= 0) {
                skipped += nl + 1 - start;
                start = nl + 1;
                break;
            }
            skipped += end - start;
            start = end;
            if (eof) {
                break;
            }
            fill();
        }
        lineNo++;
        offset += skipped;
        return text == null ? null : new LogLine(source, number, text);
    }

    // The newline search also notices NUL bytes, which no text log contains: one compare more per byte here is
    // cheaper than a second pass, and it catches binary junk in lines the filter never decodes.
    private int indexOfNewline() {
        for (int i = start; i < end; i++) {
            byte b = buf[i];
            if (b == '\n') {
                return i;
            }
            if (b == 0 && !reportedBinary) {
                reportBinary(lineNo + 1);
            }
        }
        return -1;
    }

    private void reportBinary(long line) {
        reportedBinary = true;
        problems.accept(new InputProblem(source, line,
                "binary data (NUL bytes) in a text log: NULs dropped, the line was still read; "
                        + "is this file a mail log?"));
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            byte[] bigger = new byte[Math.min(buf.length * 2, MAX_LINE * 2)];
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

    private String decode(int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b == 0) {
                return binary(from, to);
            }
            if (b < 0) {
                ascii = false;
            }
        }
        if (ascii) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(buf, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            if (!reportedUtf8) {
                reportedUtf8 = true;
                problems.accept(new InputProblem(source, lineNo,
                        "invalid UTF-8: bad bytes replaced by U+FFFD, the line was still read"));
            }
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }
    }

    private String binary(int from, int to) {
        if (!reportedBinary) {
            reportBinary(lineNo);
        }
        StringBuilder sb = new StringBuilder(to - from);
        String s = new String(buf, from, to - from, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != 0) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
