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
 * @param rowsNote      what the page says when the window reaches past the stored rows (pruned), or null
 */
public record ReportMeta(String title, Instant generatedAt, List<String> inputs, String codes, Long previousTotal,
                         String rowsNote) {

    public ReportMeta {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        codes = codes == null ? "" : codes;
    }

    /** Without a previous period: the report shows no change figure. */
    public ReportMeta(String title, Instant generatedAt, List<String> inputs, String codes) {
        this(title, generatedAt, inputs, codes, null, null);
    }

    /** The same, compared with a previous period's total. */
    public ReportMeta withPreviousTotal(long total) {
        return new ReportMeta(title, generatedAt, inputs, codes, total, rowsNote);
    }

    /** The same, saying that the window reaches past the stored rows. */
    public ReportMeta withRowsNote(String note) {
        return new ReportMeta(title, generatedAt, inputs, codes, previousTotal, note);
    }
}
