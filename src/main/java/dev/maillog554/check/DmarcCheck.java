package dev.maillog554.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The sender domain's DMARC record and policy ({@code _dmarc.domain}, RFC 7489), falling back to the organisational
 * domain, whose {@code sp=} (else {@code p=}) then applies.
 */
final class DmarcCheck {

    static final String CHECK = "dmarc";

    private static final int SHOWN = 200;

    private DmarcCheck() {
    }

    static CheckResult run(Probe p, String domain) {
        DnsAnswer own = p.dns().query("_dmarc." + domain, Type.TXT);
        if (own.failed()) {
            return p.notAnswered(CHECK, domain, own);
        }
        List<String> records = dmarc(own);
        String org = Named.organisational(domain);
        boolean inherited = false;
        if (records.isEmpty() && !org.equals(domain)) {
            DnsAnswer parent = p.dns().query("_dmarc." + org, Type.TXT);
            if (parent.failed()) {
                return p.notAnswered(CHECK, domain, parent);
            }
            records = dmarc(parent);
            inherited = true;
        }
        if (records.isEmpty()) {
            return p.result(CHECK, domain, "no record", "no DMARC record at _dmarc." + domain
                    + (org.equals(domain) ? "" : " nor _dmarc." + org) + ": receivers that require one (Gmail, "
                    + "Yahoo and Microsoft for bulk senders) refuse the mail; publish at least v=DMARC1; p=none");
        }
        if (records.size() > 1) {
            return p.result(CHECK, domain, "invalid", "several DMARC records: receivers ignore them all; keep one");
        }
        String record = records.get(0);
        Map<String, String> tags = tags(record);
        String policy = inherited && tags.containsKey("sp") ? "sp" : "p";
        String value = tags.getOrDefault(policy, "");
        String where = inherited ? "_dmarc." + org + " (organisational domain): " : "_dmarc." + domain + ": ";
        String shown = record.length() > SHOWN ? record.substring(0, SHOWN) + "\u2026" : record;
        if (!List.of("none", "quarantine", "reject").contains(value)) {
            return p.result(CHECK, domain, "invalid", where + shown + " has no valid p= policy");
        }
        return p.result(CHECK, domain, policy + "=" + value, where + shown);
    }

    // RFC 7489 6.6.3: of the TXT records, those starting with v=DMARC1 (others are ignored).
    private static List<String> dmarc(DnsAnswer a) {
        return a.records().stream().map(r -> String.join("", ((TXTRecord) r).getStrings()).strip())
                .filter(s -> s.replace(" ", "").toLowerCase(Locale.ROOT).startsWith("v=dmarc1")).toList();
    }

    /** A tag list ({@code v=DMARC1; p=reject}, DKIM's {@code k=rsa; p=MIIB...}): names lower case, values trimmed. */
    static Map<String, String> tags(String record) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : record.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(part.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        part.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
