package dev.maillog554.check;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Where mail for the recipient domain goes now: its MX hosts, a null MX (RFC 7505), the address fallback, or none. */
final class MxCheck {

    static final String CHECK = "mx";

    private static final int SHOWN = 5;

    private MxCheck() {
    }

    static CheckResult run(Probe p, String domain) {
        DnsAnswer mx = p.dns().query(domain, Type.MX);
        if (mx.failed()) {
            return p.notAnswered(CHECK, domain, mx);
        }
        if (mx.kind() == DnsAnswer.Kind.NXDOMAIN) {
            return p.result(CHECK, domain, "nxdomain", "the domain does not exist: check the address for a typo, "
                    + "or remove it");
        }
        if (mx.kind() == DnsAnswer.Kind.RECORDS) {
            List<MXRecord> hosts = mx.records().stream().map(r -> (MXRecord) r)
                    .sorted(Comparator.comparingInt(MXRecord::getPriority)
                            .thenComparing(r -> r.getTarget().toString(true)))
                    .toList();
            if (hosts.size() == 1 && hosts.get(0).getTarget().equals(Name.root)) {
                return p.result(CHECK, domain, "null mx", "the domain says it accepts no mail (null MX, RFC 7505): "
                        + "remove the address");
            }
            String shown = String.join(", ", hosts.stream().limit(SHOWN)
                    .map(r -> r.getPriority() + " " + r.getTarget().toString(true)).toList());
            return p.result(CHECK, domain, "mx", shown + (hosts.size() > SHOWN ? ", \u2026" : ""));
        }
        DnsAnswer a = p.dns().query(domain, Type.A);
        DnsAnswer aaaa = p.dns().query(domain, Type.AAAA);
        List<String> addresses = Stream.concat(a.records().stream(), aaaa.records().stream())
                .map(r -> Ips.text(r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress()))
                .toList();
        if (!addresses.isEmpty()) {
            return p.result(CHECK, domain, "no mx", "no MX record: mail goes to the domain's own address "
                    + String.join(", ", addresses.stream().limit(SHOWN).toList()) + " (implicit MX, RFC 5321 5.1)");
        }
        if (a.failed() || aaaa.failed()) {
            return p.notAnswered(CHECK, domain, a.failed() ? a : aaaa);
        }
        return p.result(CHECK, domain, "no mail host", "neither an MX nor an address record: mail to this domain "
                + "cannot be delivered");
    }
}
