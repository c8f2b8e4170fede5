package dev.maillog554.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.maillog554.report.Redactor;

/** How the API presents data; {@code serve --redact} sets {@code maillog554.api.redact} before start-up. */
@ApplicationScoped
public class ApiSettings {

    @ConfigProperty(name = "maillog554.api.redact", defaultValue = "false")
    boolean redact;

    /** Hides local parts of addresses in every response when redaction is on. */
    public Redactor redactor() {
        return Redactor.of(redact);
    }
}
