package dev.maillog554.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The token {@code serve} demands in {@code Authorization: Bearer <token>}, checked in constant time. */
final class BearerToken {

    private static final String SCHEME = "bearer ";

    private final byte[] digest;

    private BearerToken(String token) {
        this.digest = sha256(token);
    }

    /** A token to demand; null or blank means none is demanded. */
    static BearerToken of(String token) {
        return token == null || token.isBlank() ? null : new BearerToken(token.strip());
    }

    /** True when {@code authorization}, an Authorization header's value, carries this token. */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.length() < SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return false;
        }
        // Digests of equal length, compared by MessageDigest.isEqual, which does not stop at the first
        // difference: the time taken tells an attacker neither the token's length nor how much of it matched.
        return MessageDigest.isEqual(digest, sha256(authorization.substring(SCHEME.length()).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
