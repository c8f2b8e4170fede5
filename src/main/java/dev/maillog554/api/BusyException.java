package dev.maillog554.api;

/** More requests wait for the history than it can answer in time: {@code 503} with {@code Retry-After}. */
public class BusyException extends RuntimeException {

    /** Seconds a client should wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 10;

    BusyException() {
        super("the server is busy answering other requests for the history: try again in " + RETRY_AFTER_SECONDS
                + " seconds", null, false, false);
    }
}
