package dev.maillog554.scan;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every incremental, idempotence and lock test again, on PostgreSQL (skipped when none is configured). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(named = "MAILLOG554_TEST_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresIncrementalScanTest extends IncrementalScanTest {
}
