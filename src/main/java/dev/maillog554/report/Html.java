package dev.maillog554.report;

/** HTML escaping for untrusted log text. */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for element content and quoted attribute values: {@code & < > " '} become entities, and
     * control characters other than tab and newline are dropped, as are {@link #hidden} ones.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if ((c >= 0x20 || c == '\t' || c == '\n') && !hidden(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * DEL, the C1 controls, and the bidi embeddings, overrides, isolates and marks: log text carrying U+202E can
     * show "gnp.exe" as "exe.png" in a page or a spreadsheet, so reports drop them (the letters of right-to-left
     * scripts need none of them to show right).
     */
    static boolean hidden(char c) {
        return (c >= 0x7f && c <= 0x9f) || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
