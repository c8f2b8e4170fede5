package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;

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

    @ParameterizedTest(name = "{0} by domain {1}")
    @CsvSource({"google,gmail.com", "microsoft-consumer,outlook.com", "yahoo,aol.com", "apple,icloud.com",
            "comcast,comcast.net", "gmx,web.de", "t-online,t-online.de", "orange,wanadoo.fr", "free,free.fr",
            "mail-ru,inbox.ru", "yandex,ya.ru", "qq,foxmail.com", "netease,126.com", "netease,yeah.net",
            "zoho,zohomail.com", "fastmail,fastmail.fm", "proton,pm.me"})
    void newProvidersByRecipientDomain(String provider, String domain) {
        assertEquals(provider, c.classify(550, "5.1.1", "User unknown", domain, "").provider());
    }

    // The relay host wins over a custom recipient domain: filtering gateways and hosted mailboxes.
    @ParameterizedTest(name = "{0} by relay {1}")
    @CsvSource({"microsoft-365,contoso-com.mail.protection.outlook.com", "mail-ru,mxs.mail.ru",
            "mail-ru,mx3.mail.ru", "qq,mxbiz1.qq.com", "yandex,mx.yandex.net", "netease,mx.qiye.163.com",
            "gmx,mx00.emig.gmx.net", "gmx,mx.kundenserver.de", "proofpoint,mx0b-00123401.pphosted.com",
            "proofpoint,mx1-eu1.ppe-hosted.com", "mimecast,eu-smtp-inbound-1.mimecast.com",
            "barracuda,d123456a.ess.barracudanetworks.com", "cisco,mx1.hc1234-56.iphmx.com",
            "trendmicro,example-org.in.tmes.trendmicro.eu", "sophos,mx-01-eu-west-1.prod.hydra.sophos.com",
            "zoho,mx.zoho.eu", "fastmail,in1-smtp.messagingengine.com", "proton,mail.protonmail.ch",
            "free,mx1.free.fr"})
    void newProvidersByRelayHost(String provider, String host) {
        assertEquals(provider, c.classify(550, "5.7.1", "blocked", "example.org", host).provider());
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
        assertEquals(new Category("dmarc"), d.category());
        assertTrue(d.tips().stream().anyMatch(t -> t.contains("_dmarc.example.net")), d.tips().toString());
    }

    @Test
    void blocklistWithFilledLookupUrls() {
        Diagnosis d = explain("554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using "
                + "zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.9");
        assertEquals(new Category("blocklisted"), d.category());
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

    private static RejectionEvent inbound(String sender, String rcpt, int code, String enhanced, String stage,
                                          String clientIp, String message) {
        String dom = rcpt.substring(rcpt.indexOf('@') + 1);
        return new RejectionEvent(Instant.EPOCH, Direction.INBOUND, DeliveryStatus.REJECTED, Mta.POSTFIX, "mx1", "",
                sender, rcpt, dom, code, enhanced, stage, "unknown", clientIp, message, "-", 1);
    }

    @Test
    void inboundRelayDenialSpeaksToTheReceiver() {
        Diagnosis d = c.classify(inbound("bot@spam.example", "victim@elsewhere.example", 554, "5.7.1", "RCPT",
                "203.0.113.45", "<victim@elsewhere.example>: Relay access denied"));
        assertEquals(new Category("relay-denied"), d.category());
        assertEquals("", d.provider());
        assertTrue(d.tips().get(0).startsWith("Inbound: your own server refused this client."), d.tips().get(0));
        assertTrue(d.tips().get(1).contains("port 587"), d.tips().get(1));
        assertTrue(d.tips().get(2).contains("elsewhere.example"), d.tips().get(2));
    }

    @Test
    void inboundBlocklistWarnsAboutPublicResolvers() {
        Diagnosis d = c.classify(inbound("ceo@lookalike.example", "accounts@example.com", 554, "5.7.1", "RCPT",
                "203.0.113.77", "Service unavailable; Client host [203.0.113.77] blocked using zen.spamhaus.org"));
        assertEquals(new Category("blocklisted"), d.category());
        assertTrue(d.tips().get(1).contains("127.255.255.254"), d.tips().get(1));
        assertTrue(d.tips().get(2).contains("77.113.0.203.zen.spamhaus.org"), d.tips().get(2));
    }

    @Test
    void inboundTipsForPtrSpfAndSender() {
        Diagnosis ptr = c.classify(inbound("a@b.example", "u@example.com", 450, "4.7.25", "RCPT", "198.51.100.7",
                "Client host rejected: cannot find your hostname, [198.51.100.7]"));
        assertEquals(new Category("no-ptr"), ptr.category());
        assertTrue(ptr.tips().get(1).contains("198.51.100.7"), ptr.tips().get(1));
        Diagnosis spf = c.classify(inbound("x@forged.example", "u@example.com", 550, "5.7.23", "RCPT",
                "198.51.100.8", "<u@example.com>: Recipient address rejected: Message rejected due to: SPF fail - "
                        + "not authorized"));
        assertEquals(new Category("spf"), spf.category());
        assertTrue(spf.tips().get(1).contains("forged.example"), spf.tips().get(1));
        Diagnosis snd = c.classify(inbound("x@nxdomain.example", "u@example.com", 450, "4.1.8", "RCPT",
                "198.51.100.9", "<x@nxdomain.example>: Sender address rejected: Domain not found"));
        assertEquals(new Category("sender-rejected"), snd.category());
        assertTrue(snd.tips().get(1).contains("dig +short MX nxdomain.example"), snd.tips().get(1));
    }

    @Test
    void outboundDoesNotGetInboundTips() {
        Diagnosis d = explain("554 5.7.1 <x@example.org>: Relay access denied");
        assertFalse(d.tips().stream().anyMatch(t -> t.contains("spam bots")), d.tips().toString());
    }

    @Test
    void everyTipKeyHasAKnownScope() {
        Set<String> categories = new HashSet<>();
        for (Category cat : c.categories()) {
            categories.add(cat.id());
        }
        for (String scope : c.tipCatalog().all().keySet()) {
            String kind = scope.indexOf('.') < 0 ? scope : scope.substring(0, scope.indexOf('.'));
            assertTrue(Set.of("blocklist", "provider", "rule", "category", "inbound").contains(kind), scope);
            if ("category".equals(kind) || "inbound".equals(kind) && !"inbound".equals(scope)) {
                assertTrue(categories.contains(scope.substring(kind.length() + 1)), scope);
            }
        }
    }
}
