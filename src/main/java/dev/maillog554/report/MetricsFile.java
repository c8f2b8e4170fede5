package dev.maillog554.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.Tally;

/**
 * A scan's figures in the Prometheus text format, for node_exporter's textfile collector
 * ({@code --collector.textfile.directory}): written whole through a temporary file and a rename, so the
 * collector never reads half a file. {@code maillog554_last_success_timestamp_seconds} keeps its value from
 * the previous file when this run did not succeed, so an alert on its age fires when the nightly scan breaks.
 *
 * <p>{@link #families} is the one model of these metrics: this file prints it, and {@code serve} hands the same
 * families, built from the stored history, to Micrometer's Prometheus registry for {@code /q/metrics}.
 */
public final class MetricsFile {

    static final String LAST_SUCCESS = "maillog554_last_success_timestamp_seconds";

    private static final List<String> REJECTION_LABELS = List.of("direction", "category", "reply_code",
            "enhanced_code");

    private MetricsFile() {
    }

    /**
     * What one run tells the monitoring.
     *
     * @param rejections the rejections found, summed over recipient domains ({@link #rejectionsOf})
     * @param recipients distinct recipient addresses among them
     * @param linesRead  lines read across all inputs
     * @param inputs     inputs read
     * @param problems   input problems reported
     * @param took       the run's duration
     * @param finished   when it ended
     * @param exitCode   the exit code it ends with
     */
    public record Run(List<Rejections> rejections, long recipients, long linesRead, int inputs, int problems,
                      Duration took, Instant finished, int exitCode) {

        public Run {
            rejections = List.copyOf(rejections);
        }

        /** A run whose rejections are {@code counts}. */
        public static Run of(Counts counts, long linesRead, int inputs, int problems, Duration took,
                             Instant finished, int exitCode) {
            return new Run(rejectionsOf(counts), counts.recipients(), linesRead, inputs, problems, took, finished,
                    exitCode);
        }
    }

    /** Rejections of one direction, cause and code; {@code replyCode} 0 when the line showed none. */
    public record Rejections(String direction, String category, int replyCode, String enhancedCode, long count) {
    }

    /** One metric: its name, HELP text and samples; its TYPE is always gauge. */
    public record Family(String name, String help, List<String> labelNames, List<Sample> samples,
                         boolean seconds) {
    }

    /** One sample: the values of its family's labels, in their order, and its value. */
    public record Sample(List<String> labelValues, double value) {
    }

    /**
     * The rejections summed over recipient domains: a label per domain would make a series per domain, which a
     * busy server has thousands of. Sorted by their labels.
     */
    public static List<Rejections> rejectionsOf(Counts counts) {
        Map<List<String>, Long> byLabels = new TreeMap<>(MetricsFile::compareLabels);
        for (Tally t : counts.summary()) {
            byLabels.merge(List.of(t.key().direction().label(), nullToEmpty(t.key().category()),
                    Integer.toString(t.key().replyCode()), nullToEmpty(t.key().enhancedCode())), t.count(),
                    Long::sum);
        }
        List<Rejections> out = new ArrayList<>(byLabels.size());
        byLabels.forEach((l, n) -> out.add(new Rejections(l.get(0), l.get(1), Integer.parseInt(l.get(2)), l.get(3),
                n)));
        return out;
    }

    /** Whether a run that ends with this exit code succeeded: 0, or 4 (more rejections than --fail-if-count). */
    public static boolean success(int exitCode) {
        return exitCode == 0 || exitCode == 4;
    }

    /**
     * The metrics of {@code run}, in the order the file prints them; {@code lastSuccess} (Unix seconds) null
     * when no run has succeeded yet, which leaves its family out.
     */
    public static List<Family> families(Run run, Double lastSuccess) {
        List<Family> f = new ArrayList<>();
        Map<String, Sample> rejections = new TreeMap<>();
        for (Rejections r : run.rejections()) {
            List<String> values = List.of(r.direction(), r.category(),
                    r.replyCode() == 0 ? "" : Integer.toString(r.replyCode()), r.enhancedCode());
            rejections.merge(labels(REJECTION_LABELS, values), new Sample(values, r.count()),
                    (a, b) -> new Sample(a.labelValues(), a.value() + b.value()));
        }
        f.add(new Family("maillog554_rejections", "Rejections found by the last run, by direction, cause and code.",
                REJECTION_LABELS, List.copyOf(rejections.values()), false));
        f.add(plain("maillog554_recipients", "Distinct recipient addresses among the last run's rejections.",
                run.recipients()));
        f.add(plain("maillog554_lines_read", "Log lines read by the last run.", run.linesRead()));
        f.add(plain("maillog554_inputs", "Inputs read by the last run.", run.inputs()));
        f.add(plain("maillog554_input_problems", "Inputs the last run could not read completely.", run.problems()));
        f.add(seconds("maillog554_run_duration_seconds", "How long the last run took.",
                run.took().toMillis() / 1000.0));
        f.add(plain("maillog554_last_run_exit_code", "Exit code of the last run (see maillog554 --help).",
                run.exitCode()));
        f.add(seconds("maillog554_last_run_timestamp_seconds", "When the last run ended (Unix time).",
                seconds(run.finished())));
        if (lastSuccess != null) {
            f.add(seconds(LAST_SUCCESS, "When a run last ended with exit code 0 or 4 (Unix time).", lastSuccess));
        }
        return f;
    }

    /** Unix time in seconds, to the millisecond, as the metrics carry it. */
    public static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    /** Writes {@code file}, replacing it whole; a success is a run that exits 0 or 4 (over --fail-if-count). */
    public static void write(Path file, Run run) throws IOException {
        Path abs = file.toAbsolutePath();
        Double lastSuccess = success(run.exitCode()) ? seconds(run.finished()) : previousLastSuccess(abs);
        String text = render(run, lastSuccess);
        ReportFiles.write(abs.getParent(), abs.getFileName().toString(), w -> w.write(text));
    }

    /** The file's text; {@code lastSuccess} null when no run has succeeded yet. */
    static String render(Run run, Double lastSuccess) {
        StringBuilder s = new StringBuilder(1024);
        for (Family f : families(run, lastSuccess)) {
            s.append("# HELP ").append(f.name()).append(' ').append(f.help()).append("\n# TYPE ").append(f.name())
                    .append(" gauge\n");
            for (Sample sample : f.samples()) {
                s.append(f.name());
                if (!f.labelNames().isEmpty()) {
                    s.append('{').append(labels(f.labelNames(), sample.labelValues())).append('}');
                }
                s.append(' ').append(f.seconds() ? String.format(Locale.ROOT, "%.3f", sample.value())
                        : Long.toString((long) sample.value())).append('\n');
            }
        }
        return s.toString();
    }

    private static Family plain(String name, String help, long value) {
        return new Family(name, help, List.of(), List.of(new Sample(List.of(), value)), false);
    }

    private static Family seconds(String name, String help, double value) {
        return new Family(name, help, List.of(), List.of(new Sample(List.of(), value)), true);
    }

    private static String labels(List<String> names, List<String> values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            s.append(i == 0 ? "" : ",").append(names.get(i)).append("=\"").append(label(values.get(i))).append('"');
        }
        return s.toString();
    }

    private static int compareLabels(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // Label values escape backslash, double quote and line feed (the exposition format's rule).
    static String label(String v) {
        return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    // The previous file's last success, or null when there is none (or it cannot be read).
    private static Double previousLastSuccess(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(LAST_SUCCESS + " ")) {
                    return Double.parseDouble(line.substring(LAST_SUCCESS.length() + 1).trim());
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
