package dev.maillog554.cli;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.http.ContentType;

/**
 * {@code maillog554 serve} as users run it: a real process (the packaged jar, or the native binary with
 * {@code -Dnative}) on a loopback port, over a history that a real {@code scan} process wrote. The in-JVM
 * {@code @QuarkusTest}s cover every parameter; this twin proves the packaged application serves them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeIT {

    @TempDir
    static Path tmp;

    CliProcess server;
    int port;

    @BeforeAll
    void scanThenServe() throws Exception {
        String db = tmp.resolve("db").toString();
        CliProcess scan = CliProcess.run(tmp, "scan", "scan", "--full", "--quiet", "--data-dir", db, "--out",
                tmp.resolve("out").toString(), Path.of("sample-logs").toAbsolutePath().toString());
        assertEquals(0, scan.exitCode(), scan.toString());

        port = freePort();
        server = CliProcess.start(tmp, "serve", Map.of(), "serve", "--port", Integer.toString(port), "--data-dir", db);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!listening(port)) {
            assertTrue(server.process.isAlive(), "serve exited early: " + server);
            assertTrue(System.nanoTime() < deadline, "serve did not listen within 120 s");
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.process.destroy();
            if (!server.process.waitFor(20, TimeUnit.SECONDS)) {
                server.process.destroyForcibly();
            }
        }
    }

    @Test
    void servesTheHistoryAsJsonAndHtml() {
        String base = "http://127.0.0.1:" + port;
        given().when().get(base + "/api/runs").then().statusCode(200).body("[0].rejections_found", equalTo(26));
        given().queryParam("group", "code").when().get(base + "/api/counts").then().statusCode(200)
                .body("total", equalTo(26)).body("rows.find { it.key == '554' }.count", equalTo(26));
        given().queryParam("size", 5).when().get(base + "/api/rejections").then().statusCode(200)
                .body("items.size()", equalTo(5)).body("total", equalTo(26));
        given().contentType(ContentType.TEXT).body("554 5.7.1 Service unavailable; Client host [192.0.2.10] "
                + "blocked using zen.spamhaus.org").when().post(base + "/api/explain").then().statusCode(200)
                .body("category", equalTo("blocklisted")).body("blocklist", equalTo("spamhaus-zen"));
        given().when().get(base + "/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("26"));
        given().when().get(base + "/q/openapi").then().statusCode(200).body(containsString("/api/counts"));
        given().queryParam("group", "nope").when().get(base + "/api/counts").then().statusCode(400)
                .body("parameter", equalTo("group"));
        given().when().get(base + "/api/runs/987654").then().statusCode(404);
        given().when().get(base + "/api/rejections").then().statusCode(200).body("items.size()", greaterThan(0));
    }

    @Test
    void listensOnLoopbackOnly() {
        // The default host is 127.0.0.1: another local address must not reach it.
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket(externalAddress(), port)) {
                s.getPort();
            }
        });
    }

    private static InetAddress externalAddress() throws IOException {
        List<InetAddress> found = new ArrayList<>();
        Collections.list(NetworkInterface.getNetworkInterfaces()).forEach(i ->
                Collections.list(i.getInetAddresses()).forEach(a -> {
                    if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
                        found.add(a);
                    }
                }));
        Assumptions.assumeFalse(found.isEmpty(), "no non-loopback address to try");
        return found.get(0);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
