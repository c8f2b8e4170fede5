package dev.maillog554.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link PruneCommandTest} against the packaged jar, or the native binary with {@code -Dnative}. */
@QuarkusMainIntegrationTest
class PruneCommandIT extends PruneCommandTest {
}
