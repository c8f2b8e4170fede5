package dev.maillog554.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.maillog554.check.CheckInput;
import dev.maillog554.check.CheckReport;
import dev.maillog554.check.CheckResult;
import dev.maillog554.check.LiveChecks;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.Direction;

/** {@code explain --check}: the live checks of one explained line, printed under the explanation or as JSON. */
final class ExplainChecks {

    private ExplainChecks() {
    }

    /**
     * Checks what one input names. A whole log line is checked as a scan would check it; a bare reply has no
     * direction, and is taken as a remote server's answer to our mail (what a pasted bounce is).
     */
    static CheckReport check(LiveChecks live, Classifier c, ExplainCommand.Input in, Diagnosis d) {
        CheckInput input = in.event() != null ? CheckInput.of(new Rejection(in.event(), d), c)
                : new CheckInput(d, c.blocklist(d).orElse(null), !Direction.INBOUND.label().equals(in.direction()),
                        in.text(), "", in.recipientDomain(), "");
        return live.check(List.of(input));
    }

    static void print(PrintWriter out, CheckReport r) {
        out.println("checked now (" + time(r.startedAt()) + ", resolver " + r.resolver() + "):");
        if (r.results().isEmpty()) {
            out.println("  - nothing to check for this cause");
        }
        for (CheckResult x : r.results()) {
            out.println("  - " + x.line());
        }
    }

    /** Appends {@code ,"checks":{...}} to a JSON object being written. */
    static void json(StringBuilder b, CheckReport r) {
        b.append(",\"checks\":{\"checked_at\":");
        ExplainCommand.quote(b, time(r.startedAt()));
        b.append(",\"resolver\":");
        ExplainCommand.quote(b, r.resolver());
        b.append(",\"results\":[");
        for (int i = 0; i < r.results().size(); i++) {
            CheckResult x = r.results().get(i);
            b.append(i > 0 ? ",{" : "{");
            pair(b, "check", x.check(), false);
            pair(b, "subject", x.subject(), true);
            pair(b, "answer", x.answer(), true);
            pair(b, "detail", x.detail(), true);
            pair(b, "section", x.section(), true);
            pair(b, "checked_at", time(x.checkedAt()), true);
            b.append('}');
        }
        b.append("]}");
    }

    // 2026-03-04T10:15:00Z: the check's own time, to the second
    private static String time(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void pair(StringBuilder b, String name, String value, boolean comma) {
        b.append(comma ? ",\"" : "\"").append(name).append("\":");
        ExplainCommand.quote(b, value);
    }
}
