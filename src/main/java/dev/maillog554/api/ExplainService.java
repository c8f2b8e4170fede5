package dev.maillog554.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.maillog554.api.dto.Explanation;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.EnhancedCodes;
import dev.maillog554.classify.ReplyText;
import dev.maillog554.ingest.LogLine;
import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;
import dev.maillog554.report.Redactor;

/**
 * Explains one log line or reply text: a full Postfix/Exim line goes through the real parser, bare reply text
 * is read for its codes; either way the classifier decides.
 */
@ApplicationScoped
public class ExplainService {

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
            ReplyText reply = ReplyText.parse(text);
            code = reply.replyCode();
            enhanced = reply.enhancedCode();
            d = classifier.classify(code, enhanced, text, reply.recipientDomain(), reply.remoteHost());
        }
        return new Explanation(code == 0 ? null : code, enhanced,
                enhanced.isEmpty() ? "" : EnhancedCodes.meaning(enhanced), d.category().id(), d.provider(),
                d.blocklist(), d.tips().stream().map(redactor::text).toList());
    }
}
