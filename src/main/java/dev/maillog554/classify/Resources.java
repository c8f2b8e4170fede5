package dev.maillog554.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the classifier's shipped data files from the class path (works in a native image: no reflection). */
final class Resources {

    /** The CSV dialect of every data file: a header line, {@code #} comments, blank lines ignored, cells trimmed. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private Resources() {
    }

    static List<CSVRecord> csv(String name) {
        try (Reader r = reader(name); CSVParser p = CSVParser.parse(r, FORMAT)) {
            return new ArrayList<>(p.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classify/" + name, e);
        }
    }

    static Reader reader(String name) throws IOException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = Resources.class.getClassLoader();
        }
        InputStream in = cl.getResourceAsStream("classify/" + name);
        if (in == null) {
            in = Resources.class.getClassLoader().getResourceAsStream("classify/" + name);
        }
        if (in == null) {
            throw new IOException("missing resource classify/" + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
