package dev.maillog554.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * How an input's (decompressed) content holds its log lines: as text, or as records that a log collector wrote
 * and that are turned back into syslog-style text lines ({@link JsonRecordLines}, {@link ExportRecordLines}).
 * Told apart by the first record, per input, so {@code -} and any file name work.
 */
enum RecordFormat {
    /** Plain syslog or MTA log lines. */
    TEXT("text"),
    // {"__CURSOR":"s=3f1c...;i=1a2b","__REALTIME_TIMESTAMP":"1772532901123456",...,"MESSAGE":"NOQUEUE: ..."}
    /** {@code journalctl -o json}: one JSON object per line. */
    JOURNAL_JSON("journal JSON"),
    // __CURSOR=s=3f1c...;i=1a2b
    // __REALTIME_TIMESTAMP=1772532901123456
    // MESSAGE=NOQUEUE: ...
    /** {@code journalctl -o export}: {@code KEY=value} lines, binary fields length-prefixed, a blank line per entry. */
    JOURNAL_EXPORT("journal export"),
    // {"log":"Mar 03 10:15:01 mx1 postfix/smtpd[2211]: NOQUEUE: ...\n","stream":"stdout","time":"2026-03-03T..Z"}
    /** Docker's json-file log driver: one JSON object per line of container output. */
    DOCKER_JSON("Docker json-file");

    /** How far into the first record the format is looked for; journal JSON names its stamp in the first 200. */
    private static final int PEEK = 16 * 1024;

    /** The name used in problem messages. */
    final String label;

    RecordFormat(String label) {
        this.label = label;
    }

    /** The format of the stream's content, from its first line; the stream is left where it was. */
    static RecordFormat of(BufferedInputStream in) throws IOException {
        String first = firstLine(in);
        if (first.startsWith("{\"log\":")) {
            return DOCKER_JSON;
        }
        if (first.startsWith("{") && (first.contains("\"__REALTIME_TIMESTAMP\":") || first.contains("\"MESSAGE\":"))) {
            return JOURNAL_JSON;
        }
        if (first.startsWith("__CURSOR=") || first.startsWith("__REALTIME_TIMESTAMP=") || first.startsWith("MESSAGE=")
                || first.startsWith("_") && isExportField(first)) {
            return JOURNAL_EXPORT;
        }
        return TEXT;
    }

    // Reads no further than the first newline: a decompressor's error after it must stay for the line reader,
    // which reports it after the lines before it (InflaterThread hands an error over only once).
    private static String firstLine(BufferedInputStream in) throws IOException {
        in.mark(PEEK + 1);
        byte[] head = new byte[PEEK];
        int n = 0;
        int nl = -1;
        while (nl < 0 && n < PEEK) {
            int r = in.read(head, n, PEEK - n);
            if (r < 0) {
                break;
            }
            nl = ByteScan.indexOf(head, n, n + r, (byte) '\n');
            n += r;
        }
        in.reset();
        return new String(head, 0, nl < 0 ? n : nl, StandardCharsets.ISO_8859_1);
    }

    // An export field line: an upper-case journal field name, then '='; no syslog or MTA line starts like this.
    private static boolean isExportField(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char c = line.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The content as text lines, one per record, numbered as the records are.
     *
     * @param firstReported records up to this number were read by an earlier run: their problems are not repeated
     */
    InputStream lines(InputStream in, String source, String fallbackHost, long firstReported,
                      Consumer<InputProblem> problems) {
        Consumer<InputProblem> sink = p -> {
            if (p.line() > firstReported) {
                problems.accept(p);
            }
        };
        return switch (this) {
            case TEXT -> in;
            case JOURNAL_JSON, DOCKER_JSON -> new JsonRecordLines(in, this, source, fallbackHost, sink);
            case JOURNAL_EXPORT -> new ExportRecordLines(in, source, fallbackHost, sink);
        };
    }
}
