package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

import dev.maillog554.parse.Direction;
import dev.maillog554.parse.RejectionEvent;

/**
 * Decides the cause of a rejection from its reply code, enhanced code, text, recipient domain and relay host.
 * Pure and thread-safe once built.
 */
public final class Classifier {

    /** Categories whose text may name a list worth looking up. */
    private static final Set<Category> LIST_CATEGORIES = Set.of(Category.BLOCKLISTED, Category.IP_BLOCKED,
            Category.IP_REPUTATION, Category.CONTENT_SPAM, Category.HELO_REJECTED, Category.SENDER_REJECTED,
            Category.POLICY, Category.NOT_AUTHORIZED);

    // "Unauthenticated email from example.jp is not accepted" / "sending domain [EXAMPLE.JP]" / "domain (x.org)"
    private static final Pattern SENDER_DOMAIN = Pattern.compile(
            "(?:email from |domain \\[|domain \\(|sender address [^@\\s]{1,64}@|from=<[^@>\\s]{1,64}@)"
                    + "([a-z0-9][a-z0-9.-]{0,200}\\.[a-z]{2,24})", Pattern.CASE_INSENSITIVE);

    private static final class Holder {
        static final Classifier INSTANCE = new Classifier();
    }

    private final RuleSet rules;
    private final Providers providers;
    private final Blocklists blocklists;
    private final TipCatalog tips;
    private final Map<Category, String> descriptions;
    private final Map<Category, String> sisimai;

    private Classifier() {
        this.rules = RuleSet.load();
        this.providers = Providers.load();
        this.blocklists = Blocklists.load();
        this.tips = TipCatalog.load();
        Map<Category, String> d = new EnumMap<>(Category.class);
        Map<Category, String> s = new EnumMap<>(Category.class);
        for (CSVRecord r : Resources.csv("categories.csv")) {
            Category c = Category.fromId(r.get("id"));
            d.put(c, r.get("description"));
            s.put(c, r.get("sisimai"));
        }
        this.descriptions = Map.copyOf(d);
        this.sisimai = Map.copyOf(s);
    }

    /** Loads the rules shipped with the application (once; later calls return the same instance). */
    public static Classifier load() {
        return Holder.INSTANCE;
    }

    /** Diagnoses one rejection event, tips included. */
    public Diagnosis classify(RejectionEvent e) {
        return classify(e, true);
    }

    /**
     * Diagnoses one rejection event; without tips when {@code withTips} is false. A scan stores and counts the
     * cause of every rejection but shows tips only for a few examples per cause, and filling a tip's lookups
     * (the client IP, the sender's domain) costs more regex searches than finding the cause: the scan asks for
     * tips again for its examples only.
     */
    public Diagnosis classify(RejectionEvent e, boolean withTips) {
        String dom = RejectionEvent.UNKNOWN_DOMAIN.equals(e.recipientDomain()) ? "" : e.recipientDomain();
        int at = e.sender().lastIndexOf('@');
        String senderDomain = at >= 0 ? e.sender().substring(at + 1).replace(">", "") : "";
        if (e.direction() == Direction.INBOUND) {
            Diagnosis d = diagnose(e.replyCode(), e.enhancedCode(), e.message(), dom, "", e.stage(), senderDomain,
                    e.remoteIp(), true, withTips);
            return withTips ? inbound(d) : d;
        }
        return diagnose(e.replyCode(), e.enhancedCode(), e.message(), dom, e.remoteHost(), e.stage(), senderDomain,
                "", false, withTips);
    }

    // Inbound, we are the receiver: the client's host and our own domain say nothing about a mailbox provider,
    // and most tips are for the sender, so say first whose move it is; receiver-side tips (inbound.<category>)
    // follow it, then the sender's steps.
    private Diagnosis inbound(Diagnosis d) {
        List<String> t = new ArrayList<>(d.tips().size() + 1);
        t.add(INBOUND_TIP);
        t.addAll(d.tips());
        return new Diagnosis(d.category(), d.ruleId(), "", d.blocklist(), d.listed(), t);
    }

    static final String INBOUND_TIP = "Inbound: your own server refused this client. Usually that is the filter "
            + "working; act only if the client was legitimate (check the client IP and the sender), then fix the "
            + "rule or allow-list it. Receiver-side notes come first; the other steps are what the sender would "
            + "have to do.";

    /**
     * Diagnoses a reply.
     *
     * @param replyCode       basic code, 0 when unknown
     * @param enhancedCode    enhanced code or empty
     * @param text            the reply text
     * @param recipientDomain recipient domain or empty
     * @param remoteHost      the relay host that answered, or empty
     */
    public Diagnosis classify(int replyCode, String enhancedCode, String text, String recipientDomain,
                              String remoteHost) {
        return classify(replyCode, enhancedCode, text, recipientDomain, remoteHost, "", "");
    }

