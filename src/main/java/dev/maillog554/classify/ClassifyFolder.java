package dev.maillog554.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which classify folder this process reads before the shipped files: the one a command was given
 * ({@code --classify-dir}), else the configuration key {@value #CONFIG_KEY} (environment variable
 * {@code MAILLOG554_CLASSIFY_DIR}), else none. Also keeps the classifiers built from folders, so that the
 * services that each ask for the classifier share one, and a file changed since is read again.
 */
public final class ClassifyFolder {

    /** The configuration key of the folder. */
    public static final String CONFIG_KEY = "maillog554.classify-dir";

    /** A command's {@code --classify-dir}, null when it was given none. */
    private static volatile Path chosen;

    private static final int KEEP = 4;
    private static final Map<String, Classifier> BUILT = new LinkedHashMap<>(KEEP * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Classifier> eldest) {
            return size() > KEEP;
        }
    };

    private ClassifyFolder() {
    }

    /**
     * Records a command's {@code --classify-dir} for this process; null when the command was given none, so the
     * configured folder applies. Every command that classifies calls this first (tests run many in one JVM).
     */
    public static void choose(Path folder) {
        chosen = folder;
    }

    /** The folder in use: the command's, else the configured one, else none (the shipped files alone). */
    public static Optional<Path> current() {
        Path c = chosen;
        if (c != null) {
            return Optional.of(c);
        }
        return ConfigProvider.getConfig().getOptionalValue(CONFIG_KEY, String.class)
                .filter(s -> !s.isBlank())
                .map(Path::of);
    }

    /** The classifier built for the folder's files as they are now, built by {@code build} when there is none. */
    static Classifier cached(Path folder, Supplier<Classifier> build) {
        String key = stamp(folder);
        synchronized (BUILT) {
            Classifier c = BUILT.get(key);
            if (c != null) {
                return c;
            }
        }
        Classifier c = build.get();
        synchronized (BUILT) {
            BUILT.put(key, c);
        }
        return c;
    }

    // The folder and, per data file, its size and modification time: an edited file gives a new key.
    private static String stamp(Path folder) {
        StringBuilder b = new StringBuilder(folder.toAbsolutePath().normalize().toString());
        for (String name : ClassifyData.FILES) {
            b.append('|');
            try {
                BasicFileAttributes a = Files.readAttributes(folder.resolve(name), BasicFileAttributes.class);
                b.append(a.size()).append('@').append(a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                b.append('-');
            }
        }
        return b.toString();
    }
}
