package dev.maillog554.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/**
 * {@link LiveChecksCommandTest} against the packaged jar, or the native binary with {@code -Dnative}: dnsjava's
 * queries, resolv.conf reader and answer parsing inside the binary, against the test's DNS server on loopback.
 */
@QuarkusMainIntegrationTest
class LiveChecksCommandIT extends LiveChecksCommandTest {
}
