package dev.maillog554.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.Tally;

/** Writes {@code report.html}: one self-contained file with no external CSS, scripts or fonts. */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Writes the report into {@code dir}. */
    public static void write(Path dir, Counts counts, ReportMeta meta, Redactor redactor) throws IOException {
        ReportFiles.write(dir, ReportFiles.HTML, w -> render(w, counts, meta, redactor));
    }

    static void render(Writer w, Counts c, ReportMeta meta, Redactor redactor) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>maillog554: " + Html.escape(meta.title()) + "</title>\n<style>\n");
        w.write("body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:72rem;padding:0 1rem;color:#222}\n"
                + "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border-bottom:1px solid #ddd;"
                + "padding:.3rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right}"
                + "code{word-break:break-all}.cards{display:flex;flex-wrap:wrap;gap:1rem}"
                + ".card{border:1px solid #ccc;border-radius:.4rem;padding:.5rem 1rem}.card b{font-size:1.6rem;"
                + "display:block}\n</style>\n</head>\n<body>\n");
        w.write("<h1>SMTP rejections: " + Html.escape(meta.title()) + "</h1>\n");
        w.write("<p>Generated " + Html.escape(RejectionCsv.time(meta.generatedAt())) + " for reply codes "
                + Html.escape(meta.codes()) + " from " + Html.escape(String.join(", ", meta.inputs())) + ".</p>\n");
        w.write("<div class=\"cards\">" + card("rejections", c.total()) + card("outbound", c.outbound())
                + card("inbound", c.inbound()) + card("recipient domains", c.domains()) + "</div>\n");
        w.write("<h2>Causes and what to do</h2>\n");
        for (CategoryTally t : c.categories()) {
            w.write("<section><h3>" + Html.escape(t.category()) + " (" + t.count() + ")</h3>\n<p>Domains: "
                    + Html.escape(String.join(", ", t.topDomains())) + "</p>\n");
            if (!t.tips().isEmpty()) {
                w.write("<ul>");
                for (String tip : t.tips()) {
                    w.write("<li>" + Html.escape(tip) + "</li>");
                }
                w.write("</ul>\n");
            }
            w.write("</section>\n");
        }
        table(w, "By code and domain", c.summary(), true, redactor);
        table(w, "By code", c.byCode(), false, redactor);
        table(w, "By recipient domain", c.byDomain(), false, redactor);
        w.write("</body>\n</html>\n");
    }

    private static String card(String label, long n) {
        return "<div class=\"card\"><b>" + n + "</b>" + Html.escape(label) + "</div>";
    }

    private static void table(Writer w, String title, List<Tally> rows, boolean full, Redactor redactor)
            throws IOException {
        w.write("<h2>" + Html.escape(title) + "</h2>\n<table>\n<thead><tr><th>Code</th><th>Enhanced</th>"
                + "<th>Domain</th>" + (full ? "<th>Direction</th>" : "") + "<th>Cause</th><th>Count</th>"
                + "<th>Example</th></tr></thead>\n<tbody>\n");
        for (Tally t : rows) {
            w.write("<tr><td>" + (t.key().replyCode() == 0 ? "" : t.key().replyCode()) + "</td><td>"
                    + Html.escape(t.key().enhancedCode()) + "</td><td>" + Html.escape(t.key().recipientDomain())
                    + "</td>" + (full ? "<td>" + t.key().direction().label() + "</td>" : "") + "<td>"
                    + Html.escape(t.category()) + "</td><td class=\"n\">" + t.count() + "</td><td><code>"
                    + Html.escape(redactor.text(t.example())) + "</code></td></tr>\n");
        }
        w.write("</tbody>\n</table>\n");
    }
}
