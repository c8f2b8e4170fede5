package dev.maillog554.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.maillog554.classify.Category;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;
import dev.maillog554.scan.DedupeKey;
import dev.maillog554.store.KeyedRejection;
import dev.maillog554.store.RunInfo;
import dev.maillog554.store.RunStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code serve} under the load the hardening issue measured: 50 clients at once, mixing the report page, grouped
 * counts and rejection pages, over a history of 100,000 rejections. Before admission control every request
 * beyond the connection pool waited five seconds for a connection and failed with a 500 (57% of 50). Now each
 * must be answered, and answered right.
 *
 * <p>Its own history database (a test profile), so the 100,000 rows stay out of the other API tests.
 */
@QuarkusTest
@TestProfile(ServeLoadTest.OwnHistory.class)
class ServeLoadTest {

    static final int ROWS = 100_000;
    static final int CLIENTS = 50;
    static final String HOST = "load-" + UUID.randomUUID();

    /** A database of its own. */
    public static class OwnHistory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("maillog554.data-dir", "./target/test-data/serve-load-" + UUID.randomUUID());
        }
    }

    @Inject
    RunStore store;

    @TestHTTPResource("/")
    URL base;

    @Test
    void fiftyClientsAtOnceAreAllAnswered() throws Exception {
        seed();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8)).build();
        List<String> paths = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            paths.add(switch (c % 5) {
                case 0 -> "?host=" + HOST;
                case 1 -> "api/counts?group=domain&host=" + HOST;
                case 2 -> "api/counts?group=category&host=" + HOST;
                case 3 -> "api/rejections?size=50&page=" + c + "&host=" + HOST;
                default -> "api/runs";
            });
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String p : paths) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + p)).timeout(Duration.ofSeconds(120))
                        .GET().build();
                answers.add(clients.submit(() -> http.send(req, HttpResponse.BodyHandlers.ofString())));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> r = answers.get(i).get();
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 200 && paths.get(i).startsWith("api/counts")) {
                    assertTrue(r.body().contains("\"total\":" + ROWS), paths.get(i) + ": " + r.body());
                }
                if (r.statusCode() == 200 && paths.get(i).startsWith("?")) {
                    assertTrue(r.body().contains("100,000") || r.body().contains("100000"), "report total");
                }
            }
            assertEquals(Map.of(200, CLIENTS), statuses, "every request answered: " + statuses);
        } finally {
            clients.shutdownNow();
        }
    }

    private void seed() {
        long run = store.startRun(new RunInfo(Instant.parse("2026-11-01T00:00:00Z"), HOST, List.of("load.log"),
                "554"));
        Category[] causes = {new Category("blocklisted"), new Category("unknown-recipient"), new Category("policy"),
            new Category("content-spam"), new Category("relay-denied")};
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        List<KeyedRejection> batch = new ArrayList<>(1000);
        for (int i = 0; i < ROWS; i++) {
            String domain = "d" + i % 997 + ".example";
            RejectionEvent e = new RejectionEvent(t0.plusSeconds(i * 25L), i % 4 == 0 ? Direction.INBOUND
                    : Direction.OUTBOUND, i % 4 == 0 ? DeliveryStatus.REJECTED : DeliveryStatus.DEFERRED,
                    Mta.POSTFIX, HOST, "Q" + i, "sender@example.net", "u" + i % 5003 + "@" + domain, domain, 554,
                    "5.7.1", "RCPT", "mx." + domain, "192.0.2." + i % 250, "Service unavailable " + i % 31,
                    "load.log", i + 1);
            batch.add(new KeyedRejection(DedupeKey.of(HOST, "line " + i, 1), new Rejection(e,
                    new Diagnosis(causes[i % causes.length], "", "", "", "", List.of()))));
            if (batch.size() == 1000) {
                store.saveBatch(run, batch);
                batch.clear();
            }
        }
    }
}
