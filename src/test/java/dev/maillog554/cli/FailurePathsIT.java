package dev.maillog554.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link FailurePathsTest} against the packaged jar, or the native binary with {@code -Dnative}. */
@QuarkusMainIntegrationTest
class FailurePathsIT extends FailurePathsTest {
}
