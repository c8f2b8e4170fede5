package dev.maillog554.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.maillog554.api.dto.Explanation;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.ingest.LogLine;
import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;
import dev.maillog554.report.Redactor;

/**
 * Explains one log line or reply text: a full Postfix/Exim line goes through the real parser, bare reply text
 * is read for its codes; either way the classifier decides. Kept apart from the resource so it can switch to
 * the classifier's own explain logic when that lands.
 */
@ApplicationScoped
public class ExplainService {

    // "554 5.7.1 Service unavailable" or "said: 554-5.7.1 ..." : the first reply code and enhanced code.
    private static final Pattern CODES = Pattern.compile("(?<![\\d.])(?<code>[245]\\d\\d)(?:[ -](?<enh>[245]\\.\\d{1,3}"
            + "\\.\\d{1,3}))?(?![\\d.])|(?<![\\d.])(?<only>[245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");

    /** RFC 3463 subject.detail meanings of the codes seen in rejections. */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("0.0", "Other undefined status"),
            Map.entry("1.0", "Other address status"),
            Map.entry("1.1", "Bad destination mailbox address"),
            Map.entry("1.2", "Bad destination system address"),
            Map.entry("1.3", "Bad destination mailbox address syntax"),
            Map.entry("1.7", "Bad sender's mailbox address syntax"),
            Map.entry("1.8", "Bad sender's system address"),
            Map.entry("2.0", "Other or undefined mailbox status"),
            Map.entry("2.1", "Mailbox disabled, not accepting messages"),
            Map.entry("2.2", "Mailbox full"),
            Map.entry("2.3", "Message length exceeds administrative limit"),
            Map.entry("3.0", "Other or undefined mail system status"),
            Map.entry("3.4", "Message too big for system"),
            Map.entry("4.0", "Other or undefined network or routing status"),
            Map.entry("4.1", "No answer from host"),
            Map.entry("4.3", "Directory server failure"),
            Map.entry("4.4", "Unable to route"),
            Map.entry("4.7", "Delivery time expired"),
            Map.entry("5.0", "Other or undefined protocol status"),
            Map.entry("5.1", "Invalid command"),
            Map.entry("5.2", "Syntax error"),
            Map.entry("6.0", "Other or undefined media error"),
            Map.entry("7.0", "Other or undefined security status"),
            Map.entry("7.1", "Delivery not authorized, message refused"),
            Map.entry("7.7", "Message integrity failure"),
            Map.entry("7.8", "Authentication credentials invalid"),
            Map.entry("7.9", "Authentication mechanism is too weak"),
            Map.entry("7.10", "Encryption needed"),
            Map.entry("7.23", "SPF validation failed"),
            Map.entry("7.25", "Reverse DNS validation failed"),
            Map.entry("7.26", "Multiple authentication checks failed"));

    private final Classifier classifier = Classifier.load();
    private final LogParser parser = new LogParser();

    /** The diagnosis of {@code text}, with addresses in it redacted when asked. */
    public Explanation explain(String text, Redactor redactor) {
        Optional<RejectionEvent> parsed = parser.parse(new LogLine("explain", 1, text),
                new ParseContext(ZoneOffset.UTC, Instant.EPOCH));
        int code;
        String enhanced;
        Diagnosis d;
        if (parsed.isPresent()) {
            RejectionEvent e = parsed.get();
            code = e.replyCode();
            enhanced = e.enhancedCode();
            d = classifier.classify(e);
        } else {
            Matcher m = CODES.matcher(text);
            code = 0;
            enhanced = "";
            if (m.find()) {
                code = m.group("code") == null ? 0 : Integer.parseInt(m.group("code"));
                enhanced = m.group("code") == null ? m.group("only") : m.group("enh") == null ? "" : m.group("enh");
            }
            d = classifier.classify(code, enhanced, text, "", "");
        }
        return new Explanation(code == 0 ? null : code, enhanced, meaning(enhanced), d.category().id(),
                d.provider(), d.blocklist(), d.tips().stream().map(redactor::text).toList());
    }

    /** What the enhanced code's class and subject.detail mean, e.g. "Permanent failure: Mailbox full". */
    static String meaning(String enhanced) {
        if (enhanced == null || enhanced.isEmpty()) {
            return "";
        }
        int dot = enhanced.indexOf('.');
        String cls = switch (enhanced.charAt(0)) {
            case '2' -> "Success";
            case '4' -> "Persistent transient failure";
            case '5' -> "Permanent failure";
            default -> "";
        };
        String detail = MEANINGS.get(enhanced.substring(dot + 1));
        return detail == null ? cls : cls + ": " + detail;
    }
}
