package dev.maillog554.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * What the database alone costs to hand over a window's rollups, for bench/history.sh ({@code FLOOR=1}): the part
 * of a year's grouped answers that no change to how maillog554 sums them can beat, and how far a coarser tier of
 * rollups could shrink it.
 *
 * <ol>
 *   <li><b>read-daily</b>, <b>read-party</b>: every {@code daily_rollup} / {@code party_rollup} row of the window
 *       read over plain JDBC, the columns {@link HistoryGroups} reads and in the way it reads them (H2: one query
 *       per UTC day; PostgreSQL: one query with a cursor inside a transaction), each value fetched and nothing
 *       summed. Each runs twice: {@code -cold} is the first pass of a fresh JVM (the operating system may hold
 *       the files already, and a PostgreSQL server its buffers), then warm. One line each: {@code <phase> <wall s> <cpu s> <rows>}, CPU being this process's (not a database
 *       server's);</li>
 *   <li><b>fold-daily</b>, <b>fold-party</b>: {@code fold-<table> <rows> <month tier> <window tier>}: the
 *       window's rollups, the rows a tier keyed by calendar month instead of day would hold for it (distinct keys
 *       in each month, added up), and the rows of one keyed by nothing but the rollup's own key (distinct keys
 *       over the whole window). The key is the rollup's without the day: server, direction, codes, recipient
 *       domain, cause, provider and blocklist; or server, kind, party, name, cause and blocklist.</li>
 * </ol>
 *
 * <p>Run with the packaged application's classpath: {@code java -Xmx2g -cp target/classes:target/test-classes:\
 * target/quarkus-app/lib/main/* dev.maillog554.store.RollupFloorBench <H2 directory or JDBC URL> <first day>
 * <day after the last>} (days as {@code 2025-12-01}); the user and password of a JDBC URL come from the system
 * properties {@code bench.db.user} and {@code bench.db.password}.
 */
public final class RollupFloorBench {

    private static final String DAILY = "reply_code, enhanced_code, recipient_domain, direction, category, provider, "
            + "blocklist, recipients, rejections, first_seen, last_seen, example_id";
    private static final String PARTY = "kind, party, name, category, blocklist, rejections, recipients, clients, "
            + "first_seen, last_seen";
    private static final String DAILY_KEY = "host, direction, reply_code, enhanced_code, recipient_domain, category, "
            + "provider, blocklist";
    private static final String PARTY_KEY = "host, kind, party, name, category, blocklist";

    private final Connection c;
    private final boolean h2;
    private final long from;
    private final long to;
    // What the reads fetched, printed on stderr so that no read can be skipped as unused.
    private long seen;

    private RollupFloorBench(Connection c, long from, long to) throws SQLException {
        this.c = c;
        this.h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
        this.from = from;
        this.to = to;
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 3) {
            System.err.println("usage: RollupFloorBench <H2 directory or JDBC URL> <first day> <day after the last>");
            System.exit(2);
        }
        String url = args[0].startsWith("jdbc:") ? args[0]
                : "jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath().resolve("maillog554")
                        + ";DB_CLOSE_ON_EXIT=FALSE;IFEXISTS=TRUE";
        String user = System.getProperty("bench.db.user", url.startsWith("jdbc:h2:") ? "sa" : "maillog554");
        String password = System.getProperty("bench.db.password", "");
        long from = LocalDate.parse(args[1]).toEpochDay();
        long to = LocalDate.parse(args[2]).toEpochDay();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setReadOnly(true);
            RollupFloorBench bench = new RollupFloorBench(c, from, to);
            for (String pass : new String[] {"-cold", ""}) {
                bench.read("read-daily" + pass, "daily_rollup", DAILY);
                bench.read("read-party" + pass, "party_rollup", PARTY);
            }
            bench.fold("fold-daily", "daily_rollup", DAILY_KEY);
            bench.fold("fold-party", "party_rollup", PARTY_KEY);
            System.err.println("values seen: " + bench.seen);
        }
    }

    /** One timed read of the window's rows of {@code table}. */
    private void read(String phase, String table, String columns) throws SQLException {
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        int n = columns.split(",").length;
        long rows = each(table, columns, rs -> {
            for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                seen += v == null ? 0 : 1;
            }
        });
        System.out.printf("%s %.2f %.2f %d%n", phase, (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9,
                rows);
    }

    /** The rows of the window, of a month tier and of a window tier, for {@code table}'s rollup key. */
    private void fold(String phase, String table, String key) throws SQLException {
        Set<String> window = new HashSet<>();
        Set<String> month = new HashSet<>();
        long[] monthTier = {0};
        long[] current = {Long.MIN_VALUE};
        int n = key.split(",").length + 1;
        // Ordered by day so that each month's keys are counted once and then dropped.
        long rows = each(table, "utc_day, " + key, rs -> {
            long m = LocalDate.ofEpochDay(rs.getLong(1)).withDayOfMonth(1).toEpochDay();
            if (m != current[0]) {
                monthTier[0] += month.size();
                month.clear();
                current[0] = m;
            }
            StringBuilder k = new StringBuilder();
            for (int i = 2; i <= n; i++) {
                k.append(rs.getString(i)).append('\0');
            }
            String s = k.toString();
            month.add(s);
            window.add(s);
        });
        monthTier[0] += month.size();
        System.out.printf("%s %d %d %d%n", phase, rows, monthTier[0], window.size());
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    // H2 one query per day (in day order), PostgreSQL one query over the window with a cursor ordered by day;
    // returns the rows read.
    private long each(String table, String columns, RowSink sink) throws SQLException {
        long rows = 0;
        if (h2) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table
                    + " WHERE utc_day = ?")) {
                for (long day = from; day < to; day++) {
                    ps.setLong(1, day);
                    rows += drain(ps, sink);
                }
            }
            return rows;
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table
                + " WHERE utc_day >= ? AND utc_day < ?" + (columns.startsWith("utc_day") ? " ORDER BY utc_day" : ""))) {
            ps.setFetchSize(2000);
            ps.setLong(1, from);
            ps.setLong(2, to);
            rows = drain(ps, sink);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
        return rows;
    }

    private static long drain(PreparedStatement ps, RowSink sink) throws SQLException {
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(rs);
                rows++;
            }
        }
        return rows;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
