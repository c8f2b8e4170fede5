package dev.maillog554.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which reply codes a scan keeps: {@code 554} by default, or a list such as {@code 550,554} or {@code 5xx}.
 *
 * <p>A line that logs only an enhanced code (Postfix cleanup and milter rejects) has reply code 0: it is
 * kept only when the filter covers its whole class (e.g. {@code 5xx} keeps {@code 5.7.1}), because the log
 * does not say which 5xx code the client was sent.
 */
public final class CodeFilter {

    private final boolean[] codes = new boolean[600];
    private final boolean[] classes = new boolean[6];
    private final String spec;

    private CodeFilter(String spec) {
        this.spec = spec;
    }

    /** Parses {@code 554}, {@code 550,554}, {@code 5xx}, {@code 4xx,5xx}. */
    public static CodeFilter parse(String spec) {
        CodeFilter f = new CodeFilter(spec.trim());
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.matches("[45]xx")) {
                int cls = p.charAt(0) - '0';
                f.classes[cls] = true;
                for (int c = cls * 100; c < cls * 100 + 100; c++) {
                    f.codes[c] = true;
                }
            } else if (p.matches("[45]\\d\\d")) {
                f.codes[Integer.parseInt(p)] = true;
            } else {
                throw new IllegalArgumentException("invalid reply code '" + part.trim()
                        + "': use codes such as 554 or 550,554, or a class such as 5xx");
            }
        }
        return f;
    }

    /** True when a rejection with these codes is kept. */
    public boolean matches(int replyCode, String enhancedCode) {
        if (replyCode > 0) {
            return replyCode < codes.length && codes[replyCode];
        }
        if (enhancedCode.isEmpty()) {
            return false;
        }
        int cls = enhancedCode.charAt(0) - '0';
        return cls >= 0 && cls < classes.length && classes[cls];
    }

    /** In a {@link #needles() needle}, this byte stands for any digit {@code 0-9}. */
    public static final byte ANY_DIGIT = '#';

    /**
     * The byte strings a line must contain to be worth decoding: each three-digit code, or for a class such as
     * {@code 5xx} its reply codes ({@code 5##}) and its enhanced codes ({@code 5.#}, for the lines that log only
     * an enhanced code); {@link #ANY_DIGIT} matches any digit.
     */
    public List<byte[]> needles() {
        List<byte[]> out = new ArrayList<>();
        for (int cls = 4; cls <= 5; cls++) {
            if (classes[cls]) {
                byte digit = (byte) ('0' + cls);
                out.add(new byte[] {digit, ANY_DIGIT, ANY_DIGIT});
                out.add(new byte[] {digit, '.', ANY_DIGIT});
            }
        }
        for (int c = 400; c < 600; c++) {
            if (codes[c] && !classes[c / 100]) {
                out.add(Integer.toString(c).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return spec;
    }
}
