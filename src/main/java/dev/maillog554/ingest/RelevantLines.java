package dev.maillog554.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw-byte test that decides which lines are decoded and parsed at all.
 *
 * <p>On a busy server almost every line is a connect, a delivery or a queue event. A rejection line must
 * contain its reply code's digits, and the only other lines the parsers need are the ones that name a
 * message's sender (Postfix qmgr {@code nrcpt=}, Exim {@code <=}). Testing bytes first keeps the scan close
 * to I/O speed; the parsers still decide exactly.
 *
 * <p>{@link #candidate} runs on every byte of the input, so it is shaped for speed: each needle is looked for by
 * its first three bytes, which are rare together in mail logs ({@code 554}, {@code nrc}, {@code  <=}), eight
 * positions at a time ({@link ByteScan}), with one branch per eight bytes. A class filter ({@code 5xx}) looks for
 * {@code 5} followed by two digits or by {@code .} and a digit. {@link #wanted} then checks the few lines found.
 */
public final class RelevantLines implements LineReader.LineFilter {

    private static final byte[][] SENDER_MARKERS = {
        "nrcpt=".getBytes(StandardCharsets.US_ASCII),
        " <= ".getBytes(StandardCharsets.US_ASCII),
    };

    private final byte[][] needles;
    /** Per needle, its first {@link #PREFIX} bytes, each broadcast. */
    private final long[][] prefix;
    /** Per needle, which of those bytes are {@link CodeFilter#ANY_DIGIT} (tested by class, not by value). */
    private final boolean[][] digit;
    private final boolean anyDigit;

    /** Lines carrying one of the filter's codes, plus sender lines. */
    public RelevantLines(CodeFilter codes) {
        List<byte[]> all = new ArrayList<>(codes.needles());
        all.addAll(List.of(SENDER_MARKERS));
        this.needles = all.toArray(new byte[0][]);
        this.prefix = new long[needles.length][PREFIX];
        this.digit = new boolean[needles.length][PREFIX];
        boolean wildcards = false;
        for (int k = 0; k < needles.length; k++) {
            if (needles[k].length < PREFIX) {
                throw new IllegalArgumentException("needle shorter than " + PREFIX + " bytes");
            }
            for (int j = 0; j < PREFIX; j++) {
                byte b = needles[k][j];
                prefix[k][j] = ByteScan.broadcast(b);
                digit[k][j] = b == CodeFilter.ANY_DIGIT;
                wildcards |= digit[k][j];
            }
        }
        this.anyDigit = wildcards;
    }

    /** Bytes of each needle tested eight positions at a time: "554", "nrc", " <=" are rare in mail logs. */
    private static final int PREFIX = 3;

    @Override
    public int candidate(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 + PREFIX - 1 <= to; i += 8) {
            // Bytes i..i+7 against each needle's first byte, i+1..i+8 against its second, and so on: a bit set
            // in all three marks a position where the needle's prefix starts.
            long w0 = ByteScan.word(buf, i);
            long w1 = ByteScan.word(buf, i + 1);
            long w2 = ByteScan.word(buf, i + 2);
            long any = 0;
            if (anyDigit) {
                any = withDigits(w0, w1, w2);
            } else {
                for (long[] p : prefix) {
                    any |= ByteScan.matches(w0, p[0]) & ByteScan.matches(w1, p[1]) & ByteScan.matches(w2, p[2]);
                }
            }
            if (any != 0) {
                return i + (Long.numberOfTrailingZeros(any) >>> 3);
            }
        }
        // The last bytes of the buffer: let the line-by-line test look at them.
        return i < to ? i : -1;
    }

    // The same test for a class filter (5xx), whose needles have digit wildcards.
    private long withDigits(long w0, long w1, long w2) {
        long d0 = ByteScan.digits(w0);
        long d1 = ByteScan.digits(w1);
        long d2 = ByteScan.digits(w2);
        long any = 0;
        for (int k = 0; k < prefix.length; k++) {
            long[] p = prefix[k];
            boolean[] d = digit[k];
            any |= (d[0] ? d0 : ByteScan.matches(w0, p[0])) & (d[1] ? d1 : ByteScan.matches(w1, p[1]))
                    & (d[2] ? d2 : ByteScan.matches(w2, p[2]));
        }
        return any;
    }

    @Override
    public boolean wanted(byte[] buf, int from, int to) {
        for (byte[] needle : needles) {
            if (contains(buf, from, to, needle)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code buf[from..to)} contains the needle, {@link CodeFilter#ANY_DIGIT} matching any digit. */
    static boolean contains(byte[] buf, int from, int to, byte[] needle) {
        byte first = needle[0];
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                byte b = buf[i + j];
                if (needle[j] == CodeFilter.ANY_DIGIT ? b < '0' || b > '9' : b != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
