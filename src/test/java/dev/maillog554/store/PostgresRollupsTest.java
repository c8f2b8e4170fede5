package dev.maillog554.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.maillog554.scan.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The rollups' recount on PostgreSQL (skipped when none is configured). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(named = "MAILLOG554_TEST_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresRollupsTest extends RollupsTest {
}
