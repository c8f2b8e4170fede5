package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** SPF evaluation (RFC 7208) against records the test server holds. */
class SpfTest {

    static final String SENDER = "news@example.com";

    TestDnsServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private CheckResult spf(String ip) throws IOException {
        return SpfCheck.run(new Probes(server).probe, "example.com", InetAddress.getByName(ip), SENDER);
    }

    @Test
    void passFailAndSoftfailByQualifier() throws Exception {
        server = TestDnsServer.start().txt("example.com", "v=spf1 ip4:203.0.113.0/28 ?ip4:203.0.113.64/26 -all")
                .txt("example.com", "google-site-verification=abc");
        CheckResult pass = spf("203.0.113.5");
        assertEquals("spf", pass.check());
        assertEquals("example.com for 203.0.113.5", pass.subject());
        assertEquals("pass", pass.answer());
        assertEquals("matched ip4:203.0.113.0/28 at example.com; 0 of 10 DNS lookups", pass.detail());
        assertEquals("neutral", spf("203.0.113.70").answer());
        CheckResult fail = spf("198.51.100.7");
        assertEquals("fail", fail.answer());
        assertEquals("matched -all at example.com; 0 of 10 DNS lookups: add ip4:198.51.100.7 (or an include of "
                + "your provider) to the SPF record of example.com", fail.detail());
        stop();
        server = TestDnsServer.start().txt("example.com", "v=spf1 ip4:203.0.113.0/28 ~all");
        assertEquals("softfail", spf("198.51.100.7").answer());
    }

