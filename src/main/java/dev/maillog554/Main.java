package dev.maillog554;

import dev.maillog554.cli.Startup;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The application's entry point, and the only class in the root package. What must happen before Quarkus
 * starts (database and serve options, the embedded database's lock, start-up failures as one line) is
 * {@link Startup}'s work; the commands are picocli classes in {@code cli}.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        Startup.run(args);
    }
}
