package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.maillog554.classify.BlocklistInfo;

/** What reply texts name: zones, DKIM selectors, sender domains, our IPs. */
class NamedTest {

    static BlocklistInfo list(String id, String... zones) {
        return new BlocklistInfo(id, id, "", "", "", "", List.of(zones));
    }

    @Test
    void theZoneTheReceiverUsedWins() {
        BlocklistInfo uce = list("uceprotect", "dnsbl-1.uceprotect.net", "dnsbl-2.uceprotect.net",
                "dnsbl-3.uceprotect.net");
        assertEquals("dnsbl-2.uceprotect.net", Named.zone(uce, "554 5.7.1 Service unavailable; Client host "
                + "[203.0.113.5] blocked using dnsbl-2.uceprotect.net; Your ISP is listed"));
        assertEquals("dnsbl-1.uceprotect.net", Named.zone(uce, "554 listed at UCEPROTECT"));
        BlocklistInfo zen = list("spamhaus-zen", "zen.spamhaus.org", "sbl.spamhaus.org", "xbl.spamhaus.org");
        // "www.spamhaus.org" in a link is no zone, and sbl-xbl is not sbl.
        assertEquals("zen.spamhaus.org", Named.zone(zen, "blocked using Spamhaus. see http://www.spamhaus.org/x"));
        assertEquals("xbl.spamhaus.org", Named.zone(zen, "blocked using xbl.spamhaus.org"));
        assertEquals("sbl-xbl.spamhaus.org", Named.zone(zen, "listed in sbl-xbl.spamhaus.org"));
        BlocklistInfo generic = list("generic-dnsbl");
        assertEquals("rbl.example.net", Named.zone(generic, "rejected because 203.0.113.5 is in a black list at "
                + "rbl.example.net"));
        assertEquals("", Named.zone(generic, "blocked by our RBL"));
    }

    @Test
    void dkimSelectorAndSigningDomain() {
        // Authentication-Results shape (Exim test suite line, fixtures README): header.d then header.s
        assertArrayEquals(new String[] {"clochette", "dmarc.org"},
                Named.dkim("dkim=pass header.d=dmarc.org header.s=clochette header.a=rsa-sha256").orElseThrow());
        assertArrayEquals(new String[] {"sel1", ""}, Named.dkim("DKIM signature s=sel1 did not verify").orElseThrow());
        assertTrue(Named.dkim("status=bounced (5.7.1 DKIM failed)").isEmpty());
    }

    @Test
    void senderDomain() {
        assertEquals("example.com", Named.senderDomain("<news@Example.COM>", ""));
        assertEquals("example.jp", Named.senderDomain("", "Unauthenticated email from example.jp is not accepted"));
        assertEquals("", Named.senderDomain("<>", "550 5.7.1 no"));
        assertEquals("example.co.uk", Named.organisational("mail.example.co.uk"));
        assertEquals("example.co.uk", Named.organisational("example.co.uk"));
        assertEquals("example.com", Named.organisational("a.b.example.com"));
        assertEquals("example.de", Named.organisational("news.example.de"));
    }

    @Test
    void ourIpsInReplyTexts() throws Exception {
        assertEquals(List.of("203.0.113.5", "2001:db8::5"), Ips.named("host mx[192.0.2.25] said: [203.0.113.5] "
                + "listed; also [IPv6:2001:db8:0:0:0:0:0:5]; at 10:15:01; 127.0.0.2; 10.1.2.3; 999.1.2.3",
                "192.0.2.25"));
        assertEquals("5.113.0.203", Ips.reversed(InetAddress.getByName("203.0.113.5")));
        assertTrue(Ips.parse("mail.example.com").isEmpty(), "a name is never looked up");
        assertTrue(Ips.parse("256.1.1.1").isEmpty());
        assertEquals("::1", Ips.text(InetAddress.getByName("::1")));
        assertTrue(Ips.inNetwork(InetAddress.getByName("192.0.2.77"), InetAddress.getByName("192.0.2.64"), 26));
        assertTrue(!Ips.inNetwork(InetAddress.getByName("192.0.2.77"), InetAddress.getByName("192.0.2.64"), 29));
    }
}
