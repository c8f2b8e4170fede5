package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Reverse DNS of a sending IP, confirmed forward (FCrDNS). */
class HostCheckTest {

    TestDnsServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aPtrWhoseNameResolvesBackIsForwardConfirmed() throws Exception {
        server = TestDnsServer.start().add("5.113.0.203.in-addr.arpa", Type.PTR, "mail.example.net.")
                .add("mail.example.net", Type.A, "203.0.113.9").add("mail.example.net", Type.A, "203.0.113.5");
        CheckResult r = HostCheck.run(new Probes(server).probe, InetAddress.getByName("203.0.113.5"));
        assertEquals("ptr", r.check());
        assertEquals("203.0.113.5", r.subject());
        assertEquals("fcrdns ok", r.answer());
        assertEquals("PTR mail.example.net, which resolves back to 203.0.113.5", r.detail());
    }

    @Test
    void aPtrWhoseNameResolvesElsewhereIsAMismatch() throws Exception {
        server = TestDnsServer.start().add("5.113.0.203.in-addr.arpa", Type.PTR, "host-5.dsl.example.net.")
                .add("host-5.dsl.example.net", Type.A, "198.51.100.77");
        CheckResult r = HostCheck.run(new Probes(server).probe, InetAddress.getByName("203.0.113.5"));
        assertEquals("fcrdns mismatch", r.answer());
        assertTrue(r.detail().startsWith("PTR host-5.dsl.example.net resolves to 198.51.100.77, not back to "
                + "203.0.113.5"), r.detail());
    }

    @Test
    void aPtrNamingAHostWithoutAddressIsAMismatchToo() throws Exception {
        server = TestDnsServer.start().add("5.113.0.203.in-addr.arpa", Type.PTR, "gone.example.net.");
        CheckResult r = HostCheck.run(new Probes(server).probe, InetAddress.getByName("203.0.113.5"));
        assertEquals("fcrdns mismatch", r.answer());
        assertTrue(r.detail().startsWith("PTR gone.example.net has no A record, not back to 203.0.113.5"),
                r.detail());
    }

    @Test
    void noPtrRecord() throws Exception {
        server = TestDnsServer.start();
        CheckResult r = HostCheck.run(new Probes(server).probe, InetAddress.getByName("203.0.113.5"));
        assertEquals("no ptr", r.answer());
        assertEquals(1, server.queries("5.113.0.203.in-addr.arpa", Type.PTR));
    }

    @Test
    void ipv6UsesIp6ArpaAndAaaa() throws Exception {
        server = TestDnsServer.start()
                .add("5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", Type.PTR,
                        "mail6.example.net.")
                .add("mail6.example.net", Type.AAAA, "2001:db8::5");
        CheckResult r = HostCheck.run(new Probes(server).probe, InetAddress.getByName("2001:db8::5"));
        assertEquals("2001:db8::5", r.subject());
        assertEquals("fcrdns ok", r.answer());
    }
}
