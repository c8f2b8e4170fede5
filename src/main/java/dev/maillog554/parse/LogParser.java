package dev.maillog554.parse;

import java.util.Optional;

import dev.maillog554.ingest.LogLine;

/** Placeholder: the Postfix and Exim parsers replace this (issue 2). */
public final class LogParser implements LineParser {

    @Override
    public Optional<RejectionEvent> parse(LogLine line, ParseContext ctx) {
        return Optional.empty();
    }
}
