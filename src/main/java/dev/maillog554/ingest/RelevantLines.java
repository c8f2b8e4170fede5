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
 */
public final class RelevantLines implements LineReader.LineFilter {

    private static final byte[][] SENDER_MARKERS = {
        "nrcpt=".getBytes(StandardCharsets.US_ASCII),
        " <= ".getBytes(StandardCharsets.US_ASCII),
    };

    private final byte[][] needles;

    /** Lines carrying one of the filter's codes, plus sender lines. */
    public RelevantLines(CodeFilter codes) {
        List<byte[]> all = new ArrayList<>(codes.needles());
        all.addAll(List.of(SENDER_MARKERS));
        this.needles = all.toArray(new byte[0][]);
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

    static boolean contains(byte[] buf, int from, int to, byte[] needle) {
        byte first = needle[0];
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
