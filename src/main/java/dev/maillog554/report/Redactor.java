package dev.maillog554.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hides the local part of e-mail addresses behind a short stable hash, so reports can be shared: the same
 * address always gives the same hash, and the domain stays readable ({@code 3f2a9c1d@example.org}).
 */
public final class Redactor {

    /** A redactor that changes nothing. */
    public static final Redactor NONE = new Redactor(false);

    private final boolean enabled;

    private Redactor(boolean enabled) {
        this.enabled = enabled;
    }

    /** A redactor that hides local parts when {@code enabled}. */
    public static Redactor of(boolean enabled) {
        return enabled ? new Redactor(true) : NONE;
    }

    /** Whether local parts are hidden. */
    public boolean enabled() {
        return enabled;
    }

    /** One address (or {@code <>} / empty, which stay as they are). */
    public String address(String address) {
        if (!enabled || address.isEmpty()) {
            return address;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address.equals("<>") ? address : hash(address);
        }
        return hash(address.substring(0, at)) + address.substring(at);
    }

    /** Free text: every {@code local@domain} in it is redacted. */
    public String text(String text) {
        if (!enabled || text.indexOf('@') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int at = text.indexOf('@', i);
            if (at < 0) {
                out.append(text, i, text.length());
                break;
            }
            int start = at;
            while (start > i && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            out.append(text, i, start);
            if (start < at) {
                out.append(hash(text.substring(start, at)));
            }
            out.append('@');
            i = at + 1;
        }
        return out.toString();
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0;
    }

    private static String hash(String local) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(local.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
