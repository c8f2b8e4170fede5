package dev.maillog554.classify;

/**
 * One thing wrong with a classifier data file, where a text editor can jump to it.
 *
 * @param file    the file as the postmaster knows it: the path in their classify folder, or
 *                {@code classify/<name>} for a shipped file
 * @param line    1-based line number (of the header when the problem is a column); 0 for the whole file or folder
 * @param message what is wrong and, where it helps, what is expected
 */
public record RuleProblem(String file, long line, String message) {

    /** {@code FILE:LINE: message}, the form compilers use ({@code FILE: message} for line 0). */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
