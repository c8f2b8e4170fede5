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
import java.nio.file.Files;
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

import dev.maillog554.report.PrometheusText;
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

    final List<CliProcess> started = new ArrayList<>();
    CliProcess server;
    int port;

    @BeforeAll
    void scanThenServe() throws Exception {
        String db = tmp.resolve("db").toString();
        CliProcess scan = CliProcess.run(tmp, "scan", "scan", "--full", "--quiet", "--data-dir", db, "--out",
                tmp.resolve("out").toString(), "--metrics-file", tmp.resolve("maillog554.prom").toString(),
                Path.of("sample-logs").toAbsolutePath().toString());
        assertEquals(0, scan.exitCode(), scan.toString());

        port = freePort();
        server = serve("serve", Map.of(), port, "--data-dir", db);
    }

    /**
     * Starts {@code serve --port port extra...} and waits for its "serving" line, which it prints once the HTTP
     * server listens; {@link #stop} ends it.
     */
    private CliProcess serve(String tag, Map<String, String> env, int port, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
        args.addAll(List.of(extra));
        CliProcess p = CliProcess.startWatching(tmp, tag, env, args.toArray(String[]::new));
        started.add(p);
        String host = args.contains("127.0.0.2") ? "127.0.0.2" : "127.0.0.1";
        p.awaitErrLine("maillog554: serving http://" + host + ":" + port + "/");
        assertTrue(listening(host, port), "serving, so listening: " + p);
        return p;
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (CliProcess p : started) {
            p.process.destroy();
            if (!p.process.waitFor(20, TimeUnit.SECONDS)) {
                p.process.destroyForcibly();
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

    // The packaged application has the Prometheus registry and reads the run back: the families, label sets and
    // values of the scan's --metrics-file, and nothing else.
    @Test
    void servesTheScansMetricsFile() throws IOException {
        String page = given().when().get("http://127.0.0.1:" + port + "/q/metrics").then().statusCode(200)
                .extract().asString();
        Map<String, PrometheusText.Family> served = PrometheusText.parse(page);
        assertEquals(PrometheusText.parse(Files.readString(tmp.resolve("maillog554.prom"))), served, page);
        assertEquals(26.0, served.get("maillog554_rejections").samples().values().stream()
                .mapToDouble(Double::doubleValue).sum(), page);
    }

    @Test
    void sendsTheSecurityHeaders() {
        for (String path : List.of("/", "/api/runs")) {
            given().when().get("http://127.0.0.1:" + port + path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'sha256-"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }

    // The data dir is a plain file, so that start-up fails before any port opens should the check ever be
    // missing: this test must never listen on every address.
    @Test
    void anyAddressWithoutATokenIsRefusedBeforeStartUp() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("not-a-dir"), "");
        CliProcess p = CliProcess.run(tmp, "serve-open", "serve", "--host", "0.0.0.0", "--port",
                Integer.toString(freePort()), "--data-dir", notADir.toString());
        assertEquals(ExitCodes.BAD_INPUT, p.exitCode(), p.toString());
        List<String> err = Files.readAllLines(p.err);
        assertEquals(1, err.size(), p.toString());
        assertTrue(err.get(0).startsWith("maillog554: serve --host 0.0.0.0 can be reached from other machines")
                && err.get(0).contains("--token-file") && err.get(0).contains("MAILLOG554_API_TOKEN"), err.get(0));
    }

    @Test
    void anUnreadableTokenFileIsOneClearLine() throws Exception {
        Path missing = tmp.resolve("no-such-token");
        CliProcess p = CliProcess.run(tmp, "serve-nofile", "serve", "--token-file", missing.toString(),
                "--port", Integer.toString(freePort()), "--data-dir", tmp.resolve("db-nofile").toString());
        assertEquals(ExitCodes.BAD_INPUT, p.exitCode(), p.toString());
        assertEquals(List.of("maillog554: cannot read --token-file '" + missing + "': no such file: give a readable "
                + "file holding the token on one line"), Files.readAllLines(p.err));
    }

    @Test
    void aTokenFromAFileIsDemandedOfEveryRequest() throws Exception {
        Path file = Files.writeString(tmp.resolve("token"), "file-token-5be0c1\n");
        int p = freePort();
        serve("serve-file", Map.of(), p, "--token-file", file.toString(), "--data-dir",
                tmp.resolve("db-file").toString());
        demandsToken("http://127.0.0.1:" + p, "file-token-5be0c1");
    }

    // 127.0.0.2 is loopback too: a token given there is still enforced.
    @Test
    void aTokenFromTheEnvironmentIsDemandedOfEveryRequest() throws Exception {
        Assumptions.assumeTrue(reachable("127.0.0.2"), "127.0.0.2 is not configured on lo");
        int p = freePort();
        serve("serve-env", Map.of("MAILLOG554_API_TOKEN", "env-token-9d2f7a"), p, "--host", "127.0.0.2",
                "--data-dir", tmp.resolve("db-env").toString());
        demandsToken("http://127.0.0.2:" + p, "env-token-9d2f7a");
    }

    private static void demandsToken(String base, String token) {
        given().when().get(base + "/api/runs").then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", containsString("Bearer")).body("error", containsString("bearer token"));
        given().when().get(base + "/").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").when().get(base + "/api/runs").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).when().get(base + "/api/runs").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).when().get(base + "/").then().statusCode(200)
                .contentType(ContentType.HTML);
        given().when().get(base + "/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).when().get(base + "/q/metrics").then().statusCode(200);
    }

    private static boolean reachable(String loopback) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(loopback))) {
            return s.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
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

    private static boolean listening(String host, int port) {
        try (Socket s = new Socket(host, port)) {
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
