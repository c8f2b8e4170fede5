package dev.maillog554.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.maillog554.parse.LineParser;
import dev.maillog554.parse.LogParser;
import io.quarkus.arc.DefaultBean;

/** Makes the real Postfix and Exim parser the scan's parser; a test profile may enable an alternative. */
@ApplicationScoped
class ParserProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    LineParser parser() {
        return new LogParser();
    }
}
