package dev.maillog554.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.maillog554.ingest.LogLine;

/** Real log lines through the real {@link LogParser}, one context for the whole log: the tests' one parse loop. */
public final class FixtureEvents {

    private FixtureEvents() {
    }

    /** The events of {@code lines}, in order, each naming {@code source} and its line number. */
    public static List<RejectionEvent> parse(String source, List<String> lines, ParseContext ctx) {
        LogParser parser = new LogParser();
        List<RejectionEvent> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parser.parse(new LogLine(source, i + 1, lines.get(i)), ctx).ifPresent(out::add);
        }
        return out;
    }

    /** The events of a UTF-8 log file, naming it by {@code source}. */
    public static List<RejectionEvent> parse(String source, Path log, ParseContext ctx) throws IOException {
        return parse(source, Files.readAllLines(log, StandardCharsets.UTF_8), ctx);
    }
}
