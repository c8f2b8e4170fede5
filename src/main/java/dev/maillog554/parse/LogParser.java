package dev.maillog554.parse;

import java.util.Optional;

import dev.maillog554.ingest.LogLine;

/**
 * Parses lines of mixed Postfix and Exim logs: picks the parser by a cheap look at the line (Exim's own stamp,
 * else the syslog program tag, else a bare Postfix message) and counts every line it recognises in the context.
 * Never throws on malformed input.
 */
public final class LogParser implements LineParser {

    private final PostfixParser postfix = new PostfixParser();
    private final EximParser exim = new EximParser();

    @Override
    public Optional<RejectionEvent> parse(LogLine line, ParseContext ctx) {
        if (line == null || line.text() == null || line.text().isEmpty()) {
            return Optional.empty();
        }
        String text = line.text();
        if (!text.isEmpty() && Replies.isDigit(text.charAt(0)) && EximStamp.read(text, 0, ctx) != null) {
            return exim.parse(line, ctx);
        }
        SyslogPrefix p = SyslogPrefix.split(text, ctx);
        if (PostfixParser.isPostfix(p.program)) {
            ctx.markRecognised();
            return postfix.parse(p, line, ctx);
        }
        if (EximParser.isExim(p.program)) {
            ctx.markRecognised();
            return exim.parse(p, line, ctx);
        }
        if (p.program.isEmpty() && PostfixParser.looksLikeBareMessage(p.message)) {
            ctx.markRecognised();
            return postfix.parse(p, line, ctx);
        }
        return Optional.empty();
    }
}
