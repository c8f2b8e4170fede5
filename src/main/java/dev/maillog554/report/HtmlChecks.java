package dev.maillog554.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.maillog554.check.CheckReport;
import dev.maillog554.check.CheckResult;

/**
 * The "Checked now" block of a cause in the report: what live checks ({@code --check}) answered about the
 * blocklists, authentication records or routing its rejections name. DNS answers are untrusted text like the log:
 * everything is escaped, and nothing becomes a link.
 */
final class HtmlChecks {

    private HtmlChecks() {
    }

    /** Appends the block for {@code category}; nothing when no check answered for it. */
    static void block(StringBuilder s, CheckReport checks, String category) {
        List<CheckResult> mine = checks.forCause(category);
        if (mine.isEmpty()) {
            return;
        }
        Set<String> sections = new LinkedHashSet<>();
        mine.forEach(r -> sections.add(r.section()));
        s.append("<div class=\"checks\"><p><strong>Checked now</strong> (")
                .append(Html.escape(HtmlTables.time(checks.startedAt()))).append(" UTC, resolver ")
                .append(Html.escape(checks.resolver())).append("): ")
                .append(Html.escape(String.join(", ", sections))).append("</p>\n<ul class=\"checked\">");
        for (CheckResult r : mine) {
            s.append("<li><code>").append(Html.escape(r.check())).append("</code> ").append(Html.escape(r.subject()))
                    .append(": <strong>").append(Html.escape(r.answer())).append("</strong>");
            if (!r.detail().isEmpty()) {
                s.append(": ").append(Html.escape(r.detail()));
            }
            s.append("</li>");
        }
        s.append("</ul></div>\n");
    }
}
