package dev.maillog554.explain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.maillog554.classify.BlocklistInfo;
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
 * Explains log lines or reply texts, for {@code explain} and {@code POST /api/explain} alike: a full Postfix or
 * Exim line goes through the scan's parser (stage, remote host, recipient domain and direction as a scan sees
 * them), anything else, such as a bare reply, is read for its codes; either way the classifier decides.
 */
@ApplicationScoped
public class ExplainService {

    private final Classifier classifier = Classifier.load();

    /** The explanation of one text on its own, with addresses in the tips redacted when asked. */
    public Explanation explain(String text, Redactor redactor) {
        return session(redactor).explain(text);
    }

    /**
     * A run of lines explained in order. They share one parse context, so that a pasted log links a Postfix
     * queue id to its sender as a scan does.
     */
    public Session session(Redactor redactor) {
        return new Session(redactor);
    }

    /** Lines explained in order; not thread-safe. */
    public final class Session {
        private final Redactor redactor;
        private final LogParser parser = new LogParser();
        private final ParseContext context = new ParseContext(ZoneOffset.UTC, Instant.now());
        private long line;

        private Session(Redactor redactor) {
            this.redactor = redactor;
        }

        /** The explanation of the next line. */
        public Explanation explain(String text) {
            ReplyText reply = ReplyText.parse(text);
            Optional<RejectionEvent> parsed;
            try {
                parsed = parser.parse(new LogLine("-", ++line, text), context);
            } catch (RuntimeException e) {
                parsed = Optional.empty(); // the parser never throws by contract; a bare reply is still explainable
            }
            if (parsed.isEmpty()) {
                Diagnosis d = classifier.classify(reply.replyCode(), reply.enhancedCode(), reply.text(),
                        reply.recipientDomain(), reply.remoteHost(), reply.stage(), "");
                return of(reply.replyCode(), reply.enhancedCode(), reply.stage(), "", reply.remoteHost(),
                        reply.recipientDomain(), d);
            }
            RejectionEvent e = parsed.get();
            int code = e.replyCode() > 0 ? e.replyCode() : reply.replyCode();
            String enhanced = e.enhancedCode().isEmpty() ? reply.enhancedCode() : e.enhancedCode();
            String domain = RejectionEvent.UNKNOWN_DOMAIN.equals(e.recipientDomain()) ? "" : e.recipientDomain();
            String host = e.remoteHost().isEmpty() ? e.remoteIp() : e.remoteHost();
            return of(code, enhanced, e.stage(), e.direction().label(), host, domain, classifier.classify(e));
        }

        private Explanation of(int code, String enhanced, String stage, String direction, String remoteHost,
                               String domain, Diagnosis d) {
            Optional<BlocklistInfo> bl = classifier.blocklist(d);
            return new Explanation(code == 0 ? null : code, enhanced,
                    enhanced.isEmpty() ? "" : EnhancedCodes.meaning(enhanced), d.category().id(),
                    classifier.describe(d.category()), d.ruleId(), d.provider(),
                    d.provider().isEmpty() ? "" : classifier.providerName(d.provider()), stage, direction, remoteHost,
                    domain, d.blocklist(), bl.map(BlocklistInfo::name).orElse(""), d.listed(),
                    bl.map(BlocklistInfo::lookupUrl).orElse(""), bl.map(BlocklistInfo::delistUrl).orElse(""),
                    d.tips().stream().map(redactor::text).toList());
        }
    }
}
