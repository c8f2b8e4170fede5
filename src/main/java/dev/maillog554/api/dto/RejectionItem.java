package dev.maillog554.api.dto;

import java.time.Instant;

import dev.maillog554.report.Redactor;
import dev.maillog554.store.RejectionRow;

/** One stored rejection with its cause and the log line it came from. */
public record RejectionItem(long id, long runId, Instant time, String direction, String status, String mta,
                            String host, String queueId, String sender, String recipient, String recipientDomain,
                            Integer replyCode, String enhancedCode, String stage, String category, String provider,
                            String blocklist, String remoteHost, String remoteIp, String message, String sourceFile,
                            long line) {

    /** From the history's record, with addresses redacted when asked. */
    public static RejectionItem of(RejectionRow r, Redactor redactor) {
        return new RejectionItem(r.id(), r.runId(), r.time(), r.direction(), r.status(), r.mta(), r.host(),
                r.queueId(), redactor.address(r.sender()), redactor.address(r.recipient()), r.recipientDomain(),
                r.replyCode() == 0 ? null : r.replyCode(), r.enhancedCode(), r.stage(), r.category(), r.provider(),
                r.blocklist(), r.remoteHost(), r.remoteIp(), redactor.text(r.message()), r.sourceFile(), r.line());
    }
}
