package dev.maillog554.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One classifier data file, shipped (on the class path) or from a postmaster's classify folder, read into rows
 * that remember their line, so that every later problem can name the file and line. Problems of shape (a
 * missing column, a row with the wrong number of fields, an id given twice) are collected, not thrown: {@code
 * rules check} reports them all at once. Plain java.nio and class-path reads: nothing a native image must know.
 */
final class DataFile {

    /** A CSV row: its cells by column name (missing optional columns read as empty). */
    record Row(String file, long line, Map<String, String> cells) {

        String get(String column) {
            return cells.getOrDefault(column, "");
        }

        RuleProblem problem(String message) {
            return new RuleProblem(file, line, message);
        }
    }

    /** One {@code key=value} of tips.properties. */
    record Tip(String file, long line, String key, String value) {

        RuleProblem problem(String message) {
            return new RuleProblem(file, line, message);
        }
    }

    private final Path folder;
    private final String name;

    private DataFile(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /** The shipped file {@code classify/<name>}. */
    static DataFile shipped(String name) {
        return new DataFile(null, name);
    }

    /** The file {@code <name>} in a classify folder; it may not exist (a folder holds any subset). */
    static DataFile local(Path folder, String name) {
        return new DataFile(folder, name);
    }

    /** The file as messages name it. */
    String label() {
        return folder == null ? "classify/" + name : folder.resolve(name).toString();
    }

    boolean exists() {
        return folder == null || Files.isRegularFile(folder.resolve(name));
    }

    /**
     * The rows, after checking the header against the known columns. Rows of the wrong width are reported and
     * left out; so is a row whose {@code key} column repeats an earlier row's.
     */
    List<Row> rows(List<String> required, List<String> optional, String key, List<RuleProblem> problems) {
        List<Row> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        long line = 0;
        try (Reader r = reader(); CSVParser p = CSVParser.parse(r, Resources.FORMAT)) {
            line = p.getCurrentLineNumber();
            List<String> header = p.getHeaderNames();
            if (!headerFits(header, required, optional, line, problems)) {
                return out;
            }
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord rec : p) {
                line = p.getCurrentLineNumber();
                if (rec.size() != header.size()) {
                    problems.add(new RuleProblem(label(), line, rec.size() + " field" + (rec.size() == 1 ? "" : "s")
                            + ", the header has " + header.size() + " (quote a value that contains a comma)"));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), rec.get(i));
                }
                Row row = new Row(label(), line, cells);
                Long first = seen.putIfAbsent(row.get(key), line);
                if (first != null) {
                    problems.add(row.problem(key + " '" + row.get(key) + "' is already used on line " + first));
                    continue;
                }
                out.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV throws these for an unclosed quote, a duplicate header name or bytes that are not UTF-8
            problems.add(new RuleProblem(label(), line + 1, "not readable as CSV: " + message(e)));
        }
        return out;
    }

    private boolean headerFits(List<String> header, List<String> required, List<String> optional, long line,
                               List<RuleProblem> problems) {
        if (header.isEmpty()) {
            problems.add(new RuleProblem(label(), Math.max(line, 1), "no header line: the first line that is not a "
                    + "comment must name the columns: " + String.join(",", required)));
            return false;
        }
        boolean fits = true;
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(new RuleProblem(label(), line, "missing column '" + column + "' (the columns are "
                        + String.join(",", required) + (optional.isEmpty() ? "" : "," + String.join(",", optional))
                        + ")"));
                fits = false;
            }
        }
        for (String column : header) {
            if (!required.contains(column) && !optional.contains(column)) {
                problems.add(new RuleProblem(label(), line, "unknown column '" + column + "'"));
                fits = false;
            }
        }
        return fits;
    }

    /**
     * The tips, each with the line its key starts on. Each logical line (continuations joined) is read by
     * {@link Properties} itself, so escapes and separators mean what they mean to Java; a key given twice is
     * reported.
     */
    List<Tip> tips(List<RuleProblem> problems) {
        List<Tip> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader())) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new RuleProblem(label(), lines.size() + 1, "not readable: " + message(e)));
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String first = lines.get(i).stripLeading();
            if (first.isEmpty() || first.startsWith("#") || first.startsWith("!")) {
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (continues(lines.get(i)) && i + 1 < lines.size()) {
                logical.append('\n').append(lines.get(++i));
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new RuleProblem(label(), start + 1, "not a key=value line: " + message(e)));
                continue;
            }
            for (String key : one.stringPropertyNames()) {
                Tip tip = new Tip(label(), start + 1, key, one.getProperty(key).trim());
                if (!seen.add(key)) {
                    problems.add(tip.problem("key '" + key + "' is given twice in this file"));
                } else {
                    out.add(tip);
                }
            }
        }
        return out;
    }

    // an odd number of backslashes at the end joins the next line (java.util.Properties)
    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    // A local file with bytes that are not UTF-8 is reported rather than read with replacement characters.
    private Reader reader() throws IOException {
        if (folder == null) {
            return Resources.reader(name);
        }
        return new InputStreamReader(Files.newInputStream(folder.resolve(name)), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip().replace('\n', ' ');
    }
}
