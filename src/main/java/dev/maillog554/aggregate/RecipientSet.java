package dev.maillog554.aggregate;

/**
 * The distinct recipient addresses of one report group, so that "12 deferrals, 1 recipient" can be told from
 * 12 refused recipients: a message retried every hour is one recipient with many rejections.
 *
 * <p>Addresses are compared without case (mail systems treat {@code Bob@Example.org} and {@code bob@example.org}
 * as one mailbox in practice) and kept as 64-bit fingerprints; two addresses share one with a probability of
 * about n²/2^65. Rejections that name no recipient (a refused connection or HELO) are not counted. Not
 * thread-safe.
 */
public final class RecipientSet {

    private final LongSet fingerprints = new LongSet(4);

    /** Counts {@code recipient} unless it is empty. */
    public void add(String recipient) {
        if (recipient != null && !recipient.isEmpty()) {
            fingerprints.add(fingerprint(recipient));
        }
    }

    /**
     * Counts a recipient by its {@link #fingerprint}, for a caller that adds one rejection to several groups and
     * computes it once.
     */
    public void addFingerprint(long fingerprint) {
        fingerprints.add(fingerprint);
    }

    /** Adds every recipient of {@code other}. */
    public void addAll(RecipientSet other) {
        fingerprints.addAll(other.fingerprints);
    }

    /** How many distinct recipients were added. */
    public long size() {
        return fingerprints.size();
    }

    /**
     * A non-empty address's fingerprint: FNV-1a over its lower-cased characters (no lower-cased copy is made),
     * then MurmurHash3's finaliser to spread FNV's weak high bits.
     */
    public static long fingerprint(String recipient) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < recipient.length(); i++) {
            h ^= Character.toLowerCase(recipient.charAt(i));
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
