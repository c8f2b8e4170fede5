package dev.maillog554.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** What a blocklist's A record means, from check/blocklist-codes.csv, with the rules for codes not listed there. */
final class ReturnCodes {

    static final String LISTED = "listed";
    static final String REFUSED = "query refused";
    static final String UNEXPECTED = "unexpected answer";

    private static final String RESOURCE = "check/blocklist-codes.csv";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    /**
     * What one code means.
     *
     * @param answer  {@link #LISTED}, {@link #REFUSED} or {@link #UNEXPECTED}
     * @param meaning one phrase, for the report
     */
    record Meaning(String answer, String meaning) {
    }

    private record Row(String zone, String code, Meaning meaning) {
    }

    private final List<Row> rows;

    private ReturnCodes(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static ReturnCodes load() {
        InputStream in = ReturnCodes.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        List<Row> rows = new ArrayList<>();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, FORMAT)) {
            for (CSVRecord c : p) {
                rows.add(new Row(c.get("zone").toLowerCase(Locale.ROOT), c.get("code"),
                        new Meaning(c.get("answer"), c.get("meaning"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new ReturnCodes(rows);
    }

    /** The meaning of {@code code} (an A record's address) as an answer of {@code zone}. */
    Meaning meaning(String zone, String code) {
        String z = zone.toLowerCase(Locale.ROOT);
        for (Row r : rows) {
            if (r.code().equals(code) && (z.equals(r.zone()) || z.endsWith("." + r.zone()))) {
                return r.meaning();
            }
        }
        // RFC 5782 2.1: listings are answered in 127.0.0.0/8; lists use 127.255.255.0/24 for errors (Spamhaus's
        // documented range, followed by others), and never answer outside 127/8.
        if (code.startsWith("127.255.255.")) {
            return new Meaning(REFUSED, "error code of the list, not a listing");
        }
        if (code.startsWith("127.")) {
            return new Meaning(LISTED, "listed (return code " + code + ")");
        }
        return new Meaning(UNEXPECTED, "no blocklist answer (they are in 127.0.0.0/8): the resolver may be "
                + "rewriting answers for names that do not exist");
    }
}
