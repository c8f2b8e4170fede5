package dev.maillog554.store;

import java.util.UUID;

import dev.maillog554.classify.Rejection;

/**
 * A rejection with the key that makes storing it idempotent.
 *
 * @param dedupeKey a 128-bit hash of the server, the log line and its occurrence in the input ({@link DedupeKey})
 * @param rejection what to store
 */
public record KeyedRejection(UUID dedupeKey, Rejection rejection) {
}
