package dev.maillog554.check;

import java.util.Objects;

import dev.maillog554.classify.BlocklistInfo;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.RejectionEvent;

/**
 * What one rejection names that a live check can ask about.
 *
 * @param diagnosis       its cause, with the blocklist and what it lists
 * @param blocklist       that blocklist's pages and zones, or null when the text names none
 * @param outbound        true when a remote server refused our mail (our IPs and sender domains are then checked)
 * @param text            the reply text
 * @param sender          the envelope sender address, or empty
 * @param recipientDomain the recipient's domain, or empty
 * @param remoteIp        the answering server's IP (never one of ours), or empty
 */
public record CheckInput(Diagnosis diagnosis, BlocklistInfo blocklist, boolean outbound, String text, String sender,
                         String recipientDomain, String remoteIp) {

    public CheckInput {
        Objects.requireNonNull(diagnosis, "diagnosis");
        text = text == null ? "" : text;
        sender = sender == null ? "" : sender;
        recipientDomain = recipientDomain == null || RejectionEvent.UNKNOWN_DOMAIN.equals(recipientDomain)
                ? "" : recipientDomain;
        remoteIp = remoteIp == null ? "" : remoteIp;
    }

    /**
     * A stored or scanned rejection, diagnosed again: stored rows keep the blocklist's id but not what it listed,
     * and the classifier finds both in the text.
     */
    public static CheckInput of(Rejection r, Classifier classifier) {
        RejectionEvent e = r.event();
        Diagnosis d = classifier.classify(e, false);
        return new CheckInput(d, classifier.blocklist(d).orElse(null), e.direction() == Direction.OUTBOUND,
                e.message(), e.sender(), e.recipientDomain(), e.remoteIp());
    }
}
