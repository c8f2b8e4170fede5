package dev.maillog554.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches that look at eight bytes per step (SWAR: "SIMD within a register").
 *
 * <p>Finding line ends and the few bytes a rejection line must contain is the whole cost of a scan: almost
 * every line is dropped on these tests, so they decide whether the scan runs near {@code grep} speed. A plain
 * byte loop does one compare per byte; here one 64-bit load and a handful of arithmetic steps test eight bytes
 * for equality with a byte, with no branch per byte. Little-endian order makes the lowest set bit the first
 * matching byte.
 */
final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long ONES = 0x0101010101010101L;

    private ByteScan() {
    }

    /** The eight-byte pattern that {@link #matches(long, long)} compares against. */
    static long broadcast(byte b) {
        return (b & 0xFFL) * ONES;
    }

    /** Reads eight bytes at {@code i} (little-endian); the caller guarantees {@code i + 8 <= buf.length}. */
    static long word(byte[] buf, int i) {
        return (long) LONGS.get(buf, i);
    }

    /** The high bit of every byte of {@code word} that equals the broadcast byte, exactly (no false hits). */
    static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /**
     * The high bit of every byte of {@code word} that is an ASCII digit, exactly: with each byte's high bit set
     * first, subtracting {@code '0'} or {@code '9' + 1} never borrows from the next byte, and the high bit left
     * says whether the byte's low seven bits reached that value.
     */
    static long digits(long word) {
        long high = word | ~LOW7;
        return (high - ZEROS) & ~(high - PAST_NINES) & ~word & ~LOW7;
    }

    private static final long ZEROS = broadcast((byte) '0');
    private static final long PAST_NINES = broadcast((byte) ('9' + 1));

    /** Index of the first {@code b} in {@code buf[from..to)}, or -1. */
    static int indexOf(byte[] buf, int from, int to, byte b) {
        long pattern = broadcast(b);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long m = matches(word(buf, i), pattern);
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Number of {@code b} bytes in {@code buf[from..to)}. */
    static int count(byte[] buf, int from, int to, byte b) {
        long pattern = broadcast(b);
        int n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            n += Long.bitCount(matches(word(buf, i), pattern));
        }
        for (; i < to; i++) {
            if (buf[i] == b) {
                n++;
            }
        }
        return n;
    }

    /** Index of the last {@code b} in {@code buf[from..to)}, or -1 (byte by byte: used on one line at most). */
    static int lastIndexOf(byte[] buf, int from, int to, byte b) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
