package dev.maillog554.parse;

/** The mail transfer agent that wrote a log line. */
public enum Mta {
    POSTFIX, EXIM;

    /** Lower-case name as written in CSV files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
