package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServeOptionsTest {

    private static final List<String> KEYS = List.of("maillog554.serve", "quarkus.http.host", "quarkus.http.port",
            "maillog554.api.redact");

    // Other tests in this JVM (Quarkus test profiles) may have set these keys.
    @BeforeEach
    @AfterEach
    void clear() {
        KEYS.forEach(System::clearProperty);
    }

    @Test
    void batchCommandsNeitherEnableHttpNorChangeItsAddress() {
        ServeOptions.apply(new String[] {"scan", "--port", "9000", "--host", "::1", "mail.log"});
        KEYS.forEach(k -> assertNull(System.getProperty(k), k));
    }

    @Test
    void serveSetsHostPortAndRedactBeforeStartUp() {
        ServeOptions.apply(new String[] {"serve", "--port", "9000", "--host", "::1", "--redact"});
        assertEquals("true", System.getProperty("maillog554.serve"));
        assertEquals("9000", System.getProperty("quarkus.http.port"));
        assertEquals("::1", System.getProperty("quarkus.http.host"));
        assertEquals("true", System.getProperty("maillog554.api.redact"));
    }

    @Test
    void equalsFormWorksAndBadPortsAreLeftToPicocli() {
        ServeOptions.apply(new String[] {"serve", "--port=abc", "--host=0.0.0.0"});
        assertNull(System.getProperty("quarkus.http.port"));
        assertEquals("0.0.0.0", System.getProperty("quarkus.http.host"));
        ServeOptions.apply(new String[] {"serve", "--port=70000"});
        assertNull(System.getProperty("quarkus.http.port"));
    }
}
