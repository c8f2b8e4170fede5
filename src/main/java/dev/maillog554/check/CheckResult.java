package dev.maillog554.check;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One answer of a live check, beside the causes it was made for.
 *
 * @param check     what was asked: {@code blocklist}, {@code ptr}, {@code spf}, {@code dmarc}, {@code dkim} or
 *                  {@code mx}
 * @param subject   what about: "zen.spamhaus.org 203.0.113.5", "example.com for 203.0.113.5", a domain or an IP
 * @param answer    the short answer: "listed", "not listed", "query refused", "pass", "p=reject", "null mx",
 *                  "not answered"...
 * @param detail    what the answer means and what to do, in one sentence; for "not answered", why
 * @param checkedAt when the answer came
 * @param causes    the cause ids whose rejections named the subject, sorted
 */
public record CheckResult(String check, String subject, String answer, String detail, Instant checkedAt,
                          List<String> causes) {

    /** The answer of every check that got no reply. */
    public static final String NOT_ANSWERED = "not answered";

    public CheckResult {
        Objects.requireNonNull(check, "check");
        subject = subject == null ? "" : subject;
        answer = answer == null ? "" : answer;
        detail = detail == null ? "" : detail;
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /** The same answer, made for these causes. */
    CheckResult forCauses(List<String> ids) {
        return new CheckResult(check, subject, answer, detail, checkedAt, ids);
    }

    /** The report section the check belongs to: {@code blocklists}, {@code authentication} or {@code routing}. */
    public String section() {
        return switch (check) {
            case "blocklist" -> "blocklists";
            case "mx" -> "routing";
            default -> "authentication";
        };
    }

    /** One line for a terminal: "blocklist zen.spamhaus.org 203.0.113.5: listed: 127.0.0.4 XBL ...". */
    public String line() {
        return check + " " + subject + ": " + answer + (detail.isEmpty() ? "" : ": " + detail);
    }
}
