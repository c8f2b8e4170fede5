package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.maillog554.scan.DedupeKey;

/** A database made by the first release (V1 only) opens with this one: migrated, data kept. */
class MigrationTest {

    @Test
    void aVersionOneDatabaseIsMigratedWithItsHistoryKept(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("old");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO scan_run VALUES (NEXT VALUE FOR scan_run_seq, CURRENT_TIMESTAMP, NULL, 'mx1', "
                    + "'mail.log', '554', 'running', 0, 0, 0, 0)");
            s.execute(insertRejection(OLD_KEY));
        }
        // V2 (checkpoints, lock), V3 (status wide enough for "undeliverable"), V4 (duplicate index dropped),
        // V5 (dedupe key as a UUID), V6 (foreign key to the run dropped, a Java migration), V7 (the run's outcome
        // for serve's metrics), V8 (first rollups), V9 (daily rollups).
        assertEquals(8, Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load()
                .migrate().migrationsExecuted);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM scan_run), (SELECT COUNT(*) FROM run_lock), "
                    + "(SELECT COUNT(*) FROM file_checkpoint)");
            r.next();
            assertEquals(1, r.getInt(1));
            assertEquals(1, r.getInt(2));
            assertEquals(0, r.getInt(3));
            ResultSet width = s.executeQuery("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_NAME = 'REJECTION' AND COLUMN_NAME = 'STATUS'");
            width.next();
            assertEquals(16, width.getInt(1));
            // run_id keeps no index: V4 dropped V1's, V6 the foreign key with the one H2 made for it
            ResultSet runIdIndexes = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                    + "WHERE TABLE_NAME = 'REJECTION' AND COLUMN_NAME = 'RUN_ID'");
            runIdIndexes.next();
            assertEquals(0, runIdIndexes.getInt(1));
        }
        assertKeyKept(url, "sa", "");
        assertSchemaKept(url, "sa", "");
        assertRunOutcomeAdded(url, "sa", "");
    }

    /**
     * V7: a run stored before has no exit code (so serve's metrics never take it for the last run), and a run's
     * counts by cause are one row per label set.
     */
    static void assertRunOutcomeAdded(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT COUNT(*) FROM scan_run WHERE exit_code IS NULL "
                    + "AND inputs_read IS NULL AND recipients IS NULL AND duration_ms IS NULL");
            r.next();
            assertEquals(1, r.getInt(1));
            String row = "INSERT INTO run_rejections (run_id, direction, category, reply_code, enhanced_code, "
                    + "rejections) VALUES ((SELECT MIN(id) FROM scan_run), 'inbound', 'blocklisted', 554, '5.7.1', 3)";
            assertEquals(1, s.executeUpdate(row));
            SQLException twice = assertThrows(SQLException.class, () -> s.executeUpdate(row));
            assertEquals("23505", twice.getSQLState(), twice.getMessage());
        }
    }

    /** V9 fills the rollups from the rows a V6 history holds, several days of them, one day at a time. */
    @Test
    void rollupsAreFilledFromTheRowsOfAnOlderHistory(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("v6");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("6").load().migrate();
        insertHistory(url, "sa", "");
        assertEquals(3, Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load()
                .migrate().migrationsExecuted);
        assertRollupsFilled(url, "sa", "");
    }

    /** 80 rows over six UTC days and without a time, both directions, a few recipients, clients and senders. */
    static void insertHistory(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("INSERT INTO scan_run (id, started_at, finished_at, host, inputs, codes, status, lines_read, "
                    + "rejections_found, rejections_new, problems) VALUES (1, CURRENT_TIMESTAMP, NULL, 'mx1', "
                    + "'mail.log', '554', 'running', 0, 0, 0, 0)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rejection (id, run_id, dedupe_key, "
                    + "occurred_at, direction, status, mta, host, queue_id, sender, recipient, recipient_domain, "
                    + "reply_code, enhanced_code, stage, category, provider, blocklist, remote_host, remote_ip, "
                    + "message, source_file, line_no) VALUES (?, 1, ?, ?, ?, 'bounced', 'postfix', ?, '', ?, ?, ?, "
                    + "554, ?, 'RCPT', ?, '', '', ?, ?, ?, 'mail.log', ?)")) {
                for (int i = 0; i < 80; i++) {
                    int k = 0;
                    boolean in = i % 3 == 0;
                    ps.setLong(++k, 100 - i); // ids against time order: the example is the smallest id
                    ps.setObject(++k, UUID.nameUUIDFromBytes(("row " + i).getBytes(StandardCharsets.UTF_8)));
                    ps.setObject(++k, i % 17 == 3 ? null : OffsetDateTime.parse("2026-03-01T20:00:00Z")
                            .plusMinutes(83L * i));
                    ps.setString(++k, in ? "inbound" : "outbound");
                    ps.setString(++k, i % 5 == 0 ? "mx2" : "mx1");
                    ps.setString(++k, "s" + (i % 3) + "@snd.example");
                    ps.setString(++k, "r" + (i % 4) + "@d" + (i % 2) + ".example");
                    ps.setString(++k, "d" + (i % 2) + ".example");
                    ps.setString(++k, i % 2 == 0 ? "5.7.1" : "5.1.1");
                    ps.setString(++k, i % 4 == 0 ? "spam" : "policy");
                    ps.setString(++k, "c" + (i % 3) + ".example");
                    ps.setString(++k, "192.0.2." + (i % 3));
                    ps.setString(++k, "reply " + i);
                    ps.setLong(++k, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** The rollups and 15-minute buckets equal a recount of the rows, done here in Java. */
    static void assertRollupsFilled(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            Map<List<Object>, List<Object>> expected = RollupRecount.recount(c, "", d -> true);
            assertEquals(expected, RollupRecount.stored(c, ""));
            assertEquals(7, expected.keySet().stream().map(k -> k.get(0)).distinct().count(), "6 days, no time");
            assertEquals(RollupRecount.bucketRecount(c), RollupRecount.storedBuckets(c));
        }
    }

    /**
     * A history that ran the first V8 has rollups keyed by recipient (and client and sender), filled here as that
     * V8 filled them, by SQL; then prune deletes the rows of its first day. V9 converts those rollups: every day,
     * the pruned one included, comes out as a recount of the rows before the prune, exact distinct counts and
     * examples too, and V8's two tables are gone.
     */
    @Test
    void firstV8RollupsAreConvertedWithTheirPrunedDays(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("v8");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("8").load().migrate();
        insertHistory(url, "sa", "");
        Map<List<Object>, List<Object>> before;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            fillFirstV8(s);
            before = RollupRecount.recount(c, "", d -> true);
            String firstDay = "occurred_at < TIMESTAMP WITH TIME ZONE '2026-03-02 00:00:00+00'";
            assertTrue(s.executeUpdate("DELETE FROM rejection WHERE " + firstDay) > 0);
            s.execute("INSERT INTO pruned_rows VALUES ('', TIMESTAMP WITH TIME ZONE '2026-03-02 00:00:00+00')");
        }
        assertEquals(1, Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load()
                .migrate().migrationsExecuted);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            assertEquals(before, RollupRecount.stored(c, ""));
            ResultSet gone = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_NAME IN ('REJECTION_ROLLUP', 'REJECTION_EXAMPLE')");
            gone.next();
            assertEquals(0, gone.getInt(1));
        }
    }

    // What the first V8 stored: one rollup per day and finest group with the recipient (and the client and
    // sender inbound), the reply of each day, server and seven columns' first row, and the 15-minute buckets.
    private static void fillFirstV8(Statement s) throws SQLException {
        String day = "CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 86400) AS BIGINT)";
        String in = "CASE WHEN direction = 'inbound' THEN %s ELSE '' END";
        String key = "host, direction, reply_code, enhanced_code, recipient_domain, category, provider, blocklist";
        String party = String.format(in, "remote_ip") + ", " + String.format(in, "remote_host") + ", "
                + String.format(in, "sender");
        s.execute("INSERT INTO rejection_rollup (rollup_key, utc_day, " + key + ", recipient, remote_ip, "
                + "remote_host, sender, rejections, first_seen, last_seen, example_id) SELECT RANDOM_UUID(), " + day
                + ", " + key + ", recipient, " + party + ", COUNT(*), MIN(occurred_at), MAX(occurred_at), MIN(id) "
                + "FROM rejection GROUP BY " + day + ", " + key + ", recipient, " + party);
        s.execute("INSERT INTO rejection_example (group_key, utc_day, host, example_id, example) "
                + "SELECT RANDOM_UUID(), " + day + ", host, id, message FROM rejection r WHERE id = (SELECT MIN(id) "
                + "FROM rejection o WHERE " + day.replace("occurred_at", "o.occurred_at") + " IS NOT DISTINCT FROM "
                + day.replace("occurred_at", "r.occurred_at") + " AND o.host = r.host AND o.direction = r.direction "
                + "AND o.reply_code = r.reply_code AND o.enhanced_code = r.enhanced_code AND o.recipient_domain = "
                + "r.recipient_domain AND o.category = r.category AND o.provider = r.provider AND o.blocklist = "
                + "r.blocklist)");
        String bucket = "CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 900) AS BIGINT)";
        s.execute("INSERT INTO rejection_bucket (bucket, host, direction, rejections) SELECT " + bucket + ", host, "
                + "direction, COUNT(*) FROM rejection WHERE occurred_at IS NOT NULL GROUP BY " + bucket
                + ", host, direction");
    }

    /**
     * V5 rewrites the table (one ALTER ... SET DATA TYPE): the key column must come out a UUID that is still NOT
     * NULL, with every index of the table still there. V6 then drops the foreign key to the run, and only it:
     * a row naming no stored run is accepted, and the stored row keeps its run.
     */
    static void assertSchemaKept(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            ResultSet col = s.executeQuery("SELECT LOWER(data_type), is_nullable FROM information_schema.columns "
                    + "WHERE LOWER(table_name) = 'rejection' AND LOWER(column_name) = 'dedupe_key' "
                    + "AND table_schema = CURRENT_SCHEMA");
            col.next();
            assertEquals("uuid", col.getString(1));
            assertEquals("NO", col.getString(2));
            DatabaseMetaData meta = c.getMetaData();
            Set<String> indexes = new TreeSet<>();
            try (ResultSet ix = meta.getIndexInfo(c.getCatalog(), c.getSchema(),
                    meta.storesUpperCaseIdentifiers() ? "REJECTION" : "rejection", false, false)) {
                while (ix.next()) {
                    String name = String.valueOf(ix.getString("INDEX_NAME")).toLowerCase(Locale.ROOT);
                    if (name.startsWith("ix_") || name.startsWith("ux_")) { // ours, not the database's own
                        indexes.add(name + (ix.getBoolean("NON_UNIQUE") ? "" : " unique"));
                    }
                }
            }
            assertEquals(Set.of("ix_rejection_category", "ix_rejection_domain", "ix_rejection_host_occurred_at",
                    "ix_rejection_occurred_at", "ux_rejection_dedupe_key unique"), indexes);
            ResultSet keys = s.executeQuery("SELECT COUNT(*) FROM information_schema.table_constraints "
                    + "WHERE LOWER(table_name) = 'rejection' AND constraint_type = 'FOREIGN KEY' "
                    + "AND table_schema = CURRENT_SCHEMA");
            keys.next();
            assertEquals(0, keys.getInt(1), "V6 dropped the foreign key");
            assertEquals(1, s.executeUpdate(insertRejection("00000000-0000-0000-0000-000000000001")
                    .replace("VALUES (1,", "VALUES (3,").replace("(SELECT MIN(id) FROM scan_run)", "-1")));
            ResultSet run = s.executeQuery("SELECT COUNT(*) FROM rejection "
                    + "WHERE run_id = (SELECT MIN(id) FROM scan_run)");
            run.next();
            assertEquals(1, run.getInt(1), "the row stored before keeps its run");
        }
    }

    /** The key an older release stored for {@link #LINE} on mx1 (its first occurrence), as 32 hex characters. */
    static final String OLD_KEY = "5a6fc4825def814d2f304bb4cb66a13c";
    static final String LINE = "Mar  1 00:00:00 mail postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: "
            + "554 5.7.1 no; to=<b@example.org>";

    static String insertRejection(String key) {
        return "INSERT INTO rejection (id, run_id, dedupe_key, occurred_at, direction, status, mta, host, queue_id, "
                + "sender, recipient, recipient_domain, reply_code, enhanced_code, stage, category, provider, "
                + "blocklist, remote_host, remote_ip, message, source_file, line_no) VALUES (1, "
                + "(SELECT MIN(id) FROM scan_run), '" + key + "', NULL, 'inbound', 'rejected', 'postfix', 'mx1', '', "
                + "'', 'b@example.org', 'example.org', 554, '5.7.1', 'RCPT', 'other', '', '', 'x', '192.0.2.1', "
                + "'no', 'mail.log', 1)";
    }

    // V5 keeps the key's bits: the migrated row has the UUID a rescan computes for the same line, and the
    // unique index still refuses a second row with it.
    static void assertKeyKept(String url, String user, String password) throws Exception {
        UUID rescanKey = DedupeKey.of("mx1", LINE, 1);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT dedupe_key FROM rejection");
            r.next();
            assertEquals(rescanKey, r.getObject(1, UUID.class));
            try (PreparedStatement again = c.prepareStatement("SELECT COUNT(*) FROM rejection WHERE dedupe_key = ?")) {
                again.setObject(1, rescanKey);
                ResultSet n = again.executeQuery();
                n.next();
                assertEquals(1, n.getInt(1));
            }
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.execute(insertRejection(rescanKey.toString()).replace("VALUES (1,", "VALUES (2,")));
            assertEquals("23505", refused.getSQLState(), refused.getMessage());
        }
    }
}
