package dev.maillog554.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;

class InboundViewTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static RejectionEvent event(Direction dir, String ip, String name, String sender, String rcpt, int min) {
        return new RejectionEvent(T0.plusSeconds(60L * min), dir, dir == Direction.INBOUND ? DeliveryStatus.REJECTED
                : DeliveryStatus.BOUNCED, Mta.POSTFIX, "mx1", "", sender, rcpt, "example.org", 554, "5.7.1", "RCPT",
                name, ip, "Service unavailable", "mail.log", min + 1);
    }

    @Test
    void groupsInboundRejectionsByClientAndSenderDomain() {
        InboundView v = new InboundView();
        v.add(event(Direction.INBOUND, "203.0.113.5", "unknown", "promo@Bulk.Example", "a@example.org", 3),
                "blocklisted", "spamhaus-zen");
        v.add(event(Direction.INBOUND, "203.0.113.5", "unknown", "promo@bulk.example", "a@example.org", 1),
                "blocklisted", "spamhaus-zen");
        v.add(event(Direction.INBOUND, "198.51.100.7", "mail.partner.example", "billing@bulk.example",
                "b@example.org", 2), "no-ptr", "");
        v.add(event(Direction.INBOUND, "198.51.100.8", "", "<>", "c@example.org", 4), "policy", "");
        v.add(event(Direction.INBOUND, "", "", "", "", 5), "ip-blocked", "");
        // Outbound rejections are about remote servers refusing us: not part of this view.
        v.add(event(Direction.OUTBOUND, "192.0.2.1", "mx.example.net", "me@example.com", "x@example.net", 6),
                "relay-denied", "");

        List<PartyTally> clients = v.clients();
        assertEquals(List.of("203.0.113.5", "(unknown)", "198.51.100.7", "198.51.100.8"),
                clients.stream().map(PartyTally::key).toList());
        assertEquals(new PartyTally("203.0.113.5", "unknown", 2, 1, 1, "blocklisted", "spamhaus-zen",
                T0.plusSeconds(60), T0.plusSeconds(180)), clients.get(0));

        List<PartyTally> senders = v.senderDomains();
        assertEquals(List.of("bulk.example", "(null sender)", "(unknown)"),
                senders.stream().map(PartyTally::key).toList());
        PartyTally bulk = senders.get(0);
        assertEquals(3, bulk.count());
        assertEquals(2, bulk.recipients());
        assertEquals(2, bulk.clients(), "two client IPs sent as bulk.example");
        assertEquals("blocklisted", bulk.category());
    }

    @Test
    void mergeEqualsCountingInOneView() {
        InboundView one = new InboundView();
        InboundView a = new InboundView();
        InboundView b = new InboundView();
        for (int i = 0; i < 20; i++) {
            RejectionEvent e = event(Direction.INBOUND, "203.0.113." + i % 3, "h" + i % 2, "s" + i + "@d" + i % 4
                    + ".example", "r" + i % 5 + "@example.org", i);
            String cause = i % 2 == 0 ? "policy" : "no-ptr";
            one.add(e, cause, "");
            (i < 9 ? a : b).add(e, cause, "");
        }
        a.merge(b);
        assertEquals(one.clients(), a.clients());
        assertEquals(one.senderDomains(), a.senderDomains());
    }
}
