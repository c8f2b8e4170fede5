package dev.maillog554.parse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Runs a fixture through {@link LogParser} with a fixed zone and reference time and renders one line per event. */
final class GoldenRender {

    /** Fixed so that golden output never depends on the clock; Dec 31 lines resolve to 2026, Jan lines to 2027. */
    static final Instant REFERENCE = Instant.parse("2027-01-02T00:00:00Z");

    private GoldenRender() {
    }

    static ParseContext context() {
        return new ParseContext(ZoneOffset.UTC, REFERENCE);
    }

    static List<RejectionEvent> events(Path log) throws IOException {
        return FixtureEvents.parse(log.getFileName().toString(), log, context());
    }

    static String render(List<RejectionEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (RejectionEvent e : events) {
            sb.append("line=").append(e.line())
                    .append(" dir=").append(e.direction().label())
                    .append(" status=").append(e.status().label())
                    .append(" mta=").append(e.mta().label())
                    .append(" code=").append(e.replyCode())
                    .append(" enh=").append(e.enhancedCode())
                    .append(" qid=").append(e.queueId())
                    .append(" from=").append(e.sender())
                    .append(" rcpt=").append(e.recipient())
                    .append(" domain=").append(e.recipientDomain())
                    .append(" stage=").append(e.stage())
                    .append(" rhost=").append(e.remoteHost())
                    .append(" rip=").append(e.remoteIp())
                    .append(" host=").append(e.host())
                    .append("|time=").append(e.time() == null ? "-" : e.time().toString())
                    .append("|msg=").append(e.message())
                    .append('\n');
        }
        return sb.toString();
    }
}
