package dev.maillog554.cli;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.maillog554.classify.ClassifyFolder;
import io.quarkus.runtime.StartupEvent;

/**
 * Forgets the previous command's {@code --classify-dir} at every start of the application. A process runs one
 * command, so in production this changes nothing; tests start the application many times in one JVM, and a
 * REST test must not inherit the folder a command test chose before it.
 */
@Singleton
class ClassifyFolderReset {

    void onStart(@Observes StartupEvent start) {
        ClassifyFolder.choose(null);
    }
}
