package dev.maillog554.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.maillog554.aggregate.DayCount;
import dev.maillog554.aggregate.PartyTally;
import dev.maillog554.aggregate.Tally;

/**
 * The report's tables. Each is sortable by its headers and filterable when scripts run, and complete without
 * them; sort keys that differ from the shown text go in {@code data-v}.
 */
final class HtmlTables {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    /**
     * Rows shown per table, the largest first: a page of tens of thousands of rows is slow to open, sort and
     * filter, and nobody reads its tail. The CSV files have every row.
     */
    static final int MAX_ROWS = 1000;

    private HtmlTables() {
    }

    static void byCode(StringBuilder s, List<Tally> rows, Redactor redactor) {
        open(s, "by-code", "By reply code", "t-code", "Code", "Enhanced", "Cause", "#Count", "#Recipients",
                "First seen (UTC)", "Last seen (UTC)", "Example");
        for (Tally t : shown(rows)) {
            s.append("<tr>").append(td(t.key().replyCode() == 0 ? "" : Integer.toString(t.key().replyCode())))
                    .append(td(t.key().enhancedCode())).append(cause(t.category())).append(count(t.count()))
                    .append(count(t.recipients())).append(time(t)).append(message(redactor.text(t.example())))
                    .append("</tr>\n");
        }
        close(s, rows.size(), ReportFiles.BY_CODE);
    }

    static void byDomain(StringBuilder s, List<Tally> rows, Redactor redactor) {
        open(s, "by-domain", "By recipient domain", "t-domain", "Domain", "Cause", "Provider", "#Count",
                "#Recipients", "First seen (UTC)", "Last seen (UTC)", "Example");
        for (Tally t : shown(rows)) {
            s.append("<tr>").append(td(t.key().recipientDomain())).append(cause(t.category()))
                    .append(td(t.provider())).append(count(t.count())).append(count(t.recipients())).append(time(t))
                    .append(message(redactor.text(t.example()))).append("</tr>\n");
        }
        close(s, rows.size(), ReportFiles.BY_DOMAIN);
    }

    static void summary(StringBuilder s, List<Tally> rows, Redactor redactor) {
        open(s, "summary", "By code, domain, direction and cause", "t-summary", "Code", "Enhanced", "Domain",
                "Direction", "Cause", "Provider", "Blocklist", "#Count", "#Recipients", "First seen (UTC)",
                "Last seen (UTC)", "Example");
        for (Tally t : shown(rows)) {
            s.append("<tr>").append(td(t.key().replyCode() == 0 ? "" : Integer.toString(t.key().replyCode())))
                    .append(td(t.key().enhancedCode())).append(td(t.key().recipientDomain()))
                    .append(td(t.key().direction() == null ? "" : t.key().direction().label()))
                    .append(cause(t.category())).append(td(t.provider())).append(td(t.blocklist()))
                    .append(count(t.count())).append(count(t.recipients())).append(time(t))
                    .append(message(redactor.text(t.example()))).append("</tr>\n");
        }
        close(s, rows.size(), ReportFiles.SUMMARY);
    }

    static void byClient(StringBuilder s, List<PartyTally> rows) {
        open(s, "by-client", "Refused clients (inbound)", "t-client", "Client IP", "Client name", "#Count",
                "#Recipients", "Cause", "Blocklist", "First seen (UTC)", "Last seen (UTC)");
        for (PartyTally t : shown(rows)) {
            s.append("<tr>").append(td(t.key())).append(td(t.name())).append(count(t.count()))
                    .append(count(t.recipients())).append(cause(t.category())).append(td(t.blocklist()))
                    .append(time(t)).append("</tr>\n");
        }
        close(s, rows.size(), ReportFiles.BY_CLIENT);
    }

