package dev.maillog554.classify;

import java.util.List;

import dev.maillog554.parse.RejectionEvent;

/**
 * Decides the cause of a rejection from its reply code, enhanced code, text, recipient domain and relay host.
 * Pure and thread-safe once built.
 */
public final class Classifier {

    /** Loads the rules shipped with the application. */
    public static Classifier load() {
        return new Classifier();
    }

    /** Diagnoses one rejection event. */
    public Diagnosis classify(RejectionEvent e) {
        return classify(e.replyCode(), e.enhancedCode(), e.message(), e.recipientDomain(), e.remoteHost());
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
        // Placeholder until the rules file lands (issue 3): enhanced code only.
        Category c = switch (enhancedCode) {
            case "5.1.1" -> Category.UNKNOWN_RECIPIENT;
            case "5.2.2" -> Category.MAILBOX_FULL;
            case "5.4.0" -> Category.ROUTING_DNS;
            case "4.4.7" -> Category.TIMEOUT;
            case "5.7.1" -> Category.POLICY;
            default -> Category.UNKNOWN;
        };
        return new Diagnosis(c, "", "", "", "", List.of());
    }
}
