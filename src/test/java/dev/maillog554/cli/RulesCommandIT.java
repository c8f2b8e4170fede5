package dev.maillog554.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/**
 * {@link RulesCommandTest} against the packaged jar, or the native binary with {@code -Dnative}: the classify
 * folder is read with plain java.nio and the shipped files from the image's resources.
 */
@QuarkusMainIntegrationTest
class RulesCommandIT extends RulesCommandTest {
}