    @Test
    void includeChainsPassOnlyWhenTheIncludedPolicyPasses() throws Exception {
        server = TestDnsServer.start()
                .txt("example.com", "v=spf1 include:_spf.example.net include:_spf.example.org -all")
                .txt("_spf.example.net", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_spf.example.org", "v=spf1 include:_netblocks.example.org ~all")
                .txt("_netblocks.example.org", "v=spf1 ip6:2001:db8::/32 ip4:198.51.100.0/24 -all");
        CheckResult r = spf("198.51.100.7");
        assertEquals("pass", r.answer());
        assertEquals("matched ip4:198.51.100.0/24 at _netblocks.example.org, included by _spf.example.org, included "
                + "by example.com; 3 of 10 DNS lookups", r.detail());
        // The included -all and ~all only mean "no match" to the including record.
        assertEquals("fail", spf("203.0.113.5").answer());
        assertEquals("pass", spf("2001:db8::25").answer());
    }

    @Test
    void redirectAppliesWhenNothingMatched() throws Exception {
        server = TestDnsServer.start().txt("example.com", "v=spf1 ip4:203.0.113.5 redirect=_spf.example.net")
                .txt("_spf.example.net", "v=spf1 a:mail.example.net/30 mx ~all")
                .add("mail.example.net", Type.A, "192.0.2.9")
                .add("_spf.example.net", Type.MX, "10 mx.example.net.")
                .add("mx.example.net", Type.A, "192.0.2.40");
        assertEquals("pass", spf("203.0.113.5").answer());
        CheckResult a = spf("192.0.2.10");
        assertEquals("pass", a.answer());
        assertEquals("matched a:mail.example.net/30 at _spf.example.net, redirected from example.com; 2 of 10 DNS "
                + "lookups", a.detail());
        assertEquals("pass", spf("192.0.2.40").answer(), "mx of the redirect target's own domain");
        assertEquals("softfail", spf("198.51.100.7").answer());
    }

    @Test
    void moreThanTenLookupsIsAPermanentError() throws Exception {
        StringBuilder record = new StringBuilder("v=spf1");
        server = TestDnsServer.start();
        for (int i = 1; i <= 11; i++) {
            record.append(" include:s").append(i).append(".example.net");
            server.txt("s" + i + ".example.net", "v=spf1 ip4:192.0.2." + i + " -all");
        }
        server.txt("example.com", record + " -all");
        CheckResult r = spf("198.51.100.7");
        assertEquals("permerror", r.answer());
        assertTrue(r.detail().startsWith("more than 10 DNS lookups (RFC 7208 4.6.4): the limit was passed at "
                + "include:s11.example.net"), r.detail());
        assertEquals(0, server.queries("s11.example.net", Type.TXT), "the eleventh is not asked");
        // Ten are allowed: an IP in the tenth include passes.
        assertEquals("pass", spf("192.0.2.10").answer());
    }

    @Test
    void noRecordIsNoneAndAnIncludeOfNothingIsAnError() throws Exception {
        server = TestDnsServer.start().add("example.com", Type.MX, "10 mx.example.com.")
                .txt("example.org", "v=spf1 include:nothing.example.org -all");
        CheckResult none = spf("203.0.113.5");
        assertEquals("none", none.answer());
        assertTrue(none.detail().startsWith("no SPF record at example.com; 0 of 10 DNS lookups: receivers that "
                + "require SPF refuse the mail"), none.detail());
        CheckResult bad = SpfCheck.run(new Probes(server).probe, "example.org", InetAddress.getByName("203.0.113.5"),
                "");
        assertEquals("permerror", bad.answer());
        assertTrue(bad.detail().startsWith("include:nothing.example.org at example.org has no SPF record"),
                bad.detail());
    }

    @Test
    void twoRecordsOrAnUnknownTermArePermanentErrors() throws Exception {
        server = TestDnsServer.start().txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 +all")
                .txt("example.org", "v=spf1 ip4:203.0.113.5 frobnicate -all");
        assertEquals("permerror", spf("203.0.113.5").answer());
        CheckResult r = SpfCheck.run(new Probes(server).probe, "example.org", InetAddress.getByName("198.51.100.1"),
                "");
        assertEquals("permerror", r.answer());
        assertTrue(r.detail().startsWith("unknown term 'frobnicate' at example.org"), r.detail());
    }

    @Test
    void malformedMechanismsArePermanentErrors() throws Exception {
        server = TestDnsServer.start().txt("a.example", "v=spf1 ip4:203.0.113.0/33 -all")
                .txt("b.example", "v=spf1 ip6:203.0.113.5 -all").txt("c.example", "v=spf1 include -all")
                .txt("d.example", "v=spf1 mx/24//129 -all");
        Probes p = new Probes(server);
        InetAddress ip = InetAddress.getByName("203.0.113.5");
        assertEquals("permerror", SpfCheck.run(p.probe, "a.example", ip, "").answer());
        assertTrue(SpfCheck.run(p.probe, "a.example", ip, "").detail().startsWith("bad prefix length /33 in "
                + "'ip4:203.0.113.0/33' at a.example"));
        assertTrue(SpfCheck.run(p.probe, "b.example", ip, "").detail().startsWith("malformed term "
                + "'ip6:203.0.113.5' at b.example"));
        assertEquals("permerror", SpfCheck.run(p.probe, "c.example", ip, "").answer());
        assertEquals("permerror", SpfCheck.run(p.probe, "d.example", ip, "").answer());
    }

    @Test
    void existsWithMacrosAndTheVoidLookupLimit() throws Exception {
        server = TestDnsServer.start()
                .txt("example.com", "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all")
                .add("5.113.0.203.news._spf.example.com", Type.A, "127.0.0.2")
                .txt("example.org", "v=spf1 a:a.example.org a:b.example.org a:c.example.org -all");
        assertEquals("pass", spf("203.0.113.5").answer());
        assertEquals("fail", spf("203.0.113.6").answer());
        CheckResult r = SpfCheck.run(new Probes(server).probe, "example.org", InetAddress.getByName("203.0.113.5"),
                "");
        assertEquals("permerror", r.answer());
        assertTrue(r.detail().startsWith("more than 2 lookups found nothing"), r.detail());
    }

    @Test
    void aDnsFailureIsNotAnsweredNotAVerdict() throws Exception {
        server = TestDnsServer.start().txt("example.com", "v=spf1 include:_spf.example.net -all")
                .rcode("_spf.example.net", Rcode.SERVFAIL);
        CheckResult r = spf("203.0.113.5");
        assertEquals("not answered", r.answer());
        assertEquals("not answered: SERVFAIL (TXT of _spf.example.net)", r.detail());
    }

    @Test
    void withoutASendingIpTheRecordIsShown() throws Exception {
        server = TestDnsServer.start().txt("example.com", "v=spf1 mx -all");
        CheckResult r = SpfCheck.run(new Probes(server).probe, "example.com", null, SENDER);
        assertEquals("example.com", r.subject());
        assertEquals("record found", r.answer());
        assertEquals("v=spf1 mx -all (the log names no sending IP: give --ip to evaluate it)", r.detail());
    }
}
