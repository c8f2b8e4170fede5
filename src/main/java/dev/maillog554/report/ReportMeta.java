package dev.maillog554.report;

import java.time.Instant;
import java.util.List;

/**
 * What a report is about, passed in so that writers never read the clock.
 *
 * @param title         heading, e.g. "Scan of 3 inputs"
 * @param generatedAt   when the run or report was made
 * @param inputs        the inputs read, or the filters applied to the history
 * @param codes         the reply codes counted, e.g. 554 or 5xx
 * @param previousTotal rejections in the previous period of the same length, or null when not known
 */
public record ReportMeta(String title, Instant generatedAt, List<String> inputs, String codes, Long previousTotal) {

    public ReportMeta {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        codes = codes == null ? "" : codes;
    }

    /** Without a previous period: the report shows no change figure. */
    public ReportMeta(String title, Instant generatedAt, List<String> inputs, String codes) {
        this(title, generatedAt, inputs, codes, null);
    }

    /** The same, compared with a previous period's total. */
    public ReportMeta withPreviousTotal(long total) {
        return new ReportMeta(title, generatedAt, inputs, codes, total);
    }
}
