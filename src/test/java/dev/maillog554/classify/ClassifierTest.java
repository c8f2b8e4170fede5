package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** One case per rule family on real reply texts (facts sheet and corpus), plus provider and blocklist detection. */
class ClassifierTest {

    private final Classifier c = Classifier.load();

    private Diagnosis explain(String line) {
        ReplyText rt = ReplyText.parse(line);
        return c.classify(rt.replyCode(), rt.enhancedCode(), rt.text(), rt.recipientDomain(), rt.remoteHost(),
                rt.stage(), "");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvFileSource(resources = "/fixtures/classify/rule-families.psv", delimiter = '|')
    void ruleFamilies(String expected, String line) {
        Diagnosis d = explain(line);
        assertEquals(expected, d.category().id(), () -> "rule " + d.ruleId() + " for: " + line);
        assertFalse(d.tips().isEmpty(), "tips");
    }

    @Test
    void unknownFallback() {
        Diagnosis d = c.classify(0, "", "something nobody has ever written", "", "");
        assertEquals(Category.UNKNOWN, d.category());
        assertEquals("", d.ruleId());
        assertFalse(d.tips().isEmpty());
    }

    @Test
    void providerByRecipientDomain() {
        assertEquals("google", c.classify(550, "5.1.1", "User unknown", "googlemail.com", "").provider());
        assertEquals("microsoft-consumer", c.classify(550, "5.1.1", "User unknown", "hotmail.co.uk", "").provider());
        assertEquals("yahoo", c.classify(550, "5.1.1", "User unknown", "yahoo.fr", "").provider());
        assertEquals("apple", c.classify(550, "5.1.1", "User unknown", "me.com", "").provider());
    }

    @Test
    void providerByRelayHostBeatsCustomDomain() {
        assertEquals("google", c.classify(550, "5.1.1", "User unknown", "example.org", "aspmx.l.google.com")
                .provider());
        assertEquals("microsoft-365", c.classify(550, "5.1.1", "User unknown", "example.org",
                "example-org.mail.protection.outlook.com").provider());
        assertEquals("microsoft-consumer", c.classify(550, "5.7.1", "blocked", "example.org",
                "hotmail-com.olc.protection.outlook.com").provider());
        assertEquals("proofpoint", c.classify(550, "5.7.1", "blocked", "gmail.com", "mx0a-001.pphosted.com")
                .provider());
    }

    @Test
    void providerByTextMarker() {
        assertEquals("google", c.classify(550, "5.7.1", "... please visit ... abc123 - gsmtp", "", "").provider());
        assertEquals("yahoo", c.classify(421, "4.7.0", "[TSS04] Messages from 192.0.2.1 deferred", "", "").provider());
        assertEquals("gmx", c.classify(554, "", "gmx.net (mxgmx104) Nemesis ESMTP Service not available", "", "")
                .provider());
    }

    @Test
    void relayHostFromLogLine() {
        Diagnosis d = explain("EB0DBBCE0D: to=<bob@example.org>, relay=alt1.aspmx.l.google.com[192.0.2.1]:25, "
                + "dsn=5.7.26, status=bounced (host alt1.aspmx.l.google.com[192.0.2.1] said: 550-5.7.26 "
                + "Unauthenticated email from example.net is not accepted due to domain's DMARC policy. (in reply "
                + "to end of DATA command))");
        assertEquals("google", d.provider());
        assertEquals(Category.DMARC, d.category());
        assertTrue(d.tips().stream().anyMatch(t -> t.contains("_dmarc.example.net")), d.tips().toString());
    }

    @Test
    void blocklistWithFilledLookupUrls() {
        Diagnosis d = explain("554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using "
                + "zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.9");
        assertEquals(Category.BLOCKLISTED, d.category());
        assertEquals("spamhaus-zen", d.blocklist());
        assertEquals("203.0.113.9", d.listed());
        Optional<BlocklistInfo> b = c.blocklist(d);
        assertTrue(b.isPresent());
        assertEquals("https://check.spamhaus.org/results/?query=203.0.113.9", b.get().lookupUrl());
        assertTrue(d.tips().get(0).contains("9.113.0.203.zen.spamhaus.org"), d.tips().get(0));

        Diagnosis bar = explain("550 5.7.1 Service unavailable; client [198.51.100.7] blocked using "
                + "b.barracudacentral.org");
        assertEquals("barracuda", bar.blocklist());
        assertTrue(c.blocklist(bar).get().delistUrl().endsWith("ip=198.51.100.7"));

        Diagnosis dbl = explain("554 5.7.1 Service unavailable; Helo command [mail.example.com] blocked using "
                + "dbl.spamhaus.org; https://www.spamhaus.org/query/dbl?domain=mail.example.com");
        assertEquals("spamhaus-dbl", dbl.blocklist());
        assertEquals("mail.example.com", dbl.listed());

        Diagnosis sorbs = explain("554 5.7.1 Client host [192.0.2.4] blocked using dnsbl.sorbs.net");
        assertEquals("sorbs", sorbs.blocklist());
        assertTrue(sorbs.tips().get(0).contains("2024"), sorbs.tips().get(0));
    }

    @Test
    void tipsAreMostSpecificFirst() {
        Diagnosis d = c.classify(550, "5.7.26", "Unauthenticated email from example.jp is not accepted due to "
                + "domain's DMARC policy. - gsmtp", "gmail.com", "");
        assertTrue(d.tips().get(0).startsWith("Gmail enforced"), d.tips().get(0));
    }

    @Test
    void enhancedCodeMeanings() {
        assertEquals("Permanent failure: Multiple authentication checks failed", EnhancedCodes.meaning("5.7.26"));
        assertEquals("Permanent failure: Security or policy status (provider-specific detail)",
                EnhancedCodes.meaning("5.7.606"));
        assertEquals("Persistent transient failure: Delivery time expired", EnhancedCodes.meaning("4.4.7"));
        assertEquals("", EnhancedCodes.meaning("nonsense"));
    }

    @Test
    void replyTextExtraction() {
        ReplyText rt = ReplyText.parse("May 22 10:45:17 mx postfix/smtpd[2768]: NOQUEUE: reject: RCPT from "
                + "unknown[192.0.2.99]: 554 5.7.1 <wedge@live.ca>: Relay access denied; from=<j@example.net> "
                + "to=<wedge@live.ca> proto=ESMTP helo=<[127.0.0.1]>");
        assertEquals(554, rt.replyCode());
        assertEquals("5.7.1", rt.enhancedCode());
        assertEquals("live.ca", rt.recipientDomain());
        assertEquals("RCPT", rt.stage());
        ReplyText ex = ReplyText.parse("1999-03-02 09:44:33 10HmaX-000000005vi-0000 ** userx@example.com R=all T=smtp "
                + "H=mx.example.com [192.0.2.2]: SMTP error from remote mail server after initial connection: "
                + "554 Go away");
        assertEquals(554, ex.replyCode());
        assertEquals("CONNECT", ex.stage());
        assertEquals("example.com", ex.recipientDomain());
    }
}
