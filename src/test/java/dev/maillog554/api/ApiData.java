package dev.maillog554.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.scan.ScanRequest;
import dev.maillog554.scan.ScanResult;
import dev.maillog554.scan.ScanService;

/**
 * Real Postfix lines for one mail server, loaded through the real scan path. Storing is idempotent (the
 * dedupe key hashes host and line), so every test can load them again and sees the same rows.
 */
final class ApiData {

    /** A host no other test class writes, so filtered answers are exact. */
    static final String HOST = "mx-api-test";

    static final String INBOUND = "Nov 27 10:00:01 " + HOST + " postfix/smtpd[2211]: NOQUEUE: reject: RCPT from "
            + "unknown[203.0.113.9]: 554 5.7.1 <bob@example.org>: Relay access denied; from=<a@example.net> "
            + "to=<bob@example.org> proto=ESMTP helo=<x>";

    static String bounce(String time, String queue, String rcpt, String reply) {
        return time + " " + HOST + " postfix/smtp[3311]: " + queue + ": to=<" + rcpt + ">, "
                + "relay=mx.example.com[198.51.100.7]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=5.7.1, status=bounced "
                + "(host mx.example.com[198.51.100.7] said: " + reply + " (in reply to RCPT TO command))";
    }

    static final String BLOCKED = "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using "
            + "zen.spamhaus.org";
    static final String HOSTILE = "554 5.7.1 <script>alert(1)</script> \"><img src=x onerror=alert(2)> "
            + "javascript:alert(3)";

    static final List<String> LINES = List.of(
            INBOUND,
            bounce("Nov 27 10:05:00", "4F2A31C0D2", "carol@example.com", BLOCKED),
            bounce("Nov 28 09:00:00", "5A1B2C3D4E", "dave@example.com", BLOCKED),
            bounce("Nov 28 11:30:00", "6B2C3D4E5F", "erin@evil.example", HOSTILE));

    private ApiData() {
    }

    static ScanResult load(ScanService scans) {
        try {
            Path dir = Files.createTempDirectory("maillog554-api");
            Path log = dir.resolve("mail.log");
            Files.write(log, LINES, StandardCharsets.UTF_8);
            // Syslog stamps have no year: the file's date places them in 2024.
            Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2024-12-01T00:00:00Z")));
            // --full: every test loads the same lines, which an incremental scan would take as a file already read.
            return scans.scan(new ScanRequest(List.of(log.toString()), dir.resolve("out"), CodeFilter.parse("554"),
                    ZoneOffset.UTC, HOST, Instant.parse("2024-12-01T00:00:00Z"), false, true, false, null, null),
                    p -> {
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
