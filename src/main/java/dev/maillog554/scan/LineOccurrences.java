package dev.maillog554.scan;

import java.util.HashMap;
import java.util.Map;

import dev.maillog554.aggregate.LongSet;

/**
 * Counts how often each exact line text occurred so far in one input, for {@link DedupeKey}. Almost every
 * rejection line is unique (it carries a time and a queue id or client), so a line is remembered only as a
 * 64-bit hash; the text itself is kept only for lines whose hash was seen before, i.e. real repeats.
 *
 * <p>A hash collision between two different texts gives the second one occurrence 2 instead of 1: still a
 * unique, reproducible key, so a rescan stores nothing twice.
 */
public final class LineOccurrences {

    /**
     * Lines remembered per generation. Identical lines share their second, so they sit close together (the
     * warm-up before a resumed offset relies on the same fact): two generations of this many rejection lines
     * cover any real repeat, and memory stays flat however long the input.
     */
    static final int GENERATION = 1 << 16;

    private LongSet hashes = new LongSet();
    private LongSet olderHashes = new LongSet();
    private Map<String, Integer> repeated = new HashMap<>();
    private Map<String, Integer> olderRepeated = new HashMap<>();

    /** The 1-based occurrence of this text among the lines passed so far. */
    public int next(String lineText) {
        long h = hash(lineText);
        boolean known = olderHashes.contains(h);
        if (hashes.add(h) && !known) {
            rotateWhenFull();
            return 1;
        }
        Integer before = repeated.get(lineText);
        if (before == null) {
            before = olderRepeated.getOrDefault(lineText, 1);
        }
        repeated.put(lineText, before + 1);
        rotateWhenFull();
        return before + 1;
    }

    private void rotateWhenFull() {
        if (hashes.size() >= GENERATION) {
            olderHashes = hashes;
            olderRepeated = repeated;
            hashes = new LongSet();
            repeated = new HashMap<>();
        }
    }

    // 64-bit FNV-1a over the chars: String.hashCode's 32 bits would collide too often over millions of lines.
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