    /**
     * Diagnoses a reply whose SMTP stage is known (CONNECT, HELO, MAIL, RCPT, DATA or a parser's name for them).
     *
     * @param stage        the stage, or empty to infer it from the text
     * @param senderDomain the envelope sender's domain for tips, or empty
     */
    public Diagnosis classify(int replyCode, String enhancedCode, String text, String recipientDomain,
                              String remoteHost, String stage, String senderDomain) {
        return diagnose(replyCode, enhancedCode, text, recipientDomain, remoteHost, stage, senderDomain, "", false,
                true);
    }

    // clientIp: the other side's address when the caller knows it (inbound: the client); inbound picks the
    // receiver-side tips and ignores the relay host and recipient domain for provider detection.
    private Diagnosis diagnose(int replyCode, String enhancedCode, String text, String recipientDomain,
                               String remoteHost, String stage, String senderDomain, String clientIp,
                               boolean inbound, boolean withTips) {
        String t = ReplyText.normalise(text);
        // What the parser found wins; the text is searched only for what it lacks (see ReplyText.codes).
        boolean knownCodes = replyCode > 0 && enhancedCode != null && !enhancedCode.isBlank();
        ReplyText.Codes found = knownCodes ? null : ReplyText.codes(t);
        int reply = replyCode > 0 ? replyCode : found.replyCode();
        String enhanced = enhancedCode == null || enhancedCode.isBlank() ? found.enhancedCode() : enhancedCode.trim();
        String rcpt = recipientDomain == null ? "" : recipientDomain.trim().toLowerCase(Locale.ROOT);
        String st = ReplyText.normaliseStage(stage);
        if (st.isEmpty()) {
            st = ReplyText.stage(t);
        }
        // inbound: the client is not a mailbox provider, so its host name is not needed
        String provider = "";
        if (!inbound) {
            String host = remoteHost == null || remoteHost.isBlank() ? ReplyText.remoteHost(t) : remoteHost.trim();
            provider = providers.detect(host, t, rcpt);
        }
        Rule.Probe probe = new Rule.Probe(reply > 0 ? Integer.toString(reply) : "", enhanced, st, provider,
                t.toLowerCase(Locale.ROOT));
        Rule rule = rules.first(probe);
        Category category = rule == null ? Category.UNKNOWN : rule.category();
        Optional<BlocklistInfo> list = LIST_CATEGORIES.contains(category) ? blocklists.detect(t) : Optional.empty();
        String blocklist = list.map(BlocklistInfo::id).orElse("");
        String listed = list.map(BlocklistInfo::listed).orElse("");
        if (!withTips) {
            return new Diagnosis(category, rule == null ? "" : rule.id(), provider, blocklist, listed, List.of());
        }
        String ip = list.isPresent() && listed.indexOf('.') > 0 && !listed.matches(".*[a-z].*")
                ? listed : Blocklists.ip(clientPart(t));
        if (ip.isEmpty() && clientIp != null) {
            ip = clientIp.trim();
        }
        String domain = senderDomain == null || senderDomain.isBlank() ? senderDomain(t) : senderDomain;
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("ip", ip.isEmpty() ? "<your-ip>" : ip);
        vars.put("reversed_ip", ip.isEmpty() || ip.indexOf('.') < 0 ? "<reversed-ip>" : reverse(ip));
        vars.put("domain", domain.isEmpty() ? "<your-domain>" : domain);
        vars.put("recipient_domain", rcpt.isEmpty() ? "<recipient-domain>" : rcpt);
        vars.put("listed", listed.isEmpty() ? (ip.isEmpty() ? "<your-ip>" : ip) : listed);
        List<String> tipList = tips.tips(blocklist, provider, category, rule == null ? "" : rule.id(), vars, inbound);
        return new Diagnosis(category, rule == null ? "" : rule.id(), provider, blocklist, listed, tipList);
    }

    /** One-line description of a category. */
    public String describe(Category c) {
        return descriptions.getOrDefault(c, "");
    }

    /** The Sisimai reason a category corresponds to (see docs/causes.md). */
    public String sisimaiReason(Category c) {
        return sisimai.getOrDefault(c, "undefined");
    }

    /** Human name of a provider id, or the id itself. */
    public String providerName(String id) {
        return providers.name(id);
    }

    /** Lookup and delisting pages for the blocklist a diagnosis names. */
    public Optional<BlocklistInfo> blocklist(Diagnosis d) {
        return d.blocklist().isEmpty() ? Optional.empty() : blocklists.byId(d.blocklist(), d.listed());
    }

    RuleSet rules() {
        return rules;
    }

    Providers providers() {
        return providers;
    }

    Blocklists blocklists() {
        return blocklists;
    }

    TipCatalog tipCatalog() {
        return tips;
    }

    /** The part of a reply that talks about the client: drops the "host mx.example[192.0.2.1] said:" prefix. */
    private static String clientPart(String t) {
        int i = t.indexOf(" said:");
        return i >= 0 ? t.substring(i + 6) : t;
    }

    private static String senderDomain(String t) {
        Matcher m = SENDER_DOMAIN.matcher(t);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static String reverse(String ip) {
        String[] p = ip.split("\\.");
        if (p.length != 4) {
            return "<reversed-ip>";
        }
        return p[3] + "." + p[2] + "." + p[1] + "." + p[0];
    }
}
