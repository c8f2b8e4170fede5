package dev.maillog554.store;

import dev.maillog554.classify.Rejection;

/**
 * A rejection with the key that makes storing it idempotent.
 *
 * @param dedupeKey 32 hex characters: a hash of the server, the log line and its occurrence in the input
 * @param rejection what to store
 */
public record KeyedRejection(String dedupeKey, Rejection rejection) {
}
