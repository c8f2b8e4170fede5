package dev.maillog554.api;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.maillog554.report.Redactor;

/**
 * How the API presents data and whom it serves; {@code serve --redact} and {@code --token-file} set these keys
 * before start-up.
 */
@ApplicationScoped
public class ApiSettings {

    @ConfigProperty(name = "maillog554.api.redact", defaultValue = "false")
    boolean redact;

    // serve --token-file sets it before start-up; MAILLOG554_API_TOKEN is the same key from the environment.
    @ConfigProperty(name = "maillog554.api.token")
    Optional<String> token;

    /** Hides local parts of addresses in every response when redaction is on. */
    public Redactor redactor() {
        return Redactor.of(redact);
    }

    /** The bearer token every request must carry; empty when none is demanded. */
    public Optional<String> token() {
        return token.filter(t -> !t.isBlank());
    }
}
