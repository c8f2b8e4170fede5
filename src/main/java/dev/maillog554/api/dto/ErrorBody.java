package dev.maillog554.api.dto;

/** An error answer (400, 404, 503): what is wrong, and with which parameter (null when none is at fault). */
public record ErrorBody(String error, String parameter) {
}
