package dev.maillog554.cli;

import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. It exists only to read the database options before Quarkus starts: the datasource is built
 * at start-up, before picocli parses the command, so {@code --db-url}, {@code --db-user},
 * {@code --db-password} and {@code --data-dir} become the configuration keys they stand for, and so do
 * {@code serve}'s {@code --host}, {@code --port} and {@code --redact} (see {@link ServeOptions}). Everything
 * else is picocli's, as with the generated main.
 */
@QuarkusMain
public final class Main {

    Main() {
    }

    /** Runs the command line. */
    public static void main(String... args) {
        DatabaseOptions.apply(args);
        EmbeddedDbGuard.awaitFree(args);
        ServeOptions.apply(args);
        Quarkus.run(PicocliRunner.class, args);
    }
}
