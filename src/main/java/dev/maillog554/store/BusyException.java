package dev.maillog554.store;

/** Another run holds the history database. */
public class BusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line: what is busy and what to do */
    public BusyException(String message) {
        super(message);
    }
}
