package dev.maillog554.check;

import java.util.List;
import java.util.Map;

import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Is the DKIM key the log names published ({@code selector._domainkey.domain}, RFC 6376 3.6.2)? */
final class DkimCheck {

    static final String CHECK = "dkim";

    private DkimCheck() {
    }

    static CheckResult run(Probe p, String selector, String domain) {
        String name = selector + "._domainkey." + domain;
        DnsAnswer a = p.dns().query(name, Type.TXT);
        if (a.failed()) {
            return p.notAnswered(CHECK, name, a);
        }
        List<String> keys = a.records().stream().map(r -> String.join("", ((TXTRecord) r).getStrings()))
                .filter(s -> DmarcCheck.tags(s).containsKey("p")).toList();
        if (keys.isEmpty()) {
            return p.result(CHECK, name, "no key", "no DKIM key is published for selector " + selector
                    + ": signatures with it fail; publish the key or sign with a selector that has one");
        }
        // Tags are case-sensitive in the key itself; DmarcCheck.tags lower-cases, which only the length survives.
        Map<String, String> tags = DmarcCheck.tags(keys.get(0));
        String key = tags.get("p").replaceAll("\\s", "");
        if (key.isEmpty()) {
            return p.result(CHECK, name, "key revoked", "the key is published empty (p=): signatures with this "
                    + "selector fail on purpose");
        }
        return p.result(CHECK, name, "key present", "k=" + tags.getOrDefault("k", "rsa") + ", " + key.length() * 3 / 4
                + "-byte key" + (keys.size() > 1 ? "; " + keys.size() + " keys published, receivers may pick any"
                : ""));
    }
}
