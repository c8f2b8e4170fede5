package dev.maillog554.classify;

import java.util.Objects;

import dev.maillog554.parse.RejectionEvent;

/** A rejection with its diagnosis: what aggregation, storage and reports work on. */
public record Rejection(RejectionEvent event, Diagnosis diagnosis) {

    public Rejection {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(diagnosis, "diagnosis");
    }
}
