package dev.maillog554.report;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.maillog554.aggregate.DayCount;

/** Inline SVG charts for the HTML report: no script, no external file, every label escaped. */
final class SvgCharts {

    /** One bar of a horizontal bar chart; {@code href} is an in-page anchor or null. */
    record Bar(String label, long value, String href) {
    }

    // SVG text scales with the chart, so each chart's view box is sized for the width it usually gets; the
    // stylesheet enlarges the text on phones, where the charts shrink the most.
    static final int DAYS_WIDTH = 900;
    static final int BARS_WIDTH = 460;
    private static final int LABEL_CHARS = 22;
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

    private SvgCharts() {
    }

    /** Stacked columns per day, outbound below inbound. */
    static String days(List<DayCount> days, String title) {
        if (days.isEmpty()) {
            return "<p class=\"empty\">No dated rejections.</p>\n";
        }
        int left = 60;
        int top = 14;
        int plotW = DAYS_WIDTH - left - 10;
        int plotH = 200;
        long max = niceMax(days.stream().mapToLong(DayCount::total).max().orElse(1));
        StringBuilder s = new StringBuilder(1024 + days.size() * 220);
        s.append("<svg class=\"chart days\" viewBox=\"0 0 ").append(DAYS_WIDTH).append(' ')
                .append(top + plotH + 34)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">\n");
        for (int i = 0; i <= 2; i++) {
            double y = top + plotH - plotH * i / 2.0;
            s.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(left + plotW)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>")
                    .append("<text x=\"").append(left - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(max * i / 2).append("</text>\n");
        }
        double slot = (double) plotW / days.size();
        double bar = Math.min(56, Math.max(1, slot * (days.size() > 60 ? 1.0 : 0.72)));
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 8.0));
        for (int i = 0; i < days.size(); i++) {
            DayCount d = days.get(i);
            double x = left + slot * i + (slot - bar) / 2;
            double hOut = (double) plotH * d.outbound() / max;
            double hIn = (double) plotH * d.inbound() / max;
            double base = top + plotH;
            s.append("<g><title>").append(d.day()).append(": ").append(d.total()).append(" (")
                    .append(d.outbound()).append(" outbound, ").append(d.inbound()).append(" inbound)</title>");
            rect(s, "out", x, base - hOut, bar, hOut);
            rect(s, "in", x, base - hOut - hIn, bar, hIn);
            s.append("</g>\n");
            if (i % labelEvery == 0) {
                s.append("<text x=\"").append(num(left + slot * i + slot / 2)).append("\" y=\"")
                        .append(top + plotH + 26).append("\" text-anchor=\"middle\">")
                        .append(SHORT_DAY.format(d.day())).append("</text>\n");
            }
        }
        return s.append("</svg>\n").toString();
    }

    /** Horizontal bars, largest first as given, with the label on the left and the count on the right. */
    static String bars(List<Bar> bars, String title) {
        if (bars.isEmpty()) {
            return "<p class=\"empty\">Nothing to show.</p>\n";
        }
        int rowH = 26;
        int labelW = 150;
        int barW = BARS_WIDTH - labelW - 50;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder s = new StringBuilder(512 + bars.size() * 300);
        s.append("<svg class=\"chart bars\" viewBox=\"0 0 ").append(BARS_WIDTH).append(' ')
                .append(bars.size() * rowH + 6)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * rowH;
            double w = Math.max(2, (double) barW * b.value() / max);
            StringBuilder row = new StringBuilder();
            row.append("<title>").append(Html.escape(b.label())).append(": ").append(b.value()).append("</title>")
                    .append("<text class=\"lbl\" x=\"").append(labelW - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\">").append(Html.escape(shorten(b.label()))).append("</text>");
            rect(row, "bar", labelW, y + 3, w, rowH - 8);
            row.append("<text x=\"").append(num(labelW + w + 6)).append("\" y=\"").append(y + 16).append("\">")
                    .append(b.value()).append("</text>");
            if (b.href() != null) {
                s.append("<a href=\"").append(Html.escape(b.href())).append("\">").append(row).append("</a>\n");
            } else {
                s.append("<g>").append(row).append("</g>\n");
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static void rect(StringBuilder s, String cls, double x, double y, double w, double h) {
        if (h <= 0) {
            return;
        }
        s.append("<rect class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\" rx=\"2\"/>");
    }

    // Cut by code point so a surrogate pair is never split.
    static String shorten(String label) {
        if (label.codePointCount(0, label.length()) <= LABEL_CHARS) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)) + "\u2026";
    }

    /** An even step of a power of ten, at least {@code max}, so the axis and its middle line read as integers. */
    static long niceMax(long max) {
        long m = Math.max(1, max);
        long p = 1;
        while (p * 10 <= m) {
            p *= 10;
        }
        for (long f : new long[] {2, 4, 6, 8, 10}) {
            if (f * p >= m) {
                return f * p;
            }
        }
        return 10 * p;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
