package dev.maillog554.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.maillog554.aggregate.Aggregator;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.classify.Category;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.FixtureEvents;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;

/**
 * Rejections built by hand, hostile text included, so report tests do not depend on the parsers; and counts of a
 * real log through the real parser and classifier ({@link #fromLog}).
 */
final class SampleCounts {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(2)>";
    static final String JS_URL = "javascript:alert(3)";

    private SampleCounts() {
    }

    static Rejection rejection(String time, Direction dir, String rcpt, String enhanced, String message,
                               Category cat, long line, String... tips) {
        String domain = rcpt.substring(rcpt.lastIndexOf('@') + 1);
        RejectionEvent e = new RejectionEvent(Instant.parse(time), dir,
                dir == Direction.INBOUND ? DeliveryStatus.REJECTED : DeliveryStatus.BOUNCED, Mta.POSTFIX, "mx1",
                dir == Direction.INBOUND ? "" : "4F2A31C0D2", "alice.sender@example.net", rcpt, domain, 554,
                enhanced, "RCPT", "mx." + domain, "198.51.100.7", message, "mail.log", line);
        return new Rejection(e, new Diagnosis(cat, "", dir == Direction.OUTBOUND ? "spamhaus" : "", "", "",
                List.of(tips)));
    }

    /** A few days of mixed rejections, one of them carrying HTML, a script URL and a formula. */
    static List<Rejection> rejections() {
        return List.of(
                rejection("2024-11-25T10:00:01Z", Direction.INBOUND, "bob@example.org", "5.7.1",
                        "<bob@example.org>: Relay access denied", new Category("relay-denied"), 1,
                        "Check mynetworks and permit_sasl_authenticated."),
                rejection("2024-11-26T10:05:00Z", Direction.OUTBOUND, "carol@example.com", "5.7.1",
                        "Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org",
                        new Category("blocklisted"), 2,
                        "Look up 192.0.2.10 at check.spamhaus.org and request delisting."),
                rejection("2024-11-26T11:05:00Z", Direction.OUTBOUND, "dave@example.com", "5.7.1",
                        "Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org",
                        new Category("blocklisted"), 3,
                        "Look up 192.0.2.10 at check.spamhaus.org and request delisting."),
                rejection("2024-11-27T09:00:00Z", Direction.OUTBOUND, "erin@example.com", "5.7.1",
                        "Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org",
                        new Category("blocklisted"), 4),
                rejection("2024-11-27T12:00:00Z", Direction.OUTBOUND, "frank@evil.example", "",
                        SCRIPT + " " + IMG + " " + JS_URL, Category.UNKNOWN, 5, "Tip with " + SCRIPT),
                rejection("2024-11-27T12:30:00Z", Direction.INBOUND, "grace@example.org", "5.7.1",
                        "=HYPERLINK(\"http://x.example\") Relay access denied", new Category("relay-denied"), 6));
    }

    static Counts counts() {
        Aggregator a = new Aggregator(ZoneOffset.UTC);
        rejections().forEach(a::add);
        return a.result();
    }

    /** Counts from real log lines, through the real parser and classifier. */
    static Counts fromLog(Path log) throws IOException {
        Classifier classifier = Classifier.load();
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.parse("2026-12-01T00:00:00Z"));
        Aggregator a = new Aggregator(ZoneOffset.UTC);
        for (RejectionEvent e : FixtureEvents.parse(log.toString(), log, ctx)) {
            a.add(new Rejection(e, classifier.classify(e)));
        }
        return a.result();
    }

    static ReportMeta meta() {
        return new ReportMeta("mail.log", Instant.parse("2024-11-28T06:00:00Z"), List.of("mail.log"), "554");
    }
}
