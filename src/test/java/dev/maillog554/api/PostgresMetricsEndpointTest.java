package dev.maillog554.api;

import java.util.Map;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@link MetricsEndpointTest} on the PostgreSQL server named by {@code MAILLOG554_TEST_PG_URL}. */
@QuarkusTest
@TestProfile(PostgresMetricsEndpointTest.Postgres.class)
@EnabledIfEnvironmentVariable(named = "MAILLOG554_TEST_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresMetricsEndpointTest extends MetricsEndpointTest {

    /** The real parsers (the sample logs are real lines) over PostgreSQL. */
    public static class Postgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Quarkus builds the profile even when the test class is disabled, so never hand Map.of a null.
            return Map.of("maillog554.db.url",
                    System.getenv().getOrDefault("MAILLOG554_TEST_PG_URL", "jdbc:postgresql:unset"),
                    "maillog554.db.user", System.getenv().getOrDefault("MAILLOG554_TEST_PG_USER", "maillog554"),
                    "maillog554.db.password", System.getenv().getOrDefault("MAILLOG554_TEST_PG_PASSWORD", ""));
        }
    }
}
