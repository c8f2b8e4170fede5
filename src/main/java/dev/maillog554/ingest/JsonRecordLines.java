package dev.maillog554.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * {@code journalctl -o json} and Docker json-file logs, one JSON object per line, read with Jackson's streaming
 * parser (no data binding, so nothing to register for reflection in the native image).
 */
final class JsonRecordLines extends RecordLines {

    private static final JsonFactory JSON = new JsonFactory();

    // The journal fields a syslog line is made of; journalctl -o json writes every value as a string.
    private static final Set<String> JOURNAL_FIELDS = Set.of("MESSAGE", "SYSLOG_IDENTIFIER", "_COMM", "_PID",
            "SYSLOG_PID", "_HOSTNAME", "__REALTIME_TIMESTAMP", "_SOURCE_REALTIME_TIMESTAMP");
    private static final Set<String> DOCKER_FIELDS = Set.of("log", "time");

    private final RawInput in;
    private final boolean docker;
    // Docker splits container output longer than 16 KiB into records whose "log" lacks the final "\n".
    private final StringBuilder partial = new StringBuilder();

    JsonRecordLines(InputStream in, RecordFormat format, String source, String fallbackHost,
                    Consumer<InputProblem> problems) {
        super(source, fallbackHost, problems);
        this.in = new RawInput(in);
        this.docker = format == RecordFormat.DOCKER_JSON;
    }

    @Override
    boolean nextRecord() throws IOException {
        RawInput.Slice raw = in.line(MAX_RECORD);
        if (raw == null) {
            return false;
        }
        if (raw.cut()) {
            bad("record longer than " + MAX_RECORD + " bytes");
            return true;
        }
        if (raw.isEmpty()) {
            emitNothing();
            return true;
        }
        Map<String, String> fields;
        try {
            fields = fields(raw, docker ? DOCKER_FIELDS : JOURNAL_FIELDS);
        } catch (JsonProcessingException e) {
            // A live Docker log's last line may still be being written: the next run reads it whole.
            if (raw.terminated()) {
                bad("malformed " + (docker ? RecordFormat.DOCKER_JSON : RecordFormat.JOURNAL_JSON).label
                        + " record (" + e.getOriginalMessage() + ")");
            }
            return raw.terminated();
        }
        if (docker) {
            docker(fields);
        } else {
            String message = fields.get("MESSAGE");
            if (message == null) {
                emitNothing();
            } else {
                String stamp = fields.getOrDefault("__REALTIME_TIMESTAMP", fields.get("_SOURCE_REALTIME_TIMESTAMP"));
                String ident = fields.getOrDefault("SYSLOG_IDENTIFIER", fields.get("_COMM"));
                String pid = fields.getOrDefault("_PID", fields.get("SYSLOG_PID"));
                emit(syslogLine(stamp, fields.get("_HOSTNAME"), ident, pid, message));
            }
        }
        return true;
    }

    private void docker(Map<String, String> fields) {
        String log = fields.get("log");
        if (log == null) {
            bad("Docker json-file record without \"log\"");
            return;
        }
        if (!log.endsWith("\n")) {
            partial.append(log);
            emitNothing();
            return;
        }
        String text = partial.append(log, 0, log.length() - 1).toString();
        partial.setLength(0);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        String time = fields.get("time");
        emit(stamped(text) || time == null || text.isEmpty() ? text : time + " " + text);
    }

    /**
     * Whether container output carries its own stamp, which is kept: Postfix's {@code maillog_file = /dev/stdout}
     * writes {@code Mar 03 10:15:01 mx1 postfix/smtpd[2211]: ...}, Exim {@code 2026-03-03 10:15:01 1vQx...}, a
     * syslog daemon {@code <22>...} or RFC 3339. Other output gets Docker's own {@code time} in front.
     */
    static boolean stamped(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c >= '0' && c <= '9' || c == '<') {
            return true;
        }
        return text.length() > 4 && text.charAt(3) == ' '
                && "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(text.substring(0, 3)) % 3 == 0;
    }

    /** The wanted fields of one JSON object; a field given as an array of bytes (non-UTF-8 data) is decoded. */
    private static Map<String, String> fields(RawInput.Slice raw, Set<String> wanted) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(raw.buf(), raw.from(), raw.to() - raw.from())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (wanted.contains(name)) {
                    String value = value(p, v);
                    if (value != null) {
                        out.put(name, value);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new JsonParseException(p, "text after the object");
            }
        }
        return out;
    }

    // "MESSAGE":"text", "MESSAGE":[78,79,...] (bytes, for non-UTF-8 or control characters), "MESSAGE":["a","b"]
    // (a field set twice: the first value counts) or "MESSAGE":null (longer than journalctl's 4 KiB limit).
    private static String value(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_ARRAY) {
            return v.isScalarValue() ? p.getText() : skip(p);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String first = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonParseException(p, "unfinished array");
            }
            if (t == JsonToken.VALUE_NUMBER_INT) {
                bytes.write(p.getIntValue());
            } else if (first == null && t == JsonToken.VALUE_STRING) {
                first = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return first != null ? first : bytes.size() > 0 ? bytes.toString(StandardCharsets.UTF_8) : null;
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
