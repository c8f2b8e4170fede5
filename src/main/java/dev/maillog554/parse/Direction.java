package dev.maillog554.parse;

import java.util.Locale;

/** Who rejected whom. */
public enum Direction {
    /** A remote server rejected mail that we tried to deliver. */
    OUTBOUND,
    /** Our server rejected a client that tried to hand us mail. */
    INBOUND;

    /** Lower-case name as written in CSV files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