    static void bySenderDomain(StringBuilder s, List<PartyTally> rows) {
        open(s, "by-sender-domain", "Refused sender domains (inbound)", "t-sender", "Sender domain", "#Count",
                "#Recipients", "#Clients", "Cause", "Blocklist", "First seen (UTC)", "Last seen (UTC)");
        for (PartyTally t : shown(rows)) {
            s.append("<tr>").append(td(t.key())).append(count(t.count())).append(count(t.recipients()))
                    .append(count(t.clients())).append(cause(t.category())).append(td(t.blocklist()))
                    .append(time(t)).append("</tr>\n");
        }
        close(s, rows.size(), ReportFiles.BY_SENDER_DOMAIN);
    }

    static void byDay(StringBuilder s, List<DayCount> days) {
        open(s, "by-day", "By day", "t-day", "Day", "#Total", "#Outbound", "#Inbound");
        for (DayCount d : days) {
            s.append("<tr>").append(td(d.day().toString())).append(count(d.total())).append(count(d.outbound()))
                    .append(count(d.inbound())).append("</tr>\n");
        }
        close(s);
    }

    /** "554 5.7.1", or just the part that is known. */
    static String code(Tally t) {
        String code = t.key().replyCode() == 0 ? "" : Integer.toString(t.key().replyCode());
        return (code + " " + t.key().enhancedCode()).trim();
    }

    /** Minutes in UTC for display, or empty. */
    static String time(Instant t) {
        return t == null ? "" : SHOWN.format(t);
    }

    // Headers starting with '#' are numeric: they sort as numbers and align right.
    private static void open(StringBuilder s, String anchor, String title, String tableId, String... headers) {
        s.append("<section class=\"panel\">\n<div class=\"tools\"><h2 id=\"").append(anchor).append("\">")
                .append(Html.escape(title)).append("</h2><label class=\"filter\" hidden>Filter ")
                .append("<input type=\"search\" data-table=\"").append(tableId)
                .append("\" placeholder=\"text in any column\"><span class=\"shown\" aria-live=\"polite\"></span>")
                .append("</label></div>\n<div class=\"scroll\"><table class=\"sortable\" id=\"").append(tableId)
                .append("\">\n<thead><tr>");
        for (String h : headers) {
            boolean num = h.startsWith("#");
            s.append(num ? "<th class=\"n\" data-type=\"num\">" : "<th>").append(Html.escape(num ? h.substring(1) : h))
                    .append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
    }

    private static void close(StringBuilder s) {
        close(s, 0, "");
    }

    // A capped table says so under it, and where the rest is.
    private static void close(StringBuilder s, int rows, String csv) {
        s.append("</tbody>\n</table></div>\n");
        if (rows > MAX_ROWS) {
            s.append("<p class=\"more\">The ").append(HtmlReport.group(MAX_ROWS)).append(" largest of ")
                    .append(HtmlReport.group(rows)).append(" rows are shown; ").append(csv)
                    .append(" has every row.</p>\n");
        }
        s.append("</section>\n");
    }

    private static <T> List<T> shown(List<T> rows) {
        return rows.size() <= MAX_ROWS ? rows : rows.subList(0, MAX_ROWS);
    }

    private static String td(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    private static String count(long n) {
        return "<td class=\"n\">" + n + "</td>";
    }

    private static String cause(String category) {
        return "<td><a href=\"#" + HtmlReport.anchor(category) + "\">" + Html.escape(category) + "</a></td>";
    }

    private static String message(String text) {
        return "<td class=\"msg\"><code>" + Html.escape(text) + "</code></td>";
    }

    private static String time(Tally t) {
        return timeCell(t.firstSeen()) + timeCell(t.lastSeen());
    }

    private static String time(PartyTally t) {
        return timeCell(t.firstSeen()) + timeCell(t.lastSeen());
    }

    private static String timeCell(Instant t) {
        return "<td data-v=\"" + Html.escape(RejectionCsv.time(t)) + "\">" + Html.escape(time(t)) + "</td>";
    }
}
