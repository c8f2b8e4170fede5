package dev.maillog554.scan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The identity of a stored rejection: the server, the exact log line and how many identical lines came before
 * it in the same input. The same line read again (a rescan, or Exim's reject log repeating its main log)
 * gets the same key and is stored once; two identical lines in one second are still two rejections.
 */
public final class DedupeKey {

    // One digest per reader thread: looking the algorithm up cost as much as hashing a line.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    });

    private DedupeKey() {
    }

    /**
     * The first 128 bits of SHA-256 as a UUID (stored as one: 16 bytes, compared as two numbers). Its text form
     * without the dashes is the 32 hex characters that releases before the V5 migration stored.
     */
    public static UUID of(String host, String lineText, int occurrence) {
        MessageDigest md = SHA_256.get();
        md.reset();
        md.update(host.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
        md.update(lineText.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
        md.update(Integer.toString(occurrence).getBytes(StandardCharsets.US_ASCII));
        ByteBuffer digest = ByteBuffer.wrap(md.digest()); // big-endian, as the hex text read it
        return new UUID(digest.getLong(), digest.getLong());
    }
}
