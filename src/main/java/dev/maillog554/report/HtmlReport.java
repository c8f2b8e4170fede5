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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.check.CheckReport;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.RejectionEvent;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS, SVG and a little script, nothing fetched)
 * that reads well on screen, on a phone, printed and with scripts off. Every value from a log goes through
 * {@link Html#escape}; links are only in-page anchors built from cause ids, never from log text.
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

    private HtmlReport() {
    }

    /** The Content-Security-Policy that lets the page's own inline style and script run, and nothing else. */
    public static String contentSecurityPolicy() {
        return CSP;
    }

    /** Writes the report into {@code dir}. */
    public static void write(Path dir, Counts counts, ReportMeta meta, Redactor redactor) throws IOException {
        ReportFiles.write(dir, ReportFiles.HTML, w -> render(w, counts, meta, redactor, CheckReport.NONE));
    }

    /** Stages the report, to be moved into place with the report's other files. */
    public static void write(ReportFiles.Staging dir, Counts counts, ReportMeta meta, Redactor redactor)
            throws IOException {
        write(dir, counts, meta, redactor, CheckReport.NONE);
    }

    /** Stages the report with the answers of live checks beside the tips of each cause. */
    public static void write(ReportFiles.Staging dir, Counts counts, ReportMeta meta, Redactor redactor,
                             CheckReport checks) throws IOException {
        dir.write(ReportFiles.HTML, w -> render(w, counts, meta, redactor, checks));
    }

    /** The whole page as a string (for the REST server's {@code GET /}). */
    public static String render(Counts counts, ReportMeta meta, Redactor redactor) {
        StringWriter page = new StringWriter(64 * 1024);
        try {
            render(page, counts, meta, redactor, CheckReport.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return page.toString();
    }

    // The page goes out one section at a time, so its size never sits in memory twice over: a history with tens
    // of thousands of domains made a 30 MB string that did not fit the launcher's heap.
    static void render(Writer w, Counts c, ReportMeta meta, Redactor redactor, CheckReport checks)
            throws IOException {
        StringBuilder s = new StringBuilder(64 * 1024);
        String title = "SMTP rejections: " + meta.title();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"maillog554\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        header(s, title, meta, c);
        s.append("<main class=\"wrap\">\n");
        cards(s, c, meta);
        charts(s, c);
        drain(s, w);
        causes(s, c, redactor, checks);
        drain(s, w);
        HtmlTables.byCode(s, c.byCode(), redactor);
        drain(s, w);
        HtmlTables.byDomain(s, c.byDomain(), redactor);
        drain(s, w);
        HtmlTables.summary(s, c.summary(), redactor);
        drain(s, w);
        HtmlTables.byClient(s, c.clients());
        drain(s, w);
        HtmlTables.bySenderDomain(s, c.senders());
        drain(s, w);
        HtmlTables.byDay(s, c.days());
        s.append("</main>\n<footer class=\"wrap\"><p>Made by maillog554 from ")
                .append(Html.escape(String.join(", ", meta.inputs()))).append('.');
        if (redactor.enabled()) {
            s.append(" Local parts of addresses are replaced by a short hash.");
        }
        s.append("</p></footer>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        drain(s, w);
    }

    private static void drain(StringBuilder s, Writer w) throws IOException {
        w.append(s);
        s.setLength(0);
    }

    private static void header(StringBuilder s, String title, ReportMeta meta, Counts c) {
        s.append("<header class=\"top\"><div class=\"wrap\">\n<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p>Generated ").append(Html.escape(HtmlTables.time(meta.generatedAt())))
                .append(" UTC &middot; reply codes ").append(Html.escape(meta.codes()));
        if (!c.days().isEmpty()) {
            s.append(" &middot; ").append(c.days().get(0).day()).append(" to ")
                    .append(c.days().get(c.days().size() - 1).day());
        }
        s.append("</p>\n<nav class=\"toc\"><a href=\"#charts\">Charts</a><a href=\"#causes\">Causes</a>")
                .append("<a href=\"#by-code\">By code</a><a href=\"#by-domain\">By domain</a>")
                .append("<a href=\"#summary\">Code and domain</a><a href=\"#by-client\">Clients</a>")
                .append("<a href=\"#by-sender-domain\">Senders</a><a href=\"#by-day\">By day</a></nav>\n")
                .append("</div></header>\n");
    }

    private static void cards(StringBuilder s, Counts c, ReportMeta meta) {
        s.append("<section class=\"cards\" aria-label=\"Headline numbers\">\n");
        card(s, "", group(c.total()), "rejections");
        card(s, "", group(c.recipients()), "distinct recipients among them");
        card(s, "", group(c.outbound()), "outbound: remote servers rejected our mail");
        card(s, "", group(c.inbound()), "inbound: we rejected clients");
        card(s, "", group(c.domains()), "recipient domains affected");
        if (meta.previousTotal() != null) {
            long prev = meta.previousTotal();
            long diff = c.total() - prev;
            String v = (diff > 0 ? "+" : diff < 0 ? "\u2212" : "") + group(Math.abs(diff));
            if (prev > 0) {
                v += String.format(Locale.ROOT, " (%s%.0f%%)", diff > 0 ? "+" : diff < 0 ? "\u2212" : "",
                        Math.abs(100.0 * diff / prev));
            }
            card(s, diff > 0 ? "up" : diff < 0 ? "down" : "", v, "change against the previous period (" + group(prev)
                    + ")");
        }
        s.append("</section>\n");
    }

    private static void card(StringBuilder s, String cls, String value, String label) {
        s.append("<div class=\"card\"><span class=\"v").append(cls.isEmpty() ? "" : " " + cls).append("\">")
                .append(Html.escape(value)).append("</span><span class=\"l\">").append(Html.escape(label))
                .append("</span></div>\n");
    }

    private static void charts(StringBuilder s, Counts c) {
        s.append("<section id=\"charts\" class=\"panel chartrow\">\n<h2>Rejections per day</h2>\n")
                .append("<div class=\"legend\"><span><i class=\"out\"></i>outbound</span>")
                .append("<span><i class=\"in\"></i>inbound</span></div>\n")
                .append(SvgCharts.days(c.days(), "Rejections per day")).append("</section>\n")
                .append("<div class=\"charts chartrow\">\n");
        List<SvgCharts.Bar> domains = new ArrayList<>();
        c.byDomain().stream().limit(TOP)
                .forEach(t -> domains.add(new SvgCharts.Bar(t.key().recipientDomain(), t.count(), null)));
        chart(s, "Top recipient domains", SvgCharts.bars(domains, "Top recipient domains"));
        List<SvgCharts.Bar> causes = new ArrayList<>();
        c.categories().stream().limit(TOP)
                .forEach(t -> causes.add(new SvgCharts.Bar(t.category(), t.count(), "#" + anchor(t.category()))));
        chart(s, "Causes", SvgCharts.bars(causes, "Causes"));
        List<SvgCharts.Bar> codes = new ArrayList<>();
        c.byCode().stream().limit(TOP).forEach(t -> codes.add(new SvgCharts.Bar(HtmlTables.code(t), t.count(),
                null)));
        chart(s, "Reply codes", SvgCharts.bars(codes, "Reply codes"));
        s.append("</div>\n");
    }

    private static void chart(StringBuilder s, String title, String svg) {
        s.append("<section class=\"panel\"><h2>").append(Html.escape(title)).append("</h2>\n").append(svg)
                .append("</section>\n");
    }

    private static void causes(StringBuilder s, Counts c, Redactor redactor, CheckReport checks) {
        s.append("<section id=\"causes\" class=\"panel\">\n<h2>Causes and what to do</h2>\n");
        if (c.categories().isEmpty()) {
            s.append("<p class=\"empty\">No rejections found.</p>\n");
        }
        s.append("<div class=\"causes\">\n");
        for (CategoryTally t : c.categories()) {
            String id = anchor(t.category());
            s.append("<article class=\"cause\" id=\"").append(id).append("\">\n<header><h3>")
                    .append(Html.escape(t.category())).append("</h3><span class=\"n\">").append(group(t.count()))
                    .append("</span></header>\n<p>").append(group(t.recipients()))
                    .append(t.recipients() == 1 ? " recipient, " : " recipients, ").append(t.domains())
                    .append(t.domains() == 1 ? " domain" : " domains")
                    .append(": ").append(Html.escape(String.join(", ", t.topDomains())))
                    .append(t.domains() > t.topDomains().size() ? ", \u2026" : "").append("</p>\n");
            if (!t.tips().isEmpty()) {
                s.append("<ul class=\"tips\">");
                t.tips().forEach(tip -> s.append("<li>").append(Html.escape(tip)).append("</li>"));
                s.append("</ul>\n");
            }
            HtmlChecks.block(s, checks, t.category());
            if (!t.examples().isEmpty()) {
                s.append("<p>Example log lines:</p>\n<ol class=\"log\">\n");
                for (int i = 0; i < t.examples().size(); i++) {
                    example(s, id + "-ex" + (i + 1), t.examples().get(i), redactor);
                }
                s.append("</ol>\n");
            }
            s.append("</article>\n");
        }
        s.append("</div>\n</section>\n");
    }

    private static void example(StringBuilder s, String id, Rejection r, Redactor redactor) {
        RejectionEvent e = r.event();
        s.append("<li id=\"").append(id).append("\"><span class=\"src\">").append(Html.escape(e.sourceFile()))
                .append(':').append(e.line()).append(" &middot; ").append(Html.escape(HtmlTables.time(e.time())))
                .append(" &middot; ").append(e.direction().label());
        if (!e.recipient().isEmpty()) {
            s.append(" &middot; to ").append(Html.escape(redactor.address(e.recipient())));
        }
        s.append("</span><br><code>").append(e.replyCode() == 0 ? "" : e.replyCode() + " ")
                .append(Html.escape(e.enhancedCode().isEmpty() ? "" : e.enhancedCode() + " "))
                .append(Html.escape(redactor.text(e.message()))).append("</code></li>\n");
    }

    /** The in-page anchor of a cause: only {@code [a-z0-9-]}, whatever the id holds. */
    static String anchor(String category) {
        return "cause-" + category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    static String group(long n) {
        return String.format(Locale.ROOT, "%,d", n);
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
