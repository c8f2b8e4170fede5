package dev.maillog554.ingest;

import java.nio.file.Path;

/**
 * One input to scan: a file (plain, compressed, or journal or Docker records) or standard input.
 *
 * @param name the name shown in reports and messages (the path as given, or {@code -})
 * @param path the file, or null for standard input
 */
public record LogInput(String name, Path path) {

    /** Name used for standard input. */
    public static final String STDIN = "-";

    /** Standard input. */
    public static LogInput stdin() {
        return new LogInput(STDIN, null);
    }

    /** A file, named as the user or the directory listing gave it. */
    public static LogInput file(Path path) {
        return new LogInput(path.toString(), path);
    }

    public boolean isStdin() {
        return path == null;
    }
}
