package dev.maillog554.report;

/** Makes log text safe to put in a CSV cell that a spreadsheet will open. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Neutralises formula injection: a cell that starts with {@code = + - @}, a tab or a carriage return is
     * taken as a formula by spreadsheets, so it gets a leading apostrophe (the OWASP advice). Quoting and
     * escaping of separators is left to Commons CSV.
     */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) {
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
}
