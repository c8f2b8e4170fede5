package dev.maillog554.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A probe that asks a test server, with a fixed clock and the diagnostics it printed. */
final class Probes {

    static final Instant NOW = Instant.parse("2026-03-04T10:15:00Z");
    static final Duration TIMEOUT = Duration.ofMillis(400);

    final List<String> diagnostics = new CopyOnWriteArrayList<>();
    final Dns dns;
    final Probe probe;

    Probes(TestDnsServer server) {
        this(server, 4);
    }

    Probes(TestDnsServer server, int concurrency) {
        dns = new Dns(server.address(), TIMEOUT, concurrency, diagnostics::add);
        probe = new Probe(dns, Clock.fixed(NOW, ZoneOffset.UTC), ReturnCodes.load());
    }
}
