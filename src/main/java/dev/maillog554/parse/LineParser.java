package dev.maillog554.parse;

import java.util.Optional;

import dev.maillog554.ingest.LogLine;

/** Turns one log line into a rejection event. Implementations do no I/O, read no clock and never log. */
public interface LineParser {

    /**
     * Parses one line.
     *
     * @return the rejection the line records, or empty when the line is not an SMTP rejection (4xx or 5xx)
     *         of this parser's MTA. Must never throw on malformed input.
     */
    Optional<RejectionEvent> parse(LogLine line, ParseContext ctx);
}
