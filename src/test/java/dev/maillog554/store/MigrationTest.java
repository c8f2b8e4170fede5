package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made by the first release (V1 only) opens with this one: migrated, data kept. */
class MigrationTest {

    @Test
    void aVersionOneDatabaseIsMigratedWithItsHistoryKept(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("old");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO scan_run VALUES (NEXT VALUE FOR scan_run_seq, CURRENT_TIMESTAMP, NULL, 'mx1', "
                    + "'mail.log', '554', 'running', 0, 0, 0, 0)");
        }
        // V2 (checkpoints, lock), V3 (status wide enough for "undeliverable"), V4 (duplicate index dropped).
        assertEquals(3, Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load()
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
            // run_id keeps exactly one index: the one H2 made for the foreign key
            ResultSet runIdIndexes = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                    + "WHERE TABLE_NAME = 'REJECTION' AND COLUMN_NAME = 'RUN_ID'");
            runIdIndexes.next();
            assertEquals(1, runIdIndexes.getInt(1));
        }
    }
}
