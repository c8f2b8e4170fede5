package dev.maillog554.report;

/** Makes log text safe to put in a CSV cell that a spreadsheet will open. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Drops control characters (a journal record can carry any byte, and an escape sequence would reach the
     * terminal of whoever prints the file) and {@link Html#hidden} ones, then neutralises formula injection: a
     * cell that starts with {@code = + - @}, a tab or a carriage return is taken as a formula by spreadsheets,
     * so it gets a leading apostrophe (the OWASP advice). Quoting and escaping of separators is left to Commons
     * CSV.
     */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = visible(text);
        if (s.isEmpty()) {
            return "";
        }
        if (s.length() == 1 && s.charAt(0) == '-') {
            // A lone "-" (stdin as the source file) is no formula; keep it readable for scripts.
            return s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }

    private static String visible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || Html.hidden(c)) {
                StringBuilder out = new StringBuilder(s.length());
                s.chars().filter(ch -> ch >= 0x20 && !Html.hidden((char) ch)).forEach(ch -> out.append((char) ch));
                return out.toString();
            }
        }
        return s;
    }
}
