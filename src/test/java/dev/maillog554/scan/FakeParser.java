package dev.maillog554.scan;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import dev.maillog554.ingest.LogLine;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.LineParser;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;

/**
 * A tiny parser for store tests, independent of the real parsers: {@code <ISO instant> fake <code> <domain> <id>}.
 * Enabled only by {@link FakeParserProfile}.
 */
@Alternative
@Singleton
public class FakeParser implements LineParser {

    /** One line in the fake format. */
    public static String line(Instant at, int code, String domain, int id) {
        return at + " fake " + code + " " + domain + " " + id + "\n";
    }

    @Override
    public Optional<RejectionEvent> parse(LogLine line, ParseContext ctx) {
        String[] f = line.text().split(" ");
        if (f.length < 5 || !"fake".equals(f[1])) {
            return Optional.empty();
        }
        ctx.markRecognised();
        int code = Integer.parseInt(f[2]);
        return Optional.of(new RejectionEvent(Instant.parse(f[0]), Direction.OUTBOUND, DeliveryStatus.BOUNCED,
                Mta.POSTFIX, "", "Q" + f[4], "a@example.net", "bob@" + f[3], f[3], code, "5.7.1", "RCPT",
                "mx." + f[3], "203.0.113.9", "rejected " + f[4], line.source(), line.number()));
    }
}
