package dev.maillog554.check;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * Reverse DNS of a sending IP, forward-confirmed (FCrDNS): the PTR names a host whose A (or AAAA) record gives the
 * IP back. Receivers that check it refuse mail when either half is missing.
 */
final class HostCheck {

    static final String CHECK = "ptr";

    /** PTR names followed at most: one is normal; an IP with dozens of PTR records is misconfigured anyway. */
    private static final int MAX_NAMES = 5;

    private HostCheck() {
    }

    static CheckResult run(Probe p, InetAddress ip) {
        String subject = Ips.text(ip);
        DnsAnswer ptr = p.dns().query(ReverseMap.fromAddress(ip).toString(), Type.PTR);
        if (ptr.failed()) {
            return p.notAnswered(CHECK, subject, ptr);
        }
        if (ptr.empty()) {
            return p.result(CHECK, subject, "no ptr", "no PTR record: receivers that want reverse DNS refuse this "
                    + "IP; ask whoever runs it (your hosting or ISP) for a PTR naming your mail server");
        }
        List<String> names = ptr.records().stream().map(r -> ((PTRRecord) r).getTarget().toString(true)).sorted()
                .limit(MAX_NAMES).toList();
        int type = ip instanceof Inet4Address ? Type.A : Type.AAAA;
        List<String> seen = new ArrayList<>();
        DnsAnswer failed = null;
        for (String name : names) {
            DnsAnswer fwd = p.dns().query(name, type);
            if (fwd.failed()) {
                failed = fwd;
                continue;
            }
            for (Record r : fwd.records()) {
                InetAddress a = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress();
                if (a.equals(ip)) {
                    return p.result(CHECK, subject, "fcrdns ok", "PTR " + name + ", which resolves back to "
                            + subject);
                }
                seen.add(Ips.text(a));
            }
        }
        if (failed != null) {
            return p.notAnswered(CHECK, subject, failed);
        }
        return p.result(CHECK, subject, "fcrdns mismatch", "PTR " + String.join(", ", names)
                + (seen.isEmpty() ? " has no " + Type.string(type) + " record" : " resolves to "
                + String.join(", ", seen)) + ", not back to " + subject + ": give that name an "
                + Type.string(type) + " record for " + subject + ", or set a PTR naming a host that has one");
    }
}
