package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Rejection;
import dev.maillog554.ingest.LogLine;
import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;

/** From log lines to answers: which checks the rejections call for, asked once each, beside their causes. */
class LiveChecksTest {

    // Real line (facts sheet §2, Microsoft; the IP was "192.250.xx.xx" there, here a documentation address).
    static final String SPAMHAUS_OUT = "Nov 27 22:15:19 mx1 postfix/smtp[1426]: 958A42D609B6: "
            + "to=<emailid@hotmail.com>, "
            + "relay=hotmail-com.olc.protection.outlook.com[104.47.10.33]:25, delay=1, delays=0.65/0/0.3/0.1, "
            + "dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[104.47.10.33] said: 550 5.7.1 "
            + "Service unavailable, Client host [203.0.113.5] blocked using Spamhaus. To request removal from this "
            + "list see http://www.spamhaus.org/lookup.lasso (AS3130). [DB5EUR03FT043.eop-EUR03.prod.protection."
            + "outlook.com] (in reply to MAIL FROM command))";
    // Ours, from the Gmail reply texts of the facts sheet §2.1 in Postfix's bounce format.
    static final String QMGR = "Nov 27 22:16:01 mx1 postfix/qmgr[812]: 4A1B2C3D4E: from=<news@example.com>, "
            + "size=2048, nrcpt=1 (queue active)";
    static final String DMARC_OUT = "Nov 27 22:16:02 mx1 postfix/smtp[1427]: 4A1B2C3D4E: to=<ann@gmail.com>, "
            + "relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.26, "
            + "status=bounced (host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.7.26 Unauthenticated email "
            + "from example.com is not accepted due to domain's DMARC policy. 550 5.7.26 Please contact the "
            + "administrator of example.com domain. (in reply to end of DATA command))";
    static final String NULL_MX_OUT = "Nov 27 22:17:03 mx1 postfix/smtp[1428]: 5B6C7D8E9F: to=<bob@example.org>, "
            + "relay=relay.example.net[192.0.2.30]:25, delay=0.4, delays=0.1/0/0.2/0.1, dsn=5.1.10, "
            + "status=bounced (host relay.example.net[192.0.2.30] said: 556 5.1.10 <bob@example.org>: Recipient "
            + "address rejected: Domain example.org does not accept mail (null MX) (in reply to RCPT TO command))";
    // Shape of the whyscream corpus line (fixtures README), with a documentation address.
    static final String SPAMHAUS_IN = "Nov 27 22:18:04 mx1 postfix/smtpd[2768]: NOQUEUE: reject: RCPT from "
            + "unknown[198.51.100.23]:4984: 554 5.7.1 Service unavailable; client [198.51.100.23] blocked using "
            + "zen.spamhaus.org; from=<a@example.biz> to=<us@example.com> proto=ESMTP helo=<example.biz>";

    static final Instant T0 = Instant.parse("2026-03-04T10:15:00Z");

