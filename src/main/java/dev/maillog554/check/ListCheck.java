package dev.maillog554.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import dev.maillog554.classify.BlocklistInfo;

/** Is the IP (or domain) on the blocklist now? A query of the reversed address under the list's zone (RFC 5782). */
final class ListCheck {

    static final String CHECK = "blocklist";

    /** Longest listing reason (the list's TXT record) shown. */
    private static final int MAX_REASON = 200;

    private ListCheck() {
    }

    /**
     * @param list   the list, with its lookup and delisting pages filled in for {@code listed}
     * @param zone   the zone to ask
     * @param listed the IP or domain
     */
    static CheckResult run(Probe p, BlocklistInfo list, String zone, String listed) {
        String subject = zone + " " + listed;
        Optional<InetAddress> ip = Ips.parse(listed);
        String name = (ip.isPresent() ? Ips.reversed(ip.get()) : listed) + "." + zone;
        DnsAnswer a = p.dns().query(name, Type.A);
        if (a.failed()) {
            return p.notAnswered(CHECK, subject, a);
        }
        if (a.empty()) {
            return p.result(CHECK, subject, "not listed", "not on " + list.name() + " now");
        }
        List<String> codes = a.records().stream().map(r -> ((ARecord) r).getAddress().getHostAddress()).sorted()
                .toList();
        List<String> refused = new ArrayList<>();
        List<String> listedAs = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (String code : codes) {
            ReturnCodes.Meaning m = p.codes().meaning(zone, code);
            String phrase = code + ": " + m.meaning();
            switch (m.answer()) {
                case ReturnCodes.REFUSED -> refused.add(phrase);
                case ReturnCodes.LISTED -> listedAs.add(phrase);
                default -> unexpected.add(phrase);
            }
        }
        // An error code means the list did not look the address up: whatever else came back is no listing.
        if (!refused.isEmpty()) {
            return p.result(CHECK, subject, ReturnCodes.REFUSED, String.join("; ", refused));
        }
        if (listedAs.isEmpty()) {
            return p.result(CHECK, subject, ReturnCodes.UNEXPECTED, String.join("; ", unexpected));
        }
        StringBuilder d = new StringBuilder(String.join("; ", listedAs));
        String reason = reason(p, name);
        if (!reason.isEmpty()) {
            d.append("; the list says: ").append(reason);
        }
        String delist = list.delistUrl().isEmpty() ? list.lookupUrl() : list.delistUrl();
        if (!delist.isEmpty()) {
            d.append("; delisting: ").append(delist);
        }
        return p.result(CHECK, subject, ReturnCodes.LISTED, d.toString());
    }

    /** The check for a list that has no public DNS zone: only its own page can say. */
    static CheckResult noZone(Probe p, BlocklistInfo list, String listed) {
        return p.result(CHECK, list.name() + " " + listed, "not checked", "the list has no public DNS zone"
                + (list.lookupUrl().isEmpty() ? "" : ": look it up at " + list.lookupUrl()));
    }

    // Lists put the reason for a listing, often with a link, in a TXT record beside the A record.
    private static String reason(Probe p, String name) {
        DnsAnswer t = p.dns().query(name, Type.TXT);
        if (t.kind() != DnsAnswer.Kind.RECORDS) {
            return "";
        }
        String s = String.join("", ((TXTRecord) t.records().get(0)).getStrings()).strip();
        return s.length() > MAX_REASON ? s.substring(0, MAX_REASON) + "\u2026" : s;
    }
}
