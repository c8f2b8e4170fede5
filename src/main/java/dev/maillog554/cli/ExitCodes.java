package dev.maillog554.cli;

/** The exit codes of every command, documented in {@code --help} and the README. */
public final class ExitCodes {

    /** Finished; for scan, whether or not rejections were found. */
    public static final int OK = 0;
    /** Runtime failure: the database or the report folder could not be used. */
    public static final int FAILURE = 1;
    /** Bad usage, or some input could not be read (the others were still processed). */
    public static final int BAD_INPUT = 2;
    /** Lines were read but none was recognised as Postfix or Exim. */
    public static final int NOT_RECOGNISED = 3;
    /** The rejection count passed the --fail-if-count threshold (for monitoring). */
    public static final int THRESHOLD = 4;
    /** Another run holds the database (use --wait to queue behind it). */
    public static final int BUSY = 5;

    /** For picocli's {@code exitCodeList}. */
    static final String[] LIST = {
        "0:Finished (whether or not rejections were found).",
        "1:Runtime failure: database or report folder unusable.",
        "2:Bad usage, or some input could not be read; the others were processed.",
        "3:Lines were read but none was a Postfix or Exim line.",
        "4:More rejections than --fail-if-count allows.",
        "5:Another run is using the history database (see --wait).",
    };

    private ExitCodes() {
    }
}
