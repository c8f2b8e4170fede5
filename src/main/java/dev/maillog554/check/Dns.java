package dev.maillog554.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one resolver, for one run: every query has a timeout, at most {@code concurrency} are in flight, and each
 * question is asked once (later askers, even concurrent ones, share the first answer). Never throws: a question it
 * cannot get answered comes back as {@link DnsAnswer.Kind#FAILED} with the reason.
 */
final class Dns {

    /**
     * Timeouts, with no answer at all so far, after which the resolver counts as unreachable: the questions left
     * are not sent, so a run without network costs a few timeouts, not one per question.
     */
    static final int GIVE_UP_AFTER = 3;

    private final SimpleResolver resolver;
    private final String label;
    private final Duration timeout;
    private final Semaphore inFlight;
    private final Consumer<String> diagnostics;
    private final Map<String, CompletableFuture<DnsAnswer>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger timeouts = new AtomicInteger();
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param server      the resolver
     * @param timeout     per query
     * @param concurrency queries in flight at most
     * @param diagnostics receives one line (for stderr) the first time the resolver fails to answer
     */
    Dns(InetSocketAddress server, Duration timeout, int concurrency, Consumer<String> diagnostics) {
        this.resolver = new SimpleResolver(server);
        this.resolver.setTimeout(timeout);
        this.label = label(server);
        this.timeout = timeout;
        this.inFlight = new Semaphore(Math.max(1, concurrency));
        this.diagnostics = diagnostics;
    }

    /** The resolver as {@code host:port}, IPv6 in brackets. */
    static String label(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : Ips.text(a.getAddress());
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    String label() {
        return label;
    }

    /** Queries sent to the resolver so far (cached questions are not sent again). */
    int sent() {
        return sent.get();
    }

    /** Asks {@code type} records of {@code name} (absolute or not; case does not matter). */
    DnsAnswer query(String name, int type) {
        String n = name.toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n : n + ".";
        String key = n + "/" + type;
        CompletableFuture<DnsAnswer> mine = new CompletableFuture<>();
        CompletableFuture<DnsAnswer> first = cache.putIfAbsent(key, mine);
        if (first != null) {
            return first.join();
        }
        DnsAnswer a = ask(n, type);
        mine.complete(a);
        return a;
    }

    private DnsAnswer ask(String name, int type) {
        Name qname;
        try {
            qname = Name.fromString(name);
        } catch (TextParseException e) {
            return DnsAnswer.failed("not a DNS name: " + e.getMessage());
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DnsAnswer.failed("interrupted");
        }
        try {
            // Asked after the wait for a slot: the queries that held the slots may just have timed out.
            if (answered.get() == 0 && timeouts.get() >= GIVE_UP_AFTER) {
                return DnsAnswer.failed("resolver " + label + " answered none of the earlier queries");
            }
            sent.incrementAndGet();
            Message reply = resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
            answered.incrementAndGet();
            DnsAnswer a = DnsAnswer.of(reply, type);
            if (a.failed()) {
                warn(a.problem() + " for " + name + " " + Type.string(type));
            }
            return a;
        } catch (IOException | RuntimeException e) {
            String why = reason(e);
            if (why.startsWith("timeout")) {
                timeouts.incrementAndGet();
            }
            warn(why);
            return DnsAnswer.failed(why);
        } finally {
            inFlight.release();
        }
    }

    private void warn(String why) {
        if (warned.compareAndSet(false, true)) {
            diagnostics.accept("maillog554: --check: resolver " + label + " did not answer (" + why
                    + "); the checks it could not answer say 'not answered'");
        }
    }

    private String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("timed out")) {
                return "timeout after " + seconds(timeout);
            }
            if (t instanceof PortUnreachableException) {
                return "connection refused by " + label;
            }
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** "3 s", "0.5 s". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
