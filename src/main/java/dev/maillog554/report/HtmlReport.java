package dev.maillog554.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.DayCount;
import dev.maillog554.aggregate.PartyTally;
import dev.maillog554.aggregate.Tally;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS, SVG and a little script, nothing fetched)
 * that reads well on screen, on a phone, printed and with scripts off. The markup is in the Qute templates under
 * {@code templates/report/}, which escape every value (see {@link HtmlEscaping}); links are only in-page anchors
 * built from cause ids, never from log text.
 */
public final class HtmlReport {

    /** Bars per chart. */
    static final int TOP = 10;

    // Exactly the text between <style> and </style>, <script> and </script>: a Content-Security-Policy hash
    // covers those bytes, so the page and its policy are built from the same strings.
    private static final String STYLE = "\n" + resource("report/report.css");
    private static final String SCRIPT = "\n" + resource("report/report.js");
    // The page is self-contained: its one style and one script are allowed by hash, nothing else is loaded (the
    // charts are inline SVG), and no other site may frame it. A saved report.html opened from disk has no header
    // and needs none.
    private static final String CSP = "default-src 'none'; style-src " + hash(STYLE) + "; script-src "
            + hash(SCRIPT) + "; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * The page's sections, one template each ({@code templates/report/by-code.html} for {@code byCode}). The build
     * checks every expression in them against these parameters.
     */
    @CheckedTemplate(basePath = "report", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {

        static native TemplateInstance top(ReportMeta meta, Counts counts, Change change, Charts charts,
                RawString style);

        static native TemplateInstance causes(List<CategoryTally> categories, Redactor redactor);

        static native TemplateInstance byCode(TableRows<Tally> table, Redactor redactor);

        static native TemplateInstance byDomain(TableRows<Tally> table, Redactor redactor);

        static native TemplateInstance summary(TableRows<Tally> table, Redactor redactor);

        static native TemplateInstance byClient(TableRows<PartyTally> table);

        static native TemplateInstance bySenderDomain(TableRows<PartyTally> table);

        static native TemplateInstance byDay(TableRows<DayCount> table);

        static native TemplateInstance end(ReportMeta meta, boolean redacted, RawString script);
    }

    /**
     * The charts, built and escaped by {@link SvgCharts}, so the templates write them raw: they are geometry
     * computed point by point, and every label in them has gone through {@link Html#escape}.
     */
    record Charts(RawString days, RawString domains, RawString causes, RawString codes) {
    }

    /** The change card: the signed difference to the previous period, with its percentage when there is one. */
    record Change(String trend, String value, long previous) {
    }

    private HtmlReport() {
    }

    /** The Content-Security-Policy that lets the page's own inline style and script run, and nothing else. */
    public static String contentSecurityPolicy() {
        return CSP;
    }

    /** Writes the report into {@code dir}. */
    public static void write(Path dir, Counts counts, ReportMeta meta, Redactor redactor) throws IOException {
        ReportFiles.write(dir, ReportFiles.HTML, w -> render(w, counts, meta, redactor));
    }

    /** Stages the report, to be moved into place with the report's other files. */
    public static void write(ReportFiles.Staging dir, Counts counts, ReportMeta meta, Redactor redactor)
            throws IOException {
        dir.write(ReportFiles.HTML, w -> render(w, counts, meta, redactor));
    }

    /** The whole page as a string (for the REST server's {@code GET /}). */
    public static String render(Counts counts, ReportMeta meta, Redactor redactor) {
        StringWriter page = new StringWriter(64 * 1024);
        try {
            render(page, counts, meta, redactor);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return page.toString();
    }

    // The page goes out one section at a time, so its size never sits in memory twice over: a history with tens
    // of thousands of domains made a 30 MB string that did not fit the launcher's heap.
    static void render(Writer w, Counts c, ReportMeta meta, Redactor redactor) throws IOException {
        section(w, Templates.top(meta, c, change(c.total(), meta.previousTotal()), charts(c), new RawString(STYLE)));
        section(w, Templates.causes(c.categories(), redactor));
        section(w, Templates.byCode(TableRows.capped(c.byCode(), ReportFiles.BY_CODE), redactor));
        section(w, Templates.byDomain(TableRows.capped(c.byDomain(), ReportFiles.BY_DOMAIN), redactor));
        section(w, Templates.summary(TableRows.capped(c.summary(), ReportFiles.SUMMARY), redactor));
        section(w, Templates.byClient(TableRows.capped(c.clients(), ReportFiles.BY_CLIENT)));
        section(w, Templates.bySenderDomain(TableRows.capped(c.senders(), ReportFiles.BY_SENDER_DOMAIN)));
        section(w, Templates.byDay(TableRows.whole(c.days())));
        section(w, Templates.end(meta, redactor.enabled(), new RawString(SCRIPT)));
    }

    private static void section(Writer w, TemplateInstance section) throws IOException {
        w.write(section.render());
    }

    private static Change change(long total, Long previous) {
        if (previous == null) {
            return null;
        }
        long diff = total - previous;
        String sign = diff > 0 ? "+" : diff < 0 ? "\u2212" : "";
        String value = sign + ReportFormat.group(Math.abs(diff));
        if (previous > 0) {
            value += String.format(Locale.ROOT, " (%s%.0f%%)", sign, Math.abs(100.0 * diff / previous));
        }
        return new Change(diff > 0 ? "up" : diff < 0 ? "down" : "", value, previous);
    }

    private static Charts charts(Counts c) {
        List<SvgCharts.Bar> domains = c.byDomain().stream().limit(TOP)
                .map(t -> new SvgCharts.Bar(t.key().recipientDomain(), t.count(), null)).toList();
        List<SvgCharts.Bar> causes = c.categories().stream().limit(TOP)
                .map(t -> new SvgCharts.Bar(t.category(), t.count(), "#" + ReportFormat.anchor(t.category())))
                .toList();
        List<SvgCharts.Bar> codes = c.byCode().stream().limit(TOP)
                .map(t -> new SvgCharts.Bar(code(t), t.count(), null)).toList();
        return new Charts(new RawString(SvgCharts.days(c.days(), "Rejections per day")),
                new RawString(SvgCharts.bars(domains, "Top recipient domains")),
                new RawString(SvgCharts.bars(causes, "Causes")),
                new RawString(SvgCharts.bars(codes, "Reply codes")));
    }

    /** "554 5.7.1", or just the part that is known. */
    private static String code(Tally t) {
        String code = t.key().replyCode() == 0 ? "" : Integer.toString(t.key().replyCode());
        return (code + " " + t.key().enhancedCode()).trim();
    }

    private static String hash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
