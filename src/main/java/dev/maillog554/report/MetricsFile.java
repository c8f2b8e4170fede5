package dev.maillog554.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 */
public final class MetricsFile {

    static final String LAST_SUCCESS = "maillog554_last_success_timestamp_seconds";

    private MetricsFile() {
    }

    /**
     * What one run tells the monitoring.
     *
     * @param counts    the rejections found
     * @param linesRead lines read across all inputs
     * @param inputs    inputs read
     * @param problems  input problems reported
     * @param took      the run's duration
     * @param finished  when it ended
     * @param exitCode  the exit code it ends with
     */
    public record Run(Counts counts, long linesRead, int inputs, int problems, Duration took, Instant finished,
                      int exitCode) {
    }

    /** Writes {@code file}, replacing it whole; a success is a run that exits 0 or 4 (over --fail-if-count). */
    public static void write(Path file, Run run, boolean success) throws IOException {
        Path abs = file.toAbsolutePath();
        Double lastSuccess = success ? seconds(run.finished()) : previousLastSuccess(abs);
        String text = render(run, lastSuccess);
        ReportFiles.write(abs.getParent(), abs.getFileName().toString(), w -> w.write(text));
    }

    /** The file's text; {@code lastSuccess} null when no run has succeeded yet. */
    static String render(Run run, Double lastSuccess) {
        StringBuilder s = new StringBuilder(1024);
        // Summed over recipient domains: a label per domain would make a series per domain, which a busy server
        // has thousands of.
        Map<String, Long> byLabels = new TreeMap<>();
        for (Tally t : run.counts().summary()) {
            String labels = "direction=\"" + label(t.key().direction().label()) + "\",category=\""
                    + label(t.key().category()) + "\",reply_code=\""
                    + (t.key().replyCode() == 0 ? "" : t.key().replyCode()) + "\",enhanced_code=\""
                    + label(t.key().enhancedCode()) + "\"";
            byLabels.merge(labels, t.count(), Long::sum);
        }
        metric(s, "maillog554_rejections", "Rejections found by the last run, by direction, cause and code.");
        byLabels.forEach((labels, n) -> s.append("maillog554_rejections{").append(labels).append("} ").append(n)
                .append('\n'));
        gauge(s, "maillog554_recipients", "Distinct recipient addresses among the last run's rejections.",
                run.counts().recipients());
        gauge(s, "maillog554_lines_read", "Log lines read by the last run.", run.linesRead());
        gauge(s, "maillog554_inputs", "Inputs read by the last run.", run.inputs());
        gauge(s, "maillog554_input_problems", "Inputs the last run could not read completely.", run.problems());
        metric(s, "maillog554_run_duration_seconds", "How long the last run took.");
        s.append("maillog554_run_duration_seconds ").append(decimal(run.took().toMillis() / 1000.0)).append('\n');
        gauge(s, "maillog554_last_run_exit_code", "Exit code of the last run (see maillog554 --help).",
                run.exitCode());
        metric(s, "maillog554_last_run_timestamp_seconds", "When the last run ended (Unix time).");
        s.append("maillog554_last_run_timestamp_seconds ").append(decimal(seconds(run.finished()))).append('\n');
        if (lastSuccess != null) {
            metric(s, LAST_SUCCESS, "When a run last ended with exit code 0 or 4 (Unix time).");
            s.append(LAST_SUCCESS).append(' ').append(decimal(lastSuccess)).append('\n');
        }
        return s.toString();
    }

    private static void metric(StringBuilder s, String name, String help) {
        s.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
                .append(" gauge\n");
    }

    private static void gauge(StringBuilder s, String name, String help, long value) {
        metric(s, name, help);
        s.append(name).append(' ').append(value).append('\n');
    }

    // Label values escape backslash, double quote and line feed (the exposition format's rule).
    static String label(String v) {
        return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
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
