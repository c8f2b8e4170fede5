package dev.maillog554.ingest;

/**
 * One line of a log input, with where it came from so a report can point back to it.
 *
 * @param source the input as the user named it (a path, or {@code -} for stdin)
 * @param number the 1-based line number in that input
 * @param text   the line without its line terminator
 */
public record LogLine(String source, long number, String text) {
}
