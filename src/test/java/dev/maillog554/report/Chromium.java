package dev.maillog554.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's WebSocket client, so browser tests need
 * no Node or driver. Listens on loopback only; every wait is bounded and the process is killed on close.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Every event received, in order: {@code method} and {@code params}. */
    final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts the browser on about:blank and attaches to its page. */
    static Chromium start(int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("maillog554-chromium");
        Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI browser = URI.create(devtoolsUrl(p));
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(list).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageUrl = null;
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    pageUrl = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageUrl == null) {
                throw new IllegalStateException("chromium opened no page: " + targets);
            }
            Chromium[] self = new Chromium[1];
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(URI.create(pageUrl), new Listener(self)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new Chromium(p, profile, ws);
            return self[0];
        } catch (Exception e) {
            p.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    // Chromium prints the browser endpoint on stderr; the stream is drained afterwards so it never blocks.
    private static String devtoolsUrl(Process p) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    } else if (!url.isDone() && seen.length() < 4000) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // The process ended; handled below.
            }
            url.completeExceptionally(new IllegalStateException("chromium exited: " + seen));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        return url.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends one command and waits for its result. */
    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** Runs a script in the page and returns its value (JSON-serialisable results only). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Loads a URL and waits for its load event. */
    void navigate(String url) throws Exception {
        int before = events.size();
        call("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (events.stream().skip(before).anyMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("page did not load in " + TIMEOUT + ": " + url);
    }

    /** Events with this method name. */
    Stream<JsonNode> events(String method) {
        return events.stream().filter(e -> method.equals(e.path("method").asText()));
    }

    /** A PNG of the whole page at the current width. */
    void screenshot(Path png) throws Exception {
        JsonNode size = call("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
                "height", Math.min(size.path("height").asDouble(), 12000), "scale", 1);
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", clip));
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() {
        try {
            socket.abort();
        } finally {
            // Chromium's helpers (network service, GPU, zygote) write to the profile too: stop them with it.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp profile is harmless (a helper may still be renaming a file in it).
        }
    }

    /** Routes replies to their callers and keeps events. */
    private static final class Listener implements WebSocket.Listener {
        private final Chromium[] owner;
        private final StringBuilder buffer = new StringBuilder();

        Listener(Chromium[] owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    JsonNode msg = JSON.readTree(text);
                    Chromium c = owner[0];
                    if (c != null && msg.has("id")) {
                        CompletableFuture<JsonNode> f = c.pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else if (c != null) {
                        c.events.add(msg);
                    }
                } catch (IOException e) {
                    // Not JSON: ignore, the protocol only sends JSON.
                }
            }
            ws.request(1);
            return null;
        }
    }
}
