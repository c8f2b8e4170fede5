package dev.maillog554.classify;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.maillog554.parse.Direction;
import dev.maillog554.parse.RejectionEvent;

/**
 * Decides the cause of a rejection from its reply code, enhanced code, text, recipient domain and relay host.
 * Pure and thread-safe once built.
 */
public final class Classifier {

    // "Unauthenticated email from example.jp is not accepted" / "sending domain [EXAMPLE.JP]" / "domain (x.org)"
    private static final Pattern SENDER_DOMAIN = Pattern.compile(
            "(?:email from |domain \\[|domain \\(|sender address [^@\\s]{1,64}@|from=<[^@>\\s]{1,64}@)"
                    + "([a-z0-9][a-z0-9.-]{0,200}\\.[a-z]{2,24})", Pattern.CASE_INSENSITIVE);

    // The shipped files are checked by RulesCheckTest at build time, not at every start.
    private static final class Holder {
        static final Classifier INSTANCE = new Classifier(ClassifyData.read(null));
    }

    private final RuleSet rules;
    private final Providers providers;
    private final Blocklists blocklists;
    private final TipCatalog tips;
    private final Categories categories;

    private Classifier(ClassifyData data) {
        this.rules = RuleSet.of(data.rules());
        this.providers = Providers.of(data.providers());
        this.blocklists = Blocklists.of(data.blocklists());
        this.tips = TipCatalog.of(data.tips());
        this.categories = Categories.of(data.categories());
    }

    /**
     * The classifier of the classify folder in use ({@link ClassifyFolder#current}) before the shipped files, or
     * of the shipped files alone; built once per folder and its files' state, so callers may call this often.
     *
     * @throws RulesException when the folder's files have problems ({@code rules check} lists the same)
     */
    public static Classifier load() {
        return load(ClassifyFolder.current().orElse(null));
    }

    /**
     * The classifier of {@code folder}'s files before the shipped ones; of the shipped ones alone when null.
     *
     * @throws RulesException when the folder's files have problems
     */
    public static Classifier load(Path folder) {
        if (folder == null) {
            return Holder.INSTANCE;
        }
        return ClassifyFolder.cached(folder, () -> {
            ClassifyData data = ClassifyData.read(folder);
            List<RuleProblem> problems = RulesCheck.check(data);
            if (!problems.isEmpty()) {
                throw new RulesException(problems);
            }
            return new Classifier(data);
        });
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
            return diagnose(e.replyCode(), e.enhancedCode(), e.message(), dom, "", e.stage(), senderDomain,
                    e.remoteIp(), true, withTips);
        }
        return diagnose(e.replyCode(), e.enhancedCode(), e.message(), dom, e.remoteHost(), e.stage(), senderDomain,
                "", false, withTips);
    }

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

    // clientIp: the other side's address when the caller knows it (inbound: the client). Inbound, we are the
    // receiver: the client's host and our own domain say nothing about a mailbox provider, and most tips are for
    // the sender, so the tips start with whose move it is and the receiver-side steps (TipCatalog.INBOUND).
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
        Optional<BlocklistInfo> list = categories.get(category).findBlocklist() ? blocklists.detect(t)
                : Optional.empty();
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

    /** One-line description of a category; empty for one the files do not define. */
    public String describe(Category c) {
        return categories.get(c).description();
    }

    /**
     * What live checks ({@code --check}) ask about outbound rejections of a category: {@code host} (the sending
     * IP's reverse DNS), {@code auth} (the sender domain's SPF, DMARC, DKIM), {@code routing} (the recipient
     * domain's MX); from categories.csv.
     */
    public Set<String> liveChecks(Category c) {
        return categories.get(c).liveChecks();
    }

    /** The Sisimai reason a category corresponds to (see docs/causes.md); "undefined" for an unknown one. */
    public String sisimaiReason(Category c) {
        return categories.get(c).sisimai();
    }

    /** Every category the files define, in their order (a classify folder's first). */
    public List<Category> categories() {
        return categories.all();
    }

    /** The category with this id (any case, {@code _} for {@code -}) when the files define it. */
    public Optional<Category> category(String id) {
        return categories.find(id);
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
