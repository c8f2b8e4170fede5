package dev.maillog554.explain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.maillog554.check.CheckReport;
import dev.maillog554.check.CheckResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What live checks ({@code explain --check}) answered about one explained line.
 *
 * @param checkedAt when the checks started, to the second (ISO 8601, UTC)
 * @param resolver  the DNS server asked
 * @param results   one answer per check
 */
@RegisterForReflection
public record CheckAnswers(String checkedAt, String resolver, List<Answer> results) {

    /**
     * One answer.
     *
     * @param check     blocklist, ptr, spf, dmarc, dkim or mx
     * @param subject   what was asked about
     * @param answer    the short answer ("listed", "pass", "not answered", ...)
     * @param detail    what it means and what to do
     * @param section   blocklists, authentication or routing
     * @param checkedAt when this answer came, to the second
     */
    @RegisterForReflection
    public record Answer(String check, String subject, String answer, String detail, String section,
                         String checkedAt) {

        /** One line for a terminal: "blocklist zen.spamhaus.org 203.0.113.5: listed: ...". */
        public String line() {
            return check + " " + subject + ": " + answer + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    static CheckAnswers of(CheckReport r) {
        return new CheckAnswers(time(r.startedAt()), r.resolver(), r.results().stream().map(CheckAnswers::answer)
                .toList());
    }

    private static Answer answer(CheckResult x) {
        return new Answer(x.check(), x.subject(), x.answer(), x.detail(), x.section(), time(x.checkedAt()));
    }

    // 2026-03-04T10:15:00Z: the check's own time, to the second
    private static String time(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
