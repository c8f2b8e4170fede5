package dev.maillog554.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Lets go of the guard's start-up connection once Flyway has run and the pool holds the database. */
@ApplicationScoped
class StartupRelease {

    void onStart(@Observes StartupEvent event) {
        EmbeddedDbGuard.release();
    }
}
