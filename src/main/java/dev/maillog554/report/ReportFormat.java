package dev.maillog554.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Formats the report's templates call as {@code {report:group(n)}}, {@code {report:minute(t)}} and so on: the build
 * checks every call, and generates the code that makes it, so a native image needs no reflection for them.
 */
@TemplateExtension(namespace = "report")
final class ReportFormat {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private ReportFormat() {
    }

    /** A count with thousands separators: 12,345. */
    static String group(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Minutes in UTC for display, or empty. */
    static String minute(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    /** Seconds in UTC as the CSV files write them: the sort key of a time cell. */
    static String utc(Instant t) {
        return RejectionCsv.time(t);
    }

    /** The in-page anchor of a cause: only {@code [a-z0-9-]}, whatever the id holds. */
    static String anchor(String category) {
        return "cause-" + category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
