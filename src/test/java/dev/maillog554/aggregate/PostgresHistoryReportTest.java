package dev.maillog554.aggregate;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.maillog554.scan.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code report}'s one pass on PostgreSQL (skipped when none is configured). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(named = "MAILLOG554_TEST_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresHistoryReportTest extends HistoryReportTest {
}
