package dev.maillog554.store;

/**
 * How many stored rejections share one value.
 *
 * @param key   the value, as text (a day is an ISO date)
 * @param count how many
 */
public record GroupCount(String key, long count) {
}
