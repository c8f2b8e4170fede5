package dev.maillog554.check;

import java.net.InetAddress;
import java.util.List;

import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Does the sender domain's SPF record authorise the sending IP now? */
final class SpfCheck {

    static final String CHECK = "spf";

    private static final int SHOWN = 200;

    private SpfCheck() {
    }

    /**
     * @param ip     the sending IP, or null when neither the log nor {@code --ip} names one: then only the record
     *               is shown
     * @param sender the envelope sender, for macros
     */
    static CheckResult run(Probe p, String domain, InetAddress ip, String sender) {
        if (ip == null) {
            return recordOnly(p, domain);
        }
        String subject = domain + " for " + Ips.text(ip);
        Spf.Outcome o = Spf.check(p.dns(), ip, domain, sender);
        String advice = switch (o.result()) {
            case "fail", "softfail" -> ": add " + (ip.getAddress().length == 4 ? "ip4:" : "ip6:") + Ips.text(ip)
                    + " (or an include of your provider) to the SPF record of " + domain;
            case "none" -> ": receivers that require SPF refuse the mail; publish a record naming your sending IPs";
            case "permerror" -> ": receivers treat a broken record like a failure; fix it";
            default -> "";
        };
        String answer = "temperror".equals(o.result()) ? CheckResult.NOT_ANSWERED : o.result();
        return p.result(CHECK, subject, answer, o.detail() + advice);
    }

    private static CheckResult recordOnly(Probe p, String domain) {
        DnsAnswer t = p.dns().query(domain, Type.TXT);
        if (t.failed()) {
            return p.notAnswered(CHECK, domain, t);
        }
        List<String> spf = t.records().stream().map(r -> String.join("", ((TXTRecord) r).getStrings()))
                .filter(Spf::isSpf).toList();
        if (spf.isEmpty()) {
            return p.result(CHECK, domain, "none", "no SPF record: receivers that require SPF refuse the mail; "
                    + "publish a record naming your sending IPs");
        }
        String r = spf.get(0).length() > SHOWN ? spf.get(0).substring(0, SHOWN) + "\u2026" : spf.get(0);
        return p.result(CHECK, domain, "record found", r + " (the log names no sending IP: give --ip to evaluate it)");
    }
}
