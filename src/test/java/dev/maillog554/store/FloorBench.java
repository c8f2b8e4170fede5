package dev.maillog554.store;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.flywaydb.core.Flyway;

import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Rejection;
import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.ingest.LineReader;
import dev.maillog554.ingest.LogInput;
import dev.maillog554.ingest.LogLine;
import dev.maillog554.ingest.LogSources;
import dev.maillog554.ingest.RelevantLines;
import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;
import dev.maillog554.scan.DedupeKey;
import dev.maillog554.scan.LineOccurrences;

/**
 * The two halves of a scan measured apart, for bench/run.sh: what no change to how a scan couples them can beat.
 *
 * <ol>
 *   <li><b>read</b>: one log read, parsed, classified and keyed on one thread, as a scan's reader thread does
 *       (the same classes, no database, no reports), every rejection kept in memory;</li>
 *   <li><b>store</b>: those rejections inserted into a fresh embedded H2 history (the project's migrations)
 *       with the scan's own insert code ({@link RejectionInserts}), in transactions of {@code ScanService.BATCH}
 *       rows, nothing else;</li>
 *   <li><b>store-bare</b>: the same into a fresh history stripped of every secondary index, leaving the
 *       primary key alone: what H2 costs per row whatever the schema's indexes;</li>
 *   <li><b>store-without-NAME</b>, for each NAME in the system property {@code floor.without} (index names of
 *       the migrations, lower case): the same with only that index dropped, to tell what each costs.</li>
 * </ol>
 *
 * <p>A scan overlaps reading and storing on two threads, so on two cores it cannot take less than the JVM's
 * start-up plus the longer of the two. Every phase runs twice: the first pass, as a fresh JVM runs it, is
 * printed with {@code -cold} appended to the phase, the second (warm) without. One line per phase:
 * {@code <phase> <wall s> <cpu s> <rejections or rows>}; CPU is the whole process's (the JIT, the collector
 * and H2's own threads included), as {@code time} counts it.
 *
 * <p>Run with the packaged application's classpath and a heap that holds every rejection of the log:
 * {@code java -Xmx2g -cp target/classes:target/test-classes:target/quarkus-app/lib/main/* \
 * dev.maillog554.store.FloorBench <log> <empty dir> [codes]}.
 */
public final class FloorBench {

    /** Rows per transaction, as ScanService.BATCH. */
    private static final int BATCH = 1000;

    private FloorBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FloorBench <log> <empty dir for the databases> [codes, default 554]");
            System.exit(2);
        }
        Path log = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        CodeFilter codes = CodeFilter.parse(args.length > 2 ? args[2] : "554");

        List<String> phases = new ArrayList<>(List.of("store", "store-bare"));
        for (String name : System.getProperty("floor.without", "").split(",")) {
            if (!name.isBlank()) {
                phases.add("store-without-" + name.strip());
            }
        }
        // Everything runs twice in this JVM. The first pass is what a fresh JVM pays (its phases are printed
        // with "-cold" appended: the JIT compiles while they run); in the second the hot code is compiled, so
        // its figures are lower bounds that a scan, which starts cold, does not reach.
        for (int pass = 0; pass < 2; pass++) {
            String suffix = pass == 0 ? "-cold" : "";
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            List<KeyedRejection> found = read(log, codes);
            report("read" + suffix, t0, c0, found.size());
            for (String phase : phases) {
                t0 = System.nanoTime();
                c0 = cpuNanos();
                long rows = store(found, dir.resolve(phase + "-" + pass), phase.equals("store") ? Set.of()
                        : phase.equals("store-bare") ? null : Set.of(phase.substring("store-without-".length())));
                report(phase + suffix, t0, c0, rows);
            }
        }
    }

    // The per-line work of ScanService.scanInput for a fresh file: no checkpoint, no time window.
    private static List<KeyedRejection> read(Path log, CodeFilter codes) throws IOException {
        LogInput input = LogInput.file(log);
        LogParser parser = new LogParser();
        Classifier classifier = Classifier.load();
        RelevantLines relevant = new RelevantLines(codes);
        ParseContext ctx = new ParseContext(ZoneId.systemDefault(), Files.getLastModifiedTime(log).toInstant());
        LineOccurrences occurrences = new LineOccurrences();
        List<KeyedRejection> out = new ArrayList<>();
        try (InputStream in = LogSources.open(input)) {
            LineReader reader = new LineReader(in, input.name(), 0, 0, p -> System.err.println(p));
            LogLine line;
            while ((line = reader.next(relevant, true)) != null) {
                Optional<RejectionEvent> e = parser.parse(line, ctx);
                if (e.isEmpty() || !codes.matches(e.get().replyCode(), e.get().enhancedCode())) {
                    continue;
                }
                RejectionEvent event = e.get().host().isEmpty() ? e.get().withHost("bench") : e.get();
                out.add(new KeyedRejection(DedupeKey.of(event.host(), line.text(), occurrences.next(line.text())),
                        new Rejection(event, classifier.classify(event, false))));
            }
        }
        return out;
    }

    // drop: what strip removes (null: everything but the primary key)
    private static long store(List<KeyedRejection> found, Path dir, Set<String> drop) throws SQLException {
        migrate(dir);
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "")) {
            strip(c, drop);
            c.setAutoCommit(false);
            long runId = 1;
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO scan_run (id, started_at, host, inputs, codes, status, lines_read, "
                        + "rejections_found, rejections_new, problems) VALUES (1, TIMESTAMP WITH TIME ZONE '"
                        + Instant.now().atOffset(ZoneOffset.UTC).toString().replace('T', ' ')
                        + "', 'bench', 'bench', '554', 'running', 0, 0, 0, 0)");
            }
            c.commit();
            long rows = 0;
            KnownKeys known = new KnownKeys();
            for (int from = 0; from < found.size(); from += BATCH) {
                // A first scan of new logs inserts without looking the keys up first (RunStore.saveBatch).
                rows += RejectionInserts.insertNew(c, runId, found.subList(from, Math.min(found.size(),
                        from + BATCH)), false, known).rows();
                c.commit();
            }
            return rows;
        }
    }

    // The application's migrations, SQL and Java, as Quarkus runs them at start-up.
    private static void migrate(Path dir) {
        Flyway.configure().dataSource(url(dir), "sa", "").locations("classpath:db/migration").load().migrate();
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("maillog554");
    }

    // Drops the rejection table's secondary indexes named in {@code names} (null: all of them).
    private static void strip(Connection c, Set<String> names) throws SQLException {
        if (names != null && names.isEmpty()) {
            return;
        }
        List<String> drop = new ArrayList<>();
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                     + "WHERE TABLE_NAME = 'REJECTION' AND INDEX_TYPE_NAME <> 'PRIMARY KEY'")) {
            while (rs.next()) {
                if (names == null || names.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                    drop.add("DROP INDEX IF EXISTS \"" + rs.getString(1) + "\"");
                }
            }
        }
        try (Statement st = c.createStatement()) {
            if (drop.isEmpty()) {
                throw new IllegalArgumentException("no index of rejection is named " + names);
            }
            for (String sql : drop) {
                st.execute(sql);
            }
            if (names != null) {
                return;
            }
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE TABLE_NAME = 'REJECTION'")) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw new IllegalStateException("rejection still has " + rs.getInt(1) + " indexes, not 1");
                }
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void report(String phase, long t0, long c0, long n) {
        System.out.printf("%s %.2f %.2f %d%n", phase, (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9, n);
    }
}
