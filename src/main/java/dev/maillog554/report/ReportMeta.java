package dev.maillog554.report;

import java.time.Instant;
import java.util.List;

/**
 * What a report is about, passed in so that writers never read the clock.
 *
 * @param title       heading, e.g. "Scan of 3 inputs"
 * @param generatedAt when the run or report was made
 * @param inputs      the inputs read, or the filters applied to the history
 * @param codes       the reply codes counted, e.g. 554 or 5xx
 */
public record ReportMeta(String title, Instant generatedAt, List<String> inputs, String codes) {
}
