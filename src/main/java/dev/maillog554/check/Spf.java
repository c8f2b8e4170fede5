package dev.maillog554.check;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * SPF's check_host (RFC 7208 4): does the domain's policy authorise the IP? Follows include and redirect, counts
 * the DNS-querying terms (include, a, mx, ptr, exists, redirect) and stops with permerror past 10 of them, or past
 * 2 that found nothing. One instance per evaluation (it keeps those counts).
 */
final class Spf {

    static final int MAX_LOOKUPS = 10;
    static final int MAX_VOID_LOOKUPS = 2;
    /** RFC 7208 4.6.4: an mx or ptr term looks at 10 names at most. */
    static final int MAX_NAMES = 10;

    /**
     * @param result pass, fail, softfail, neutral, none, permerror or temperror
     * @param detail what decided it
     */
    record Outcome(String result, String detail) {
    }

    /** Ends the evaluation with permerror or temperror, wherever in the include chain it happens. */
    private static final class Stop extends Exception {
        private final transient Outcome outcome;

        Stop(String result, String detail) {
            super(detail, null, false, false);
            this.outcome = new Outcome(result, detail);
        }
    }

    private static final Pattern MODIFIER = Pattern.compile("([a-z][a-z0-9_.-]*)=(.*)", Pattern.CASE_INSENSITIVE);

    private final Dns dns;
    private final InetAddress ip;
    private final String sender;
    private int lookups;
    private int voids;

    private Spf(Dns dns, InetAddress ip, String sender) {
        this.dns = dns;
        this.ip = ip;
        this.sender = sender;
    }

    /**
     * Evaluates the policy of {@code domain} for {@code ip}.
     *
     * @param sender the envelope sender for macros ({@code %{s}}, {@code %{l}}), or empty for postmaster@domain
     */
    static Outcome check(Dns dns, InetAddress ip, String domain, String sender) {
        Spf spf = new Spf(dns, ip, sender == null || sender.indexOf('@') < 0 ? "postmaster@" + domain : sender);
        try {
            Outcome o = spf.host(domain);
            return new Outcome(o.result(), o.detail() + "; " + spf.lookups + " of " + MAX_LOOKUPS + " DNS lookups");
        } catch (Stop s) {
            return s.outcome;
        }
    }

    /** True for a TXT record that is an SPF record (RFC 7208 4.5: "v=spf1" alone or followed by a space). */
    static boolean isSpf(String txt) {
        String l = txt.toLowerCase(Locale.ROOT);
        return l.equals("v=spf1") || l.startsWith("v=spf1 ");
    }

    private Outcome host(String domain) throws Stop {
        DnsAnswer txt = dns.query(domain, Type.TXT);
        if (txt.failed()) {
            throw new Stop("temperror", "not answered: " + txt.problem() + " (TXT of " + domain + ")");
        }
        List<String> records = txt.records().stream().map(r -> String.join("", ((TXTRecord) r).getStrings()))
                .filter(Spf::isSpf).toList();
        if (records.isEmpty()) {
            return new Outcome("none", "no SPF record at " + domain);
        }
        if (records.size() > 1) {
            throw new Stop("permerror", records.size() + " SPF records at " + domain + " (one is allowed)");
        }
        String redirect = null;
        List<String> terms = new ArrayList<>(List.of(records.get(0).trim().split("\\s+")));
        terms.remove(0);
        for (String term : terms) {
            Matcher mod = MODIFIER.matcher(term);
            if (mod.matches()) {
                if (mod.group(1).equalsIgnoreCase("redirect")) {
                    if (redirect != null) {
                        throw new Stop("permerror", "two redirect= modifiers at " + domain);
                    }
                    redirect = mod.group(2);
                }
                continue; // exp= and unknown modifiers do not change the result
            }
            SpfTerm t;
            try {
                t = SpfTerm.parse(term);
            } catch (IllegalArgumentException e) {
                throw new Stop("permerror", e.getMessage() + " at " + domain);
            }
            String matched = matches(t, domain);
            if (matched != null) {
                return new Outcome(t.result(), matched);
            }
        }
        if (redirect == null) {
            return new Outcome("neutral", "no term matched at " + domain + " and there is no redirect");
        }
        count("redirect=" + redirect);
        String target = expand(redirect, domain);
        Outcome o = host(target);
        if ("none".equals(o.result())) {
            throw new Stop("permerror", "redirect=" + target + " at " + domain + " has no SPF record");
        }
        return new Outcome(o.result(), o.detail() + ", redirected from " + domain);
    }

