package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

import dev.maillog554.classify.BlocklistInfo;

/** Blocklist queries: listed, not listed, Spamhaus's refusal codes, no answer, IPv6 and domain lists. */
class ListCheckTest {

    static final BlocklistInfo ZEN = new BlocklistInfo("spamhaus-zen", "Spamhaus ZEN", "203.0.113.5",
            "https://check.spamhaus.org/results/?query=203.0.113.5",
            "https://check.spamhaus.org/results/?query=203.0.113.5", "", List.of("zen.spamhaus.org"));
    static final BlocklistInfo SPAMCOP = new BlocklistInfo("spamcop", "SpamCop", "203.0.113.5",
            "https://www.spamcop.net/w3m?action=checkblock&ip=203.0.113.5", "https://www.spamcop.net/bl.shtml", "",
            List.of("bl.spamcop.net"));

    TestDnsServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void listedWithTheCodesMeaningTheListsReasonAndTheDelistingPage() throws Exception {
        server = TestDnsServer.start().add("5.113.0.203.zen.spamhaus.org", Type.A, "127.0.0.4")
                .add("5.113.0.203.zen.spamhaus.org", Type.A, "127.0.0.10")
                .txt("5.113.0.203.zen.spamhaus.org", "https://check.spamhaus.org/query/ip/203.0.113.5");
        CheckResult r = ListCheck.run(new Probes(server).probe, ZEN, "zen.spamhaus.org", "203.0.113.5");
        assertEquals("blocklist", r.check());
        assertEquals("zen.spamhaus.org 203.0.113.5", r.subject());
        assertEquals("listed", r.answer());
        assertEquals("127.0.0.10: PBL: end-user address space, by the ISP's own policy; 127.0.0.4: XBL: an infected "
                + "or exploited host (bot, open proxy); the list says: "
                + "https://check.spamhaus.org/query/ip/203.0.113.5; "
                + "delisting: https://check.spamhaus.org/results/?query=203.0.113.5", r.detail());
        assertEquals(Probes.NOW, r.checkedAt());
    }

    @Test
    void notListedWhenTheListHasNoSuchName() throws Exception {
        server = TestDnsServer.start().add("2.0.0.127.bl.spamcop.net", Type.A, "127.0.0.2");
        CheckResult r = ListCheck.run(new Probes(server).probe, SPAMCOP, "bl.spamcop.net", "203.0.113.5");
        assertEquals("not listed", r.answer());
        assertEquals("not on SpamCop now", r.detail());
        assertEquals(1, server.queries("5.113.0.203.bl.spamcop.net", Type.A));
        assertEquals(0, server.queries("5.113.0.203.bl.spamcop.net", Type.TXT), "the reason is asked only if listed");
    }

    @Test
    void spamhausRefusingAPublicResolverIsNoListing() throws Exception {
        server = TestDnsServer.start().add("5.113.0.203.zen.spamhaus.org", Type.A, "127.255.255.254");
        CheckResult r = ListCheck.run(new Probes(server).probe, ZEN, "zen.spamhaus.org", "203.0.113.5");
        assertEquals("query refused", r.answer());
        assertTrue(r.detail().startsWith("127.255.255.254: Spamhaus refuses queries that come through a public or "
                + "open resolver"), r.detail());
        assertTrue(r.detail().contains("--resolver"), r.detail());
    }

    @Test
    void theOtherErrorCodesToo() throws Exception {
        server = TestDnsServer.start().add("5.113.0.203.zen.spamhaus.org", Type.A, "127.255.255.255")
                .add("5.113.0.203.zen.spamhaus.org", Type.A, "127.0.0.2")
                .add("5.113.0.203.dnsbl.example.net", Type.A, "127.255.255.252")
                .add("5.113.0.203.rewriting.example.net", Type.A, "198.51.100.80");
        Probes p = new Probes(server);
        CheckResult tooMany = ListCheck.run(p.probe, ZEN, "zen.spamhaus.org", "203.0.113.5");
        assertEquals("query refused", tooMany.answer(), "an error code outweighs a listing in the same answer");
        assertEquals("127.255.255.255: Spamhaus error code: too many queries from this resolver", tooMany.detail());
        BlocklistInfo generic = new BlocklistInfo("generic-dnsbl", "DNS blocklist", "203.0.113.5", "", "", "",
                List.of());
        CheckResult other = ListCheck.run(p.probe, generic, "dnsbl.example.net", "203.0.113.5");
        assertEquals("query refused", other.answer());
        assertEquals("127.255.255.252: error code of the list, not a listing", other.detail());
        CheckResult rewritten = ListCheck.run(p.probe, generic, "rewriting.example.net", "203.0.113.5");
        assertEquals("unexpected answer", rewritten.answer());
        assertTrue(rewritten.detail().startsWith("198.51.100.80: no blocklist answer"), rewritten.detail());
    }

    @Test
    void noAnswerSaysWhyAndIsNoVerdict() throws Exception {
        server = TestDnsServer.start().silent();
        CheckResult r = ListCheck.run(new Probes(server).probe, ZEN, "zen.spamhaus.org", "203.0.113.5");
        assertEquals("not answered", r.answer());
        assertEquals("timeout after 0.4 s", r.detail());
        assertEquals("blocklist zen.spamhaus.org 203.0.113.5: not answered: timeout after 0.4 s", r.line());
    }

    @Test
    void servfailIsNotAnswered() throws Exception {
        server = TestDnsServer.start().rcode("5.113.0.203.zen.spamhaus.org", Rcode.SERVFAIL);
        CheckResult r = ListCheck.run(new Probes(server).probe, ZEN, "zen.spamhaus.org", "203.0.113.5");
        assertEquals("not answered", r.answer());
        assertEquals("SERVFAIL", r.detail());
    }

    @Test
    void ipv6AddressesAreAskedNibbleByNibble() throws Exception {
        String name = "5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org";
        server = TestDnsServer.start().add(name, Type.A, "127.0.0.3");
        CheckResult r = ListCheck.run(new Probes(server).probe, ZEN, "zen.spamhaus.org", "2001:db8::5");
        assertEquals("listed", r.answer());
        assertTrue(r.detail().startsWith("127.0.0.3: CSS"), r.detail());
    }

    @Test
    void domainListsAreAskedByName() throws Exception {
        BlocklistInfo dbl = new BlocklistInfo("spamhaus-dbl", "Spamhaus DBL (domains)", "zihan-promo.com", "", "", "",
                List.of("dbl.spamhaus.org"));
        server = TestDnsServer.start().add("zihan-promo.com.dbl.spamhaus.org", Type.A, "127.0.1.2");
        CheckResult r = ListCheck.run(new Probes(server).probe, dbl, "dbl.spamhaus.org", "zihan-promo.com");
        assertEquals("listed", r.answer());
        assertEquals("127.0.1.2: DBL: a low-reputation domain", r.detail());
    }
}
