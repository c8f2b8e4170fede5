package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same upgrade as {@link MigrationTest} on PostgreSQL, where a fleet's history lives: a history made by
 * the first release, with a stored rejection, migrates to the latest schema with its dedupe key kept.
 * Runs in a schema of its own, dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = "MAILLOG554_TEST_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresMigrationTest {

    private static final String URL = System.getenv("MAILLOG554_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("MAILLOG554_TEST_PG_USER", "maillog554");
    private static final String PASSWORD = System.getenv().getOrDefault("MAILLOG554_TEST_PG_PASSWORD", "");

    @Test
    void aVersionOneHistoryIsMigratedWithItsKeysKept() throws Exception {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            flyway(schema).target("1").load().migrate();
            try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("INSERT INTO scan_run VALUES (1, CURRENT_TIMESTAMP, NULL, 'mx1', 'mail.log', '554', "
                        + "'running', 0, 0, 0, 0)");
                s.execute(MigrationTest.insertRejection(MigrationTest.OLD_KEY));
            }
            assertEquals(8, flyway(schema).load().migrate().migrationsExecuted);
            MigrationTest.assertKeyKept(url, USER, PASSWORD);
            MigrationTest.assertSchemaKept(url, USER, PASSWORD);
            MigrationTest.assertRunOutcomeAdded(url, USER, PASSWORD);
        } finally {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void rollupsAreFilledFromTheRowsOfAnOlderHistory() throws Exception {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            flyway(schema).target("6").load().migrate();
            MigrationTest.insertHistory(url, USER, PASSWORD);
            assertEquals(3, flyway(schema).load().migrate().migrationsExecuted);
            MigrationTest.assertRollupsFilled(url, USER, PASSWORD);
        } finally {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String schema) {
        return Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(schema).locations("classpath:db/migration");
    }
}