    // What matched, for the report ("matched ip4:192.0.2.0/24 at _spf.example.net, included by example.com"), or
    // null when the term does not match.
    private String matches(SpfTerm t, String domain) throws Stop {
        if ("include".equals(t.name())) {
            count(t.text());
            String target = expand(t.spec(), domain);
            Outcome o = host(target);
            if ("none".equals(o.result())) {
                throw new Stop("permerror", "include:" + target + " at " + domain + " has no SPF record");
            }
            return "pass".equals(o.result()) ? o.detail() + ", included by " + domain : null;
        }
        return holds(t, t.spec().isEmpty() ? domain : expand(t.spec(), domain)) ? "matched " + t.text() + " at "
                + domain : null;
    }

    private boolean holds(SpfTerm t, String target) throws Stop {
        boolean v4 = ip instanceof Inet4Address;
        switch (t.name()) {
            case "all":
                return true;
            case "ip4":
            case "ip6":
                return Ips.inNetwork(ip, Ips.parse(t.spec()).orElseThrow(), v4 ? t.cidr4() : t.cidr6());
            case "exists":
                count(t.text());
                return answer(target, Type.A).kind() == DnsAnswer.Kind.RECORDS;
            case "ptr": // RFC 7208 5.5 says do not use it; still evaluated, as receivers do
                count(t.text());
                return ptr(target);
            default:
                count(t.text());
                return hosts(t, target, v4 ? t.cidr4() : t.cidr6());
        }
    }

    // a and mx: the addresses of the target, or of its MX hosts, against the IP.
    private boolean hosts(SpfTerm t, String target, int prefix) throws Stop {
        int type = ip instanceof Inet4Address ? Type.A : Type.AAAA;
        List<String> names = new ArrayList<>();
        if ("a".equals(t.name())) {
            names.add(target);
        } else {
            DnsAnswer mx = answer(target, Type.MX);
            if (mx.records().size() > MAX_NAMES) {
                throw new Stop("permerror", t.text() + ": " + target + " has more than " + MAX_NAMES + " MX hosts");
            }
            mx.records().forEach(r -> names.add(((MXRecord) r).getTarget().toString()));
        }
        for (String n : names) {
            // The a term's own lookup may be void; the MX hosts' address lookups are not counted as void.
            DnsAnswer a = "a".equals(t.name()) ? answer(n, type) : dns.query(n, type);
            if (a.failed()) {
                throw new Stop("temperror", "not answered: " + a.problem() + " (" + n + ")");
            }
            for (Record r : a.records()) {
                InetAddress addr = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress();
                if (Ips.inNetwork(ip, addr, prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean ptr(String target) {
        DnsAnswer names = dns.query(ReverseMap.fromAddress(ip).toString(), Type.PTR);
        // RFC 7208 5.5: a DNS error in the PTR lookup makes the term not match; it is no temperror.
        for (Record r : names.records().stream().limit(MAX_NAMES).toList()) {
            String n = ((PTRRecord) r).getTarget().toString(true).toLowerCase(Locale.ROOT);
            if (!(n.equals(target) || n.endsWith("." + target))) {
                continue;
            }
            DnsAnswer a = dns.query(n, ip instanceof Inet4Address ? Type.A : Type.AAAA);
            for (Record x : a.records()) {
                InetAddress addr = x instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) x).getAddress();
                if (addr.equals(ip)) {
                    return true;
                }
            }
        }
        return false;
    }

    // A query of a term: not answered is temperror; no such name or no record counts as a void lookup.
    private DnsAnswer answer(String name, int type) throws Stop {
        DnsAnswer a = dns.query(name, type);
        if (a.failed()) {
            throw new Stop("temperror", "not answered: " + a.problem() + " (" + name + " " + Type.string(type) + ")");
        }
        if (a.empty() && ++voids > MAX_VOID_LOOKUPS) {
            throw new Stop("permerror", "more than " + MAX_VOID_LOOKUPS + " lookups found nothing (RFC 7208 "
                    + "4.6.4), the last " + name);
        }
        return a;
    }

    private String expand(String spec, String domain) throws Stop {
        try {
            return Macros.expand(spec, domain, ip, sender);
        } catch (IllegalArgumentException e) {
            throw new Stop("permerror", "bad macro in '" + spec + "' at " + domain + ": " + e.getMessage());
        }
    }

    private void count(String term) throws Stop {
        if (++lookups > MAX_LOOKUPS) {
            throw new Stop("permerror", "more than " + MAX_LOOKUPS + " DNS lookups (RFC 7208 4.6.4): the limit "
                    + "was passed at " + term);
        }
    }
}
