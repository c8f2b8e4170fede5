package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeOptionsTest {

    private static final List<String> KEYS = List.of("maillog554.serve", "quarkus.http.host", "quarkus.http.port",
            "maillog554.api.redact", ServeOptions.TOKEN_KEY);

    // Other tests in this JVM (Quarkus test profiles) may have set these keys.
    @BeforeEach
    @AfterEach
    void clear() {
        KEYS.forEach(System::clearProperty);
    }

    @Test
    void batchCommandsNeitherEnableHttpNorChangeItsAddress() {
        ServeOptions.apply(StartupArgs.parse(new String[] {"scan", "--port", "9000", "--host", "::1", "mail.log"}));
        KEYS.forEach(k -> assertNull(System.getProperty(k), k));
    }

    @Test
    void serveSetsHostPortAndRedactBeforeStartUp() {
        ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--port", "9000", "--host", "::1", "--redact"}));
        assertEquals("true", System.getProperty("maillog554.serve"));
        assertEquals("9000", System.getProperty("quarkus.http.port"));
        assertEquals("::1", System.getProperty("quarkus.http.host"));
        assertEquals("true", System.getProperty("maillog554.api.redact"));
    }

    @Test
    void equalsFormWorksAndBadPortsAreLeftToPicocli() {
        ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--port=9001", "--host=0.0.0.0"}));
        assertEquals("9001", System.getProperty("quarkus.http.port"));
        assertEquals("0.0.0.0", System.getProperty("quarkus.http.host"));
        clear();
        // picocli refuses a port that is no number: nothing is set, and the run reports it from picocli
        ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--port=abc", "--host=0.0.0.0"}));
        KEYS.forEach(k -> assertNull(System.getProperty(k), k));
        ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--port=70000"}));
        assertNull(System.getProperty("quarkus.http.port"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "[::]", "192.0.2.1", "2001:db8::1"})
    void anAddressOtherMachinesReachNeedsAToken(String host) {
        String refusal = ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--host", host}), Map.of());
        assertNotNull(refusal, host);
        assertTrue(refusal.contains("--token-file") && refusal.contains(ServeOptions.TOKEN_ENV), refusal);
        assertFalse(refusal.contains("\n"), "one line");
        assertFalse(ServeOptions.mayStart(host, false), host);
        assertTrue(ServeOptions.mayStart(host, true), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"})
    void loopbackNeedsNoToken(String host) {
        assertNull(ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--host", host}), Map.of()), host);
        assertNull(System.getProperty(ServeOptions.TOKEN_KEY));
        assertTrue(ServeOptions.loopback(host), host);
    }

    @Test
    void theDefaultHostIsLoopback() {
        assertNull(ServeOptions.apply(StartupArgs.parse(new String[] {"serve"}), Map.of()));
    }

    @Test
    void tokenFromAFileIsItsFirstLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "  s3cret-from-file  \nsecond line\n");
        assertNull(ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--host", "0.0.0.0", "--token-file",
            file.toString()}), Map.of(ServeOptions.TOKEN_ENV, "from-env")));
        assertEquals("s3cret-from-file", System.getProperty(ServeOptions.TOKEN_KEY), "the file wins over the env");
    }

    @Test
    void tokenFromTheEnvironment() {
        assertNull(ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--host=0.0.0.0"}),
                Map.of(ServeOptions.TOKEN_ENV, "s3cret-from-env\n")));
        assertEquals("s3cret-from-env", System.getProperty(ServeOptions.TOKEN_KEY));
    }

    @Test
    void aTokenOnLoopbackIsStillSet() {
        assertNull(ServeOptions.apply(StartupArgs.parse(new String[] {"serve"}),
                Map.of(ServeOptions.TOKEN_ENV, "t0k3n")));
        assertEquals("t0k3n", System.getProperty(ServeOptions.TOKEN_KEY));
    }

    @Test
    void aMissingOrEmptyTokenFileIsOneClearLine(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing");
        String refusal = ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--token-file=" + missing}),
                Map.of());
        assertEquals("cannot read --token-file '" + missing + "': no such file: give a readable file holding the "
                + "token on one line", refusal);
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        refusal = ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--token-file", empty.toString()}),
                Map.of());
        assertEquals("--token-file '" + empty + "' is empty: put the token on its first line", refusal);
        refusal = ServeOptions.apply(StartupArgs.parse(new String[] {"serve", "--token-file", dir.toString()}),
                Map.of());
        assertTrue(refusal.startsWith("cannot read --token-file '" + dir + "': "), refusal);
        assertNull(System.getProperty(ServeOptions.TOKEN_KEY));
    }
}
