package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Where mail for a recipient domain goes: MX, null MX, the address fallback, nowhere, or no such domain. */
class MxCheckTest {

    TestDnsServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void mxHostsInPreferenceOrder() throws Exception {
        server = TestDnsServer.start().add("example.org", Type.MX, "20 mx2.example.org.")
                .add("example.org", Type.MX, "10 mx1.example.org.");
        CheckResult r = MxCheck.run(new Probes(server).probe, "example.org");
        assertEquals("mx", r.check());
        assertEquals("example.org", r.subject());
        assertEquals("mx", r.answer());
        assertEquals("10 mx1.example.org, 20 mx2.example.org", r.detail());
    }

    @Test
    void nullMx() throws Exception {
        server = TestDnsServer.start().add("example.org", Type.MX, "0 .");
        CheckResult r = MxCheck.run(new Probes(server).probe, "example.org");
        assertEquals("null mx", r.answer());
        assertEquals("the domain says it accepts no mail (null MX, RFC 7505): remove the address", r.detail());
    }

    @Test
    void noMxFallsBackToTheAddress() throws Exception {
        server = TestDnsServer.start().add("example.org", Type.A, "192.0.2.80");
        CheckResult r = MxCheck.run(new Probes(server).probe, "example.org");
        assertEquals("no mx", r.answer());
        assertEquals("no MX record: mail goes to the domain's own address 192.0.2.80 (implicit MX, RFC 5321 5.1)",
                r.detail());
    }

    @Test
    void neitherMxNorAddress() throws Exception {
        server = TestDnsServer.start().txt("example.org", "v=spf1 -all");
        assertEquals("no mail host", MxCheck.run(new Probes(server).probe, "example.org").answer());
    }

    @Test
    void noSuchDomain() throws Exception {
        server = TestDnsServer.start();
        CheckResult r = MxCheck.run(new Probes(server).probe, "exmaple.org");
        assertEquals("nxdomain", r.answer());
        assertEquals(0, server.queries("exmaple.org", Type.A), "NXDOMAIN needs no address lookup");
    }

    @Test
    void servfailIsNotAnswered() throws Exception {
        server = TestDnsServer.start().rcode("example.org", Rcode.SERVFAIL);
        CheckResult r = MxCheck.run(new Probes(server).probe, "example.org");
        assertEquals("not answered", r.answer());
        assertEquals("SERVFAIL", r.detail());
    }
}
