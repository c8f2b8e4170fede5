package dev.maillog554.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.maillog554.ingest.LogLine;

class EximParserTest {

    private static final Instant REF = Instant.parse("2027-01-02T00:00:00Z");

    private static Optional<RejectionEvent> parse(String text) {
        return new EximParser().parse(new LogLine("t.log", 1, text), new ParseContext(ZoneOffset.UTC, REF));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // exim-testsuite.log line 1730 (real): EHLO refused, the HELO fallback hung up; the refusal is quoted
        "1999-03-02 09:44:33 10HmbB-000000005vi-0000 == userx@domain1 R=others T=smtp defer (-18) H=localhost4.test.ex "
            + "[127.0.0.1]: Remote host closed connection in response to HELO the.local.host.name (EHLO response was: "
            + "550 You are banned)|outbound|deferred|550||userx@domain1|domain1|HELO|127.0.0.1|You are banned",
        // the same form with an enhanced code, bounced, and a MAIL FROM response
        "2026-11-27 22:15:19 1tAbCd-000000001bo-D342 ** bob@example.org R=dnslookup T=remote_smtp H=mx.example.org "
            + "[192.0.2.25]: Remote host closed connection in response to MAIL FROM:<a@example.net> (MAIL FROM "
            + "response was: 554 5.7.1 Access denied)|outbound|bounced|554|5.7.1|bob@example.org|example.org|MAIL"
            + "|192.0.2.25|Access denied",
        // exim-testsuite.log (real), new-style id, fields and " : " before the error
        "1999-03-02 09:44:33 10HmaZ-000000005vi-0000 ** userz@domain.com R=all T=smtp H=127.0.0.1 [127.0.0.1]:PORT_S "
            + "I=[127.0.0.1]:10001 : SMTP error from remote mail server after RCPT TO:<userz@domain.com>: 55"
            + "0 Recipient "
            + "refused|outbound|bounced|550||userz@domain.com|domain.com|RCPT|127.0.0.1|Recipient refused",
        // spec example, old id, "remote mailer" and host after the stage
        "2002-07-11 07:14:17 17SXDU-000189-00 ** ace400@pb.example R=dnslookup T=remote_smtp: SMTP error from remote "
            + "mailer after pipelined RCPT TO:<ace400@pb.example>: host pbmail3.py.example [192.168.63.111]: 553 5.3.0 "
            + "<ace400@pb.example>...Addressee unknown|outbound|bounced|553|5.3.0|ace400@pb.example|pb.example|RCPT"
            + "|192.168.63.111|<ace400@pb.example>...Addressee unknown",
        "1999-03-02 09:44:33 10HmaX-000000005vi-0000 == userx@domain.com R=all T=smtp defer (-44) H=127.0.0.1 "
            + "[127.0.0.1]: SMTP error from remote mail server after MAIL FROM:<a@b.example> SIZE=1234: 452 Temporary "
            + "error|outbound|deferred|452||userx@domain.com|domain.com|MAIL|127.0.0.1|Temporary error",
        // fail2ban-exim.log (real), bare F= and +pid
        "2013-06-10 18:33:32 [10099] H=(yakult.com.tw) [202.132.70.178]:3755 I=[1.2.3.4]:25 F=menacedsj04@li"
            + "stserv.eurasia.org "
            + "rejected RCPT dir@ml3.ru: relay not permitted|inbound|rejected|0||dir@ml3.ru|ml3.ru|RCPT|202.132.70.178"
            + "|relay not permitted",
        "1999-03-02 09:44:33 H=[127.0.0.1] rejected connection in \"connect\" ACL: 550 client disliked"
            + "|inbound|rejected|550||||CONNECT|127.0.0.1|client disliked",
    })
    void extractsFields(String line, String dir, String status, int code, String enh, String rcpt, String domain,
                        String stage, String ip, String msg) {
        RejectionEvent e = parse(line).orElseThrow();
        assertEquals(dir, e.direction().label());
        assertEquals(status, e.status().label());
        assertEquals(code, e.replyCode());
        assertEquals(enh == null ? "" : enh, e.enhancedCode());
        assertEquals(rcpt == null ? "" : rcpt, e.recipient());
        assertEquals(domain == null ? RejectionEvent.UNKNOWN_DOMAIN : domain, e.recipientDomain());
        assertEquals(stage, e.stage());
        assertEquals(ip, e.remoteIp());
        assertEquals(msg, e.message());
        assertEquals(Mta.EXIM, e.mta());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2002-10-31 09:00:10 16ZCW1-0005MB-00 => monk@holistic.fict.example R=dnslookup T=remote_smtp H=h [192.0.2.1]",
        "2002-12-19 16:20:23 16aiQz-0002Q5-00 == marvin@endrest.example R=dnslookup T=smtp defer (146): Conn"
            + "ection refused",
        "1999-03-02 09:44:33 H=(test) [10.0.0.2] F=<a@example.net> temporarily rejected RCPT <b@example.org>"
            + ": greylisted",
        "2013-06-02 06:54:20 [13314] SMTP protocol synchronization error (input sent without waiting for greeting): "
            + "rejected connection from H=[211.148.195.192]:25936 I=[1.2.3.4]:25 input=\"GET / HTTP/1.1\\r\\n\\r\\n\"",
        "1999-03-02 09:44:33 10HmaX-000000005vi-0000 == abcd@xyz R=callout T=smtp defer (-44) H=127.0.0.1 [127.0.0.1]: "
            + "SMTP error from remote mail server after RCPT TO:<abcd@xyz>: 850 RUBBISH",
        "2014-01-12 02:07:48 dovecot_login authenticator failed for h (User) [85.214.85.40]: 535 Incorrect a"
            + "uthentication",
        // exim-testsuite.log lines 1733 and 1729 (real): host-level lines name no recipient; they are attempts on
        // one MX host, and the recipient's own ** or == line is what counts
        "1999-03-02 09:44:33 10HmbB-000000005vi-0000 H=127.0.0.1 [127.0.0.1]: SMTP error from remote mail server after "
            + "initial connection: 554 no smtp service here",
        "1999-03-02 09:44:33 10HmbB-000000005vi-0000 H=localhost4.test.ex [127.0.0.1]: Remote host closed "
            + "connection in response to HELO the.local.host.name (EHLO response was: 550 You are banned)",
    })
    void ignoresNonRejections(String line) {
        assertTrue(parse(line).isEmpty(), line);
    }

    @Test
    void takesSenderFromArrivalLineUntilCompleted() {
        EximParser p = new EximParser();
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, REF);
        p.parse(new LogLine("t", 1, "2026-11-27 22:15:18 1tAbCd-000000001bo-D342 <= <> R=x U=exim P=local S=1"), ctx);
        String bounce = "2026-11-27 22:15:19 1tAbCd-000000001bo-D342 ** b@example.org R=r T=t H=mx [192.0.2.25] : "
                + "SMTP error from remote mail server after RCPT TO:<b@example.org>: 554 5.7.1 no";
        assertEquals("<>", p.parse(new LogLine("t", 2, bounce), ctx).orElseThrow().sender());
        p.parse(new LogLine("t", 3, "2026-11-27 22:15:20 1tAbCd-000000001bo-D342 Completed"), ctx);
        assertEquals("", p.parse(new LogLine("t", 4, bounce), ctx).orElseThrow().sender());
    }

    @Test
    void honoursLogTimezoneOffsetAndSyslogWrapping() {
        assertEquals(Instant.parse("2026-11-27T21:15:20Z"), parse("2026-11-27 22:15:20 +0100 H=[192.0.2.1] rejected "
                + "connection in \"connect\" ACL: 554 go away").orElseThrow().time());
        RejectionEvent e = parse("Nov 27 22:15:20 mx3 exim[1235]: H=(u) [203.0.113.11] F=<s@example.net> rejected RCPT "
                + "<leo@example.org>: relay not permitted").orElseThrow();
        assertEquals("mx3", e.host());
        assertEquals(Instant.parse("2026-11-27T22:15:20Z"), e.time());
    }
}
