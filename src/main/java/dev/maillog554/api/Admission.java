package dev.maillog554.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets at most {@code maillog554.api.concurrent-queries} requests read the history at once; the others wait in
 * arrival order for up to {@code maillog554.api.queue-wait}, then get {@code 503} with {@code Retry-After}
 * ({@link BusyException}).
 *
 * <p>Why: every worker thread that took a request used to ask the connection pool for a connection, and beyond
 * the pool's size each waited five seconds and failed with a 500 ("Unable to acquire JDBC Connection"): 50
 * parallel requests got 57% errors. With no more places than connections, a request never waits for a
 * connection, only here, where the wait is long and its end is a clear answer.
 */
@ApplicationScoped
public class Admission {

    private final Semaphore places;
    private final long waitNanos;

    Admission(@ConfigProperty(name = "maillog554.api.concurrent-queries", defaultValue = "4") int places,
              @ConfigProperty(name = "maillog554.api.queue-wait", defaultValue = "PT60S") Duration wait) {
        this.places = new Semaphore(Math.max(1, places), true);
        this.waitNanos = wait.toNanos();
    }

    /** How long a request may wait, for a place or for an answer another request is computing. */
    long waitNanos() {
        return waitNanos;
    }

    /** Runs {@code query} once a place is free. */
    <T> T call(Supplier<T> query) {
        try {
            if (!places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        try {
            return query.get();
        } finally {
            places.release();
        }
    }
}
