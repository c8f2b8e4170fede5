package dev.maillog554.store;

/** What {@link HistoryQueries#group} counts by. */
public enum GroupBy {
    /** Basic reply code, e.g. 554 (0 when the log showed only an enhanced code). */
    CODE,
    /** Enhanced status code, e.g. 5.7.1. */
    ENHANCED,
    /** Recipient domain. */
    DOMAIN,
    /** outbound or inbound. */
    DIRECTION,
    /** Cause id, e.g. relay-denied. */
    CATEGORY,
    /** Receiving provider id, empty when unknown. */
    PROVIDER,
    /** Mail server host name. */
    HOST,
    /** Calendar day (ISO date) of the event in the requested zone. */
    DAY
}
