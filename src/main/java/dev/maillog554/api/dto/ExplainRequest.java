package dev.maillog554.api.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A log line or SMTP reply text to explain. */
// ExplainResource reads it with Jackson itself, so RESTEasy no longer registers it for the native image.
@RegisterForReflection
public record ExplainRequest(String text) {
}
