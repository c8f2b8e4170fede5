package dev.maillog554.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code journalctl -o export}: each entry is a run of fields ended by an empty line. A text field is one line,
 * {@code MESSAGE=NOQUEUE: reject: ...}; a field with a newline or binary data in it is its name on a line of
 * its own, then its size as a 64-bit little-endian number, the bytes, and a newline (systemd.io,
 * JOURNAL_EXPORT_FORMATS). The n-th entry becomes the n-th line.
 */
final class ExportRecordLines extends RecordLines {

    private final RawInput in;
    private final Map<String, String> fields = new HashMap<>();

    ExportRecordLines(InputStream in, String source, String fallbackHost, Consumer<InputProblem> problems) {
        super(source, fallbackHost, problems);
        this.in = new RawInput(in);
    }

    @Override
    boolean nextRecord() throws IOException {
        fields.clear();
        boolean any = false;
        while (true) {
            RawInput.Slice line = in.line(MAX_RECORD);
            if (line == null) {
                // journalctl ends every entry with an empty line; an entry cut short at the end still counts.
                if (any) {
                    entry();
                }
                return any;
            }
            if (line.isEmpty()) {
                if (any) {
                    entry();
                    return true;
                }
                continue;
            }
            any = true;
            if (!field(line)) {
                return false;
            }
        }
    }

    // False when the input ends inside a binary field: the entry is reported and the reading stops.
    private boolean field(RawInput.Slice line) throws IOException {
        String text = new String(line.buf(), line.from(), line.to() - line.from(), StandardCharsets.UTF_8);
        int eq = text.indexOf('=');
        if (eq >= 0) {
            fields.putIfAbsent(text.substring(0, eq), text.substring(eq + 1));
            return true;
        }
        // MESSAGE
        // <8 bytes: size, little-endian><size bytes>\n
        try {
            long size = 0;
            for (int i = 0; i < 8; i++) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException();
                }
                size |= (long) b << (8 * i);
            }
            byte[] value = in.bytes(size < 0 ? Long.MAX_VALUE : size, MAX_RECORD);
            if (in.read() != '\n') {
                bad("malformed journal export entry (binary field " + text + " not ended by a newline)");
                return false;
            }
            if (value != null) {
                fields.putIfAbsent(text, new String(value, StandardCharsets.UTF_8));
            }
            return true;
        } catch (EOFException e) {
            bad("truncated journal export entry (binary field " + text + ")");
            return false;
        }
    }

    private void entry() {
        String message = fields.get("MESSAGE");
        if (message == null) {
            emitNothing();
            return;
        }
        String stamp = fields.getOrDefault("__REALTIME_TIMESTAMP", fields.get("_SOURCE_REALTIME_TIMESTAMP"));
        String ident = fields.getOrDefault("SYSLOG_IDENTIFIER", fields.get("_COMM"));
        String pid = fields.getOrDefault("_PID", fields.get("SYSLOG_PID"));
        emit(syslogLine(stamp, fields.get("_HOSTNAME"), ident, pid, message));
    }
}
