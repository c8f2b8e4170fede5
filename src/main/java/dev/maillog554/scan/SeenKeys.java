package dev.maillog554.scan;

import java.util.UUID;

import dev.maillog554.aggregate.LongSet;

/**
 * Dedupe keys already handled in one scan, kept as the first 64 bits of each key (a scan keeps only the keys
 * that an earlier run stored: the database knows the ones it stored itself). Two different keys share
 * those bits with a probability of about n²/2^65 (below one in a million for five million rejections).
 */
public final class SeenKeys {

    private final LongSet fingerprints = new LongSet();

    /** True when the key was not seen before in this scan. */
    public boolean add(UUID dedupeKey) {
        return fingerprints.add(dedupeKey.getMostSignificantBits());
    }
}
