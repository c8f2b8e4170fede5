package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** The hand-written CSV and time formatting must print exactly what Commons CSV and ISO_INSTANT print. */
class CsvLineWriterTest {

    // Characters that matter to the quoting rule, plus plain text and a non-ASCII letter.
    private static final String ALPHABET = "\"\r\n,#! \t'=-+@abcXYZ019.:;<>\u00e9\u0000\u001f$%\\";

    @Test
    void recordsEqualCommonsCsv() throws IOException {
        SplittableRandom rnd = new SplittableRandom(554);
        List<List<String>> records = new ArrayList<>();
        records.add(List.of("", "", ""));
        records.add(List.of("", "a", ""));
        records.add(List.of("#x", "x#", " a", "a ", "a\t", "\"", "\"\"", "a,b", "a\nb", "a\rb", "-", "$", "'", "5"));
        for (int r = 0; r < 5000; r++) {
            List<String> cells = new ArrayList<>();
            int n = 1 + rnd.nextInt(6);
            for (int c = 0; c < n; c++) {
                StringBuilder sb = new StringBuilder();
                int len = rnd.nextInt(8);
                for (int i = 0; i < len; i++) {
                    sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                }
                cells.add(sb.toString());
            }
            records.add(cells);
        }
        records.add(List.of("x".repeat(70000), "\"".repeat(40000) + "y", "z"));

        StringWriter expected = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(expected, RejectionCsv.FORMAT.builder().setHeader("h1", "h2").get())) {
            for (List<String> cells : records) {
                p.printRecord(cells);
            }
            p.printRecord("t", 12345L, -7L);
        }
        StringWriter actual = new StringWriter();
        try (CsvLineWriter w = new CsvLineWriter(actual)) {
            w.record("h1", "h2");
            for (List<String> cells : records) {
                for (String c : cells) {
                    w.cell(c);
                }
                w.endRecord();
            }
            w.cell("t");
            w.cell(12345L);
            w.cell(-7L);
            w.endRecord();
        }
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void timesEqualIsoInstant() {
        SplittableRandom rnd = new SplittableRandom(25);
        List<Instant> times = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-28T06:00:00Z"),
                Instant.parse("2026-02-28T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00.120Z"),
                Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX));
        for (int i = 0; i < 20000; i++) {
            long s = rnd.nextLong(-62167219200L - 86400L * 800, 253402300800L + 86400L * 800);
            int nano = switch (rnd.nextInt(4)) {
                case 0 -> 0;
                case 1 -> rnd.nextInt(1000) * 1_000_000;
                case 2 -> rnd.nextInt(1_000_000) * 1000;
                default -> rnd.nextInt(1_000_000_000);
            };
            times.add(Instant.ofEpochSecond(s, nano));
        }
        for (Instant t : times) {
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(t), RejectionCsv.time(t), t::toString);
        }
        assertEquals("", RejectionCsv.time(null));
    }
}
