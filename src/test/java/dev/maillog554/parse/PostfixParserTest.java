package dev.maillog554.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.maillog554.ingest.LogLine;

class PostfixParserTest {

    private static final Instant REF = Instant.parse("2027-01-02T00:00:00Z");

    private static Optional<RejectionEvent> parse(String text) {
        return new PostfixParser().parse(new LogLine("t.log", 1, text), new ParseContext(ZoneOffset.UTC, REF));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // fail2ban-postfix.log line 2 (real)
        "Jul 12 07:47:48 saturn postfix/smtpd[8738]: NOQUEUE: reject: RCPT from 1-2-3-4-example.com[1.2.3.4]"
            + ": 554 5.7.1 "
            + "<smtp@example.com>: Relay access denied; from=<john@example.com> to=<smtp@example.org> proto=SMTP "
            + "helo=<198.51.100.17>|inbound|rejected|554|5.7.1|smtp@example.org|example.org|RCPT|1.2.3.4",
        // fail2ban-postfix.log: 550 near-miss is still returned, filtering by code happens later
        "Aug 13 15:45:46 server postfix/smtpd[13844]: 00ADB3C0899: reject: RCPT from example.com[192.0.2.1]: 550 5.1.1 "
            + "<sales@server.com>: Recipient address rejected: User unknown; from=<x@example.com> to=<sales@"
            + "server.com> "
            + "proto=ESMTP helo=<mail.example.com>|inbound|rejected|550|5.1.1|sales@server.com|server.com|RC"
            + "PT|192.0.2.1",
        // 4xx
        "Dec 21 21:17:30 xxx postfix/smtpd[7150]: NOQUEUE: reject: RCPT from b.example.com[93.184.216.34]: 450 4.7.25 "
            + "Client host rejected: cannot find your hostname, [93.184.216.34]; from=<a@example.com> to=<g@"
            + "example.com> "
            + "proto=ESMTP helo=<b.example.com>|inbound|rejected|450|4.7.25|g@example.com|example.com|RCPT|9"
            + "3.184.216.34",
        // pastebin w116qRkA (Sources in smtp-rejections-facts.md 4.6)
        "Jan 22 17:58:06 itmotion postfix/smtp[1426]: EB0DBBCE0D: to=<alfamb@wp.pl>, relay=mx.wp.pl[212.77.101.4]:25, "
            + "delay=37, delays=2.7/0.08/2.3/32, dsn=5.0.0, status=bounced (host mx.wp.pl[212.77.101.4] said"
            + ": 554 sorry, "
            + "refused mailfrom because return MX does not exist (in reply to MAIL FROM command))"
            + "|outbound|bounced|554|5.0.0|alfamb@wp.pl|wp.pl|MAIL|212.77.101.4",
        // the recipient's outcome after every MX refused the greeting (smtp_skip_5xx_greeting: deferred)
        "Aug 26 14:15:02 u19472663 postfix/smtp[17177]: 12CC0AC: to=<ann@tiscali.it>, relay=etb-3.mail.tiscali.it"
            + "[213.205.33.65]:25, delay=4, delays=0/0/4/0, dsn=4.0.0, status=deferred (host etb-3.mail.tiscali.it"
            + "[213.205.33.65] refused to talk to me: 554 cmgw-3.mail.tiscali.it You are not allowed to send mail.)"
            + "|outbound|deferred|554||ann@tiscali.it|tiscali.it|CONNECT|213.205.33.65",
        // soft_bounce = yes: a bounce kept in the queue is a deferral
        "Nov 27 22:15:19 mx1 postfix/smtp[1]: 4A1B2C3D4E: to=<b@example.org>, relay=mx.example.org[192.0.2.25]:25, "
            + "delay=1, delays=0/0/0/1, dsn=5.7.1, status=SOFTBOUNCE (host mx.example.org[192.0.2.25] said: 554 5.7.1 "
            + "no (in reply to RCPT TO command))|outbound|deferred|554|5.7.1|b@example.org|example.org|RCPT|192.0.2.25",
        // cut before its closing parenthesis (a crash, or the reader's 64 KiB limit): still one refused recipient
        "Nov 27 22:15:19 mx1 postfix/smtp[1]: 4A1B2C3D4E: to=<b@example.org>, relay=mx.example.org[192.0.2.25]:25, "
            + "delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.25] said: 554 5.7.1 "
            + "Service unavail|outbound|bounced|554|5.7.1|b@example.org|example.org||192.0.2.25",
    })
    void extractsFields(String line, String dir, String status, int code, String enh, String rcpt, String domain,
                        String stage, String ip) {
        RejectionEvent e = parse(line).orElseThrow();
        assertEquals(dir, e.direction().label());
        assertEquals(status, e.status().label());
        assertEquals(code, e.replyCode());
        assertEquals(enh == null ? "" : enh, e.enhancedCode());
        assertEquals(rcpt == null ? "" : rcpt, e.recipient());
        assertEquals(domain == null ? RejectionEvent.UNKNOWN_DOMAIN : domain, e.recipientDomain());
        assertEquals(stage == null ? "" : stage, e.stage());
        assertEquals(ip, e.remoteIp());
        assertEquals(Mta.POSTFIX, e.mta());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Feb 18 09:50:05 xxx postfix/smtpd[42]: lost connection after DATA from good-host.example.com[192.0.2.10]",
        "Nov 27 22:16:00 mx1 postfix/smtp[1427]: 2B3C4D5E6F: to=<h@example.com>, relay=mx.example.com[198.51"
            + ".100.7]:25, "
            + "delay=1, delays=0.1/0/0.5/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9A8B7C6D)",
        "Nov 27 22:16:02 mx1 postfix/local[1500]: 2B3C4D5E6F: to=<judy@mx1.example.net>, relay=local, delay=0.1, "
            + "delays=0.1/0/0/0, dsn=5.1.1, status=bounced (unknown user: \"judy\")",
        "Nov 27 22:16:01 mx1 postfix/smtp[1427]: 2B3C4D5E6F: to=<i@example.com>, relay=none, delay=30, "
            + "delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.com[198.51.100.7]:25: Co"
            + "nnection refused)",
        "NOQUEUE: reject_warning: RCPT from example.com[93.184.216.34]: 553 5.7.1 <s@example.com>: Sender address "
            + "rejected: not owned by user ph123; from=<s@example.com> to=<r@example.com> proto=ESMTP helo=<"
            + "example.com>",
        "Nov 27 22:15:19 mx1 exim[1]: 2026-11-27 22:15:19 H=[192.0.2.1] rejected connection in \"connect\" ACL: 550 no",
        // pastebin AtB74KCf (facts sheet 4.6, real): a host-level attempt on one MX names no recipient; the
        // recipient's to=<...> line is what counts
        "Aug 26 14:14:58 u19472663 postfix/smtp[17177]: 12CC0AC: host etb-2.mail.tiscali.it[213.205.33.64] refused to "
            + "talk to me: 554 cmgw-3.mail.tiscali.it You are not allowed to send mail.",
        // cut before the reply code: nothing to count
        "Nov 27 22:15:19 mx1 postfix/smtp[1]: 4A1B2C3D4E: to=<b@example.org>, relay=mx.example.org[192.0.2.25]:25, "
            + "delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.25] sa",
    })
    void ignoresNonRejections(String line) {
        assertTrue(parse(line).isEmpty(), line);
    }

    @Test
    void remembersSenderFromQmgrUntilRemoved() {
        PostfixParser p = new PostfixParser();
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, REF);
        p.parse(new LogLine("t", 1, "Nov 27 22:15:17 mx1 postfix/qmgr[812]: 4A1B2C3D4E: from=<>, size=2048, nrcpt=1 "
                + "(queue active)"), ctx);
        String bounce = "Nov 27 22:15:19 mx1 postfix/smtp[1]: 4A1B2C3D4E: to=<b@example.org>, relay=mx.example.org"
                + "[192.0.2.25]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx.example.org["
                + "192.0.2.25] "
                + "said: 554 5.7.1 no (in reply to RCPT TO command))";
        assertEquals("<>", p.parse(new LogLine("t", 2, bounce), ctx).orElseThrow().sender());
        p.parse(new LogLine("t", 3, "Nov 27 22:15:20 mx1 postfix/qmgr[812]: 4A1B2C3D4E: removed"), ctx);
        assertEquals("", p.parse(new LogLine("t", 4, bounce), ctx).orElseThrow().sender());
        assertEquals(4, ctx.recognised());
    }

    @Test
    void datesDecemberLinesIntoThePreviousYearAfterNewYear() {
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.parse("2027-01-01T00:10:00Z"));
        String tail = " mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from u[192.0.2.1]: 554 5.7.1 no; from=<a"
            + "@example.net>"
                + " to=<b@example.org> proto=ESMTP helo=<h>";
        PostfixParser p = new PostfixParser();
        assertEquals(Instant.parse("2026-12-31T23:59:59Z"),
                p.parse(new LogLine("t", 1, "Dec 31 23:59:59" + tail), ctx).orElseThrow().time());
        assertEquals(Instant.parse("2027-01-01T00:00:01Z"),
                p.parse(new LogLine("t", 2, "Jan  1 00:00:01" + tail), ctx).orElseThrow().time());
        assertEquals(Instant.parse("2027-01-01T00:00:01Z"),
                p.parse(new LogLine("t", 3, "Jan 01 00:00:01" + tail), ctx).orElseThrow().time());
    }

    @Test
    void aGivenFirstYearCountsForwardAcrossNewYearWhateverTheFileDate() {
        // --year 2019 on a log copied today: the file date says nothing about its content.
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.parse("2026-11-28T00:00:00Z"), 2019);
        String tail = " mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from u[192.0.2.1]: 554 5.7.1 no; "
                + "from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<h>";
        PostfixParser p = new PostfixParser();
        assertEquals(Instant.parse("2019-12-30T10:00:00Z"),
                p.parse(new LogLine("t", 1, "Dec 30 10:00:00" + tail), ctx).orElseThrow().time());
        // A line logged late, from the month before, does not start a new year.
        assertEquals(Instant.parse("2019-11-30T23:59:59Z"),
                p.parse(new LogLine("t", 2, "Nov 30 23:59:59" + tail), ctx).orElseThrow().time());
        assertEquals(Instant.parse("2020-01-02T08:00:00Z"),
                p.parse(new LogLine("t", 3, "Jan  2 08:00:00" + tail), ctx).orElseThrow().time());
        assertEquals(Instant.parse("2020-02-29T08:00:00Z"),
                p.parse(new LogLine("t", 4, "Feb 29 08:00:00" + tail), ctx).orElseThrow().time());
    }

    @Test
    void readsRfc3339StampsWithOffsetOrZuluAndClassicStampsInTheContextZone() {
        String tail = " mx2 postfix/smtpd[1]: NOQUEUE: reject: RCPT from u[192.0.2.1]: 554 5.7.1 no; to=<b@e"
            + "xample.org>";
        PostfixParser p = new PostfixParser();
        ParseContext berlin = new ParseContext(ZoneId.of("Europe/Berlin"), REF);
        assertEquals(Instant.parse("2026-11-27T21:15:19.123456Z"), p.parse(new LogLine("t", 1,
                "2026-11-27T22:15:19.123456+01:00" + tail), berlin).orElseThrow().time());
        assertEquals(Instant.parse("2026-11-27T22:15:19Z"), p.parse(new LogLine("t", 2,
                "2026-11-27T22:15:19Z" + tail), berlin).orElseThrow().time());
        assertEquals(Instant.parse("2026-11-27T21:15:19Z"), p.parse(new LogLine("t", 3,
                "Nov 27 22:15:19" + tail), berlin).orElseThrow().time());
    }

    @Test
    void splitsProgramNamesOfInstancesAndServices() {
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, REF);
        SyslogPrefix instance = SyslogPrefix.split("Mar 19 15:50:03 host2 postfix-24/smtp[21542]: x", ctx);
        assertEquals("postfix-24/smtp", instance.program);
        SyslogPrefix s = SyslogPrefix.split("Nov 07 08:01:02 mx1 postfix/submission/smtpd[2212]: NOQUEUE: y", ctx);
        assertEquals("postfix/submission/smtpd", s.program);
        assertEquals("2212", s.pid);
        assertEquals("mx1", s.host);
        assertEquals("NOQUEUE: y", s.message);
    }
}
