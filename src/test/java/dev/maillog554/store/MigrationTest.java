package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
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
        // V5 (dedupe key as a UUID), V6 (foreign key to the run dropped, a Java migration), V8 (rollups).
        assertEquals(6, Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load()
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
