package dev.maillog554.aggregate;

import java.util.Arrays;

/**
 * A set of 64-bit fingerprints in one open-addressed {@code long[]}: 8 to 16 bytes per entry instead of the
 * ~100 bytes of a {@code HashSet<String>} entry, so a scan that finds millions of rejections stays small, and so
 * do the distinct recipients of hundreds of thousands of report groups. Not thread-safe.
 */
public final class LongSet {

    // 0 marks a free slot; the fingerprint 0 itself is tracked apart.
    private long[] slots;
    private int size;
    private boolean hasZero;

    /** A set sized for many entries (the scan's dedupe keys). */
    public LongSet() {
        this(1024);
    }

    /** @param slots initial table size, a power of two (a report group starts with a few) */
    public LongSet(int slots) {
        if (slots < 2 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.slots = new long[slots];
    }

    /** Adds every fingerprint of {@code other}. */
    public void addAll(LongSet other) {
        if (other.hasZero) {
            hasZero = true;
        }
        for (long v : other.slots) {
            if (v != 0) {
                add(v);
            }
        }
    }

    /** Adds {@code v}; false when it was already there. */
    public boolean add(long v) {
        if (v == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int mask = slots.length - 1;
        for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == v) {
                return false;
            }
            if (slots[i] == 0) {
                slots[i] = v;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
        }
    }

    /** True when {@code v} was added. */
    public boolean contains(long v) {
        if (v == 0) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = mix(v) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** Number of fingerprints held. */
    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(v -> v != 0).forEach(this::add);
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
