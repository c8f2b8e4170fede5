package dev.maillog554.api.dto;

/** A log line or SMTP reply text to explain. */
public record ExplainRequest(String text) {
}
