package dev.maillog554.store;

/**
 * Rows of one direction in one bucket of time: {@code bucket} is the epoch second divided by the bucket's
 * length, floored.
 */
public record TimeBucket(long bucket, String direction, long count) {
}
