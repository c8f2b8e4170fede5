package dev.maillog554.api.dto;

/** A 400 answer: what is wrong, and with which parameter. */
public record ErrorBody(String error, String parameter) {
}
