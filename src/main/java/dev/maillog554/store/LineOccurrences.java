package dev.maillog554.store;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts how often each exact line text occurred so far in one input, for {@link DedupeKey}. Almost every
 * rejection line is unique (it carries a time and a queue id or client), so a line is remembered only as a
 * 64-bit hash; the text itself is kept only for lines whose hash was seen before, i.e. real repeats.
 *
 * <p>A hash collision between two different texts gives the second one occurrence 2 instead of 1: still a
 * unique, reproducible key, so a rescan stores nothing twice.
 */
public final class LineOccurrences {

    private final LongSet hashes = new LongSet();
    private final Map<String, Integer> repeated = new HashMap<>();

    /** The 1-based occurrence of this text among the lines passed so far. */
    public int next(String lineText) {
        if (hashes.add(hash(lineText))) {
            return 1;
        }
        return repeated.merge(lineText, 2, (n, one) -> n + 1);
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
