package dev.maillog554.api;

import java.util.Map;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.maillog554.scan.PostgresProfile;

/** {@link MetricsEndpointTest} on the PostgreSQL server named by {@code MAILLOG554_TEST_PG_URL}. */
@QuarkusTest
@TestProfile(PostgresMetricsEndpointTest.Postgres.class)
@EnabledIfEnvironmentVariable(named = "MAILLOG554_TEST_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresMetricsEndpointTest extends MetricsEndpointTest {

    /** The real parsers (the sample logs are real lines) over PostgreSQL. */
    public static class Postgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PostgresProfile.connection();
        }
    }
}
