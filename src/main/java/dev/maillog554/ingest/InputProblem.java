package dev.maillog554.ingest;

/**
 * Something wrong with an input that did not stop the run: the message names the input and, where it
 * applies, the line.
 *
 * @param source  the input as the user named it
 * @param line    the 1-based line number, or 0 when the problem is not about one line
 * @param message one lower-case sentence: what failed and what to do
 */
public record InputProblem(String source, long line, String message) {

    /** The one-line form printed on stderr: {@code maillog554: <source>[:<line>]: <message>}. */
    public String render() {
        return "maillog554: " + source + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
