package dev.maillog554.scan;

import java.util.Map;

/** {@link FakeParserProfile} against the PostgreSQL server named by {@code MAILLOG554_TEST_PG_URL}. */
public class PostgresProfile extends FakeParserProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return connection();
    }

    /** The history settings that point a test profile at the PostgreSQL server of the environment. */
    public static Map<String, String> connection() {
        // Quarkus builds the profile even when the test class is disabled, so never hand Map.of a null.
        return Map.of("maillog554.db.url",
                System.getenv().getOrDefault("MAILLOG554_TEST_PG_URL", "jdbc:postgresql:unset"),
                "maillog554.db.user", System.getenv().getOrDefault("MAILLOG554_TEST_PG_USER", "maillog554"),
                "maillog554.db.password", System.getenv().getOrDefault("MAILLOG554_TEST_PG_PASSWORD", ""));
    }
}
