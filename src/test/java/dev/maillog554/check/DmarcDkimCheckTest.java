package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender domain's DMARC policy and the DKIM key of the selector a log names. */
class DmarcDkimCheckTest {

    // A 1024-bit RSA key as published (the shape of a real record; the key is random test data).
    static final String KEY = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2S"
            + "nFCjxOCKG"
            + "9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPD"
            + "dQPNUYckcQ2QIDAQAB";

    TestDnsServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void dmarcPolicies() throws Exception {
        server = TestDnsServer.start().txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:d@example.com")
                .txt("_dmarc.example.org", "v=DMARC1; p=none").txt("_dmarc.example.net", "v=spf1 -all");
        Probes p = new Probes(server);
        CheckResult reject = DmarcCheck.run(p.probe, "example.com");
        assertEquals("dmarc", reject.check());
        assertEquals("p=reject", reject.answer());
        assertEquals("_dmarc.example.com: v=DMARC1; p=reject; rua=mailto:d@example.com", reject.detail());
        assertEquals("p=none", DmarcCheck.run(p.probe, "example.org").answer());
        CheckResult absent = DmarcCheck.run(p.probe, "example.net");
        assertEquals("no record", absent.answer(), "a TXT record that is not DMARC does not count");
        assertTrue(absent.detail().startsWith("no DMARC record at _dmarc.example.net: "), absent.detail());
    }

    @Test
    void aSubdomainWithoutRecordFallsBackToTheOrganisationalDomainAndItsSubdomainPolicy() throws Exception {
        server = TestDnsServer.start().txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine")
                .txt("_dmarc.example.org", "v=DMARC1; p=none");
        Probes p = new Probes(server);
        CheckResult r = DmarcCheck.run(p.probe, "news.mail.example.com");
        assertEquals("sp=quarantine", r.answer());
        assertEquals("_dmarc.example.com (organisational domain): v=DMARC1; p=reject; sp=quarantine", r.detail());
        assertEquals("p=none", DmarcCheck.run(p.probe, "bulk.example.org").answer());
        CheckResult none = DmarcCheck.run(p.probe, "bulk.example.net");
        assertEquals("no record", none.answer());
        assertTrue(none.detail().startsWith("no DMARC record at _dmarc.bulk.example.net nor _dmarc.example.net"),
                none.detail());
    }

    @Test
    void dmarcNotAnswered() throws Exception {
        server = TestDnsServer.start().silent();
        CheckResult r = DmarcCheck.run(new Probes(server).probe, "example.com");
        assertEquals("not answered", r.answer());
        assertEquals("timeout after 0.4 s", r.detail());
    }

    @Test
    void dkimKeyPresentRevokedOrAbsent() throws Exception {
        server = TestDnsServer.start().txt("mail2024._domainkey.example.com", "v=DKIM1; k=rsa; p=" + KEY)
                .txt("old._domainkey.example.com", "v=DKIM1; p=");
        Probes p = new Probes(server);
        CheckResult present = DkimCheck.run(p.probe, "mail2024", "example.com");
        assertEquals("dkim", present.check());
        assertEquals("mail2024._domainkey.example.com", present.subject());
        assertEquals("key present", present.answer());
        assertEquals("k=rsa, 162-byte key", present.detail());
        assertEquals("key revoked", DkimCheck.run(p.probe, "old", "example.com").answer());
        CheckResult absent = DkimCheck.run(p.probe, "s1", "example.com");
        assertEquals("no key", absent.answer());
        assertTrue(absent.detail().startsWith("no DKIM key is published for selector s1"), absent.detail());
    }
}
