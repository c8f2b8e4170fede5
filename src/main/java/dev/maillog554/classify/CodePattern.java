package dev.maillog554.classify;

/**
 * Matches reply codes and enhanced codes against the small patterns used in rules.csv: {@code *}, {@code 554},
 * {@code 5xx}, {@code 5.7.1}, {@code 5.7.*}, {@code *.7.26}, and alternatives joined by {@code |}.
 */
final class CodePattern {

    private CodePattern() {
    }

    /** True when the pattern accepts the code; an empty code only matches {@code *}. */
    static boolean matches(String pattern, String code) {
        if (pattern.isEmpty() || "*".equals(pattern)) {
            return true;
        }
        if (code == null || code.isEmpty()) {
            return false;
        }
        for (String alt : pattern.split("\\|")) {
            if (one(alt.trim(), code)) {
                return true;
            }
        }
        return false;
    }

    private static boolean one(String alt, String code) {
        if (alt.indexOf('.') < 0 && code.indexOf('.') < 0) {
            // reply code: 'x' stands for any digit
            if (alt.length() != code.length()) {
                return false;
            }
            for (int i = 0; i < alt.length(); i++) {
                char a = Character.toLowerCase(alt.charAt(i));
                if (a != 'x' && a != code.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        String[] ps = alt.split("\\.");
        String[] cs = code.split("\\.");
        for (int i = 0; i < ps.length; i++) {
            if ("*".equals(ps[i]) && i == ps.length - 1) {
                return cs.length >= i;
            }
            if (i >= cs.length) {
                return false;
            }
            if (!"*".equals(ps[i]) && !ps[i].equals(cs[i])) {
                return false;
            }
        }
        return ps.length == cs.length;
    }
}
