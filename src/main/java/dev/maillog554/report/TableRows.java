package dev.maillog554.report;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * One table of the HTML report as the page shows it: its rows, how many there are in all, and the CSV file that
 * has every row. {@link #capped} keeps the largest {@link #MAX_ROWS}: a page of tens of thousands of rows is slow to
 * open, sort and filter, and nobody reads its tail.
 */
@TemplateData
record TableRows<T>(List<T> rows, long total, String csv) {

    /** Rows shown per capped table, the largest first. */
    static final int MAX_ROWS = 1000;

    static <T> TableRows<T> capped(List<T> all, String csv) {
        return new TableRows<>(all.size() <= MAX_ROWS ? all : all.subList(0, MAX_ROWS), all.size(), csv);
    }

    static <T> TableRows<T> whole(List<T> all) {
        return new TableRows<>(all, all.size(), "");
    }

    /** Rows on the page: fewer than {@link #total} when the table is capped. */
    public long shown() {
        return rows.size();
    }
}