    TestDnsServer server;
    final List<String> diagnostics = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    static List<CheckInput> inputs(String... lines) {
        LogParser parser = new LogParser();
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.parse("2027-01-02T00:00:00Z"));
        Classifier c = Classifier.load();
        List<CheckInput> out = new ArrayList<>();
        long n = 0;
        for (String line : lines) {
            RejectionEvent e = parser.parse(new LogLine("mail.log", ++n, line), ctx).orElse(null);
            if (e != null) {
                out.add(CheckInput.of(new Rejection(e, c.classify(e)), c));
            }
        }
        return out;
    }

    LiveChecks checks(List<String> ips, Duration timeout) {
        return new LiveChecks(new CheckSettings(server.address(), timeout, CheckSettings.CONCURRENCY, ips),
                diagnostics::add, Clock.fixed(T0, ZoneOffset.UTC));
    }

    static List<String> lines(CheckReport r) {
        return r.results().stream().map(x -> x.line() + " " + x.causes()).toList();
    }

    @Test
    void eachCauseGetsTheChecksItNamesAskedOnce() throws Exception {
        server = TestDnsServer.start()
                .add("5.113.0.203.zen.spamhaus.org", Type.A, "127.0.0.4")
                .add("5.113.0.203.in-addr.arpa", Type.PTR, "mail.example.com.")
                .add("mail.example.com", Type.A, "203.0.113.5")
                .txt("example.com", "v=spf1 ip4:203.0.113.0/29 -all")
                .txt("_dmarc.example.com", "v=DMARC1; p=reject")
                .add("example.org", Type.MX, "0 .")
                .add("23.100.51.198.zen.spamhaus.org", Type.A, "127.0.0.2");
        CheckReport r = checks(List.of(), Duration.ofSeconds(2)).check(inputs(SPAMHAUS_OUT, SPAMHAUS_OUT, QMGR,
                DMARC_OUT, NULL_MX_OUT, SPAMHAUS_IN));
        assertEquals(T0, r.startedAt());
        assertEquals("127.0.0.1:" + server.port(), r.resolver());
        assertEquals(List.of(
                "blocklist zen.spamhaus.org 198.51.100.23: listed: 127.0.0.2: SBL: a spam source or spam operation; "
                        + "delisting: https://check.spamhaus.org/results/?query=198.51.100.23 [blocklisted]",
                "blocklist zen.spamhaus.org 203.0.113.5: listed: 127.0.0.4: XBL: an infected or exploited host (bot, "
                        + "open proxy); delisting: https://check.spamhaus.org/results/?query=203.0.113.5 [blocklisted]",
                "ptr 203.0.113.5: fcrdns ok: PTR mail.example.com, which resolves back to 203.0.113.5 [blocklisted]",
                "spf example.com: record found: v=spf1 ip4:203.0.113.0/29 -all (the log names no sending IP: give --ip "
                        + "to evaluate it) [dmarc]",
                "dmarc example.com: p=reject: _dmarc.example.com: v=DMARC1; p=reject [dmarc]",
                "mx example.org: null mx: the domain says it accepts no mail (null MX, RFC 7505): remove the address "
                        + "[no-service]"), lines(r));
        // The same rejection twice, and the inbound client's list: each question once.
        assertEquals(1, server.queries("5.113.0.203.zen.spamhaus.org", Type.A));
        assertEquals(1, server.queries("5.113.0.203.in-addr.arpa", Type.PTR));
        assertTrue(diagnostics.isEmpty(), diagnostics.toString());
    }

    @Test
    void ourSendingIpsFromTheCommandLineAreCheckedToo() throws Exception {
        server = TestDnsServer.start()
                .txt("example.com", "v=spf1 ip4:203.0.113.0/29 -all")
                .txt("_dmarc.example.com", "v=DMARC1; p=none");
        CheckReport r = checks(List.of("203.0.113.6", "198.51.100.9"), Duration.ofSeconds(2))
                .check(inputs(QMGR, DMARC_OUT));
        List<String> l = lines(r);
        assertTrue(l.contains("spf example.com for 203.0.113.6: pass: matched ip4:203.0.113.0/29 at example.com; 0 of "
                + "10 DNS lookups [dmarc]"), l.toString());
        assertTrue(l.stream().anyMatch(s -> s.startsWith("spf example.com for 198.51.100.9: fail: ")), l.toString());
        assertTrue(l.contains("ptr 198.51.100.9: no ptr: no PTR record: receivers that want reverse DNS refuse this "
                + "IP; ask whoever runs it (your hosting or ISP) for a PTR naming your mail server [dmarc]"),
                l.toString());
        assertTrue(l.contains("dmarc example.com: p=none: _dmarc.example.com: v=DMARC1; p=none [dmarc]"),
                l.toString());
    }

    @Test
    void aResolverThatNeverAnswersCostsAFewTimeoutsAndOneLine() throws Exception {
        server = TestDnsServer.start().silent();
        CheckReport r = checks(List.of("203.0.113.6"), Duration.ofMillis(300)).check(inputs(SPAMHAUS_OUT, QMGR,
                DMARC_OUT, NULL_MX_OUT, SPAMHAUS_IN));
        assertEquals(8, r.results().size(), lines(r).toString());
        for (CheckResult x : r.results()) {
            assertEquals("not answered", x.answer(), x.line());
            assertTrue(x.detail().equals("timeout after 0.3 s")
                    || x.detail().startsWith("resolver 127.0.0.1:" + server.port() + " answered none")
                    || x.detail().startsWith("not answered: "), x.line());
        }
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        assertTrue(server.queries() <= Dns.GIVE_UP_AFTER + CheckSettings.CONCURRENCY, "at most one round in flight "
                + "after the give-up point: " + server.queries());
    }

    @Test
    void checksRunInParallelWithinTheLimit() throws Exception {
        server = TestDnsServer.start().delay(Duration.ofMillis(150));
        List<String> ips = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            ips.add("203.0.113." + i);
        }
        CheckReport r = checks(ips, Duration.ofSeconds(2)).check(inputs(SPAMHAUS_OUT));
        // 12 IPs (the text's 203.0.113.5 among them), each on the list and by PTR: 24 answers 150 ms late each,
        // so that the checks overlap; the server saw as many at once as the limit allows, and never more.
        assertEquals(24, server.queries());
        assertEquals(CheckSettings.CONCURRENCY, server.maxInFlight());
        assertEquals(24, r.results().size());
    }
}
