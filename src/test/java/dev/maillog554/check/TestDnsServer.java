package dev.maillog554.check;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on loopback for tests: answers from the records a test gives it, over UDP and TCP, and counts what
 * it is asked. A name it has no record for is NXDOMAIN, unless a record exists at or below it (then NOERROR
 * without answers). It can answer late, answer SERVFAIL for a name, never answer, or truncate UDP answers above a
 * size so that the client must ask again over TCP.
 */
public final class TestDnsServer implements AutoCloseable {

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<String, Integer> rcodes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final ScheduledExecutorService replies = Executors.newScheduledThreadPool(8, r -> {
        Thread t = new Thread(r, "test-dns-reply");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean silent;
    private volatile Duration delay = Duration.ZERO;
    private volatile int udpLimit = 65_000;

    private TestDnsServer() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        udp = new DatagramSocket(new InetSocketAddress(lo, 0));
        tcp = new ServerSocket(udp.getLocalPort(), 16, lo);
        daemon(this::serveUdp, "test-dns-udp");
        daemon(this::serveTcp, "test-dns-tcp");
    }

    /** A server on 127.0.0.1 (UDP and TCP on the same free port). */
    public static TestDnsServer start() throws IOException {
        return new TestDnsServer();
    }

    public int port() {
        return udp.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** "127.0.0.1:PORT", as --resolver takes it. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    /** Adds a record in zone-file syntax, e.g. {@code add("example.com", Type.MX, "10 mx.example.com.")}. */
    public TestDnsServer add(String name, int type, String rdata) {
        try {
            Record r = Record.fromString(name(name), type, DClass.IN, 300, rdata, Name.root);
            records.computeIfAbsent(key(name, type), k -> new ArrayList<>()).add(r);
            return this;
        } catch (IOException e) {
            throw new IllegalArgumentException(rdata, e);
        }
    }

    /**
     * Adds a TXT record of these strings (one record; a long SPF record is split into strings like this). A string
     * longer than DNS allows (255) is split as a zone file's author would.
     */
    public TestDnsServer txt(String name, String... strings) {
        List<String> parts = new ArrayList<>();
        for (String s : strings) {
            for (int i = 0; i < s.length(); i += 255) {
                parts.add(s.substring(i, Math.min(s.length(), i + 255)));
            }
        }
        records.computeIfAbsent(key(name, Type.TXT), k -> new ArrayList<>())
                .add(new TXTRecord(name(name), DClass.IN, 300, parts));
        return this;
    }

    /** Answers every question about {@code name} with this return code (e.g. Rcode.SERVFAIL). */
    public TestDnsServer rcode(String name, int rcode) {
        rcodes.put(name(name).toString().toLowerCase(Locale.ROOT), rcode);
        return this;
    }

    /** Never answers (queries are still counted). */
    public TestDnsServer silent() {
        silent = true;
        return this;
    }

    /** Answers each query after this long. */
    public TestDnsServer delay(Duration d) {
        delay = d;
        return this;
    }

    /** UDP answers larger than this are sent truncated (TC, no records). */
    public TestDnsServer udpLimit(int bytes) {
        udpLimit = bytes;
        return this;
    }

    /** How often this question was asked. */
    public int queries(String name, int type) {
        AtomicInteger n = asked.get(key(name, type));
        return n == null ? 0 : n.get();
    }

    /** Questions asked in all. */
    public int queries() {
        return total.get();
    }

    /** Most queries received and not yet answered at one time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Questions asked over TCP. */
    public int tcpQueries() {
        return tcpQueries.get();
    }

    @Override
    public void close() throws IOException {
        replies.shutdownNow();
        udp.close();
        tcp.close();
    }

    private void serveUdp() {
        byte[] buf = new byte[4096];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
            } catch (IOException e) {
                return;
            }
            byte[] query = Arrays.copyOf(p.getData(), p.getLength());
            InetAddress from = p.getAddress();
            int port = p.getPort();
            received(query).ifPresent(q -> replies.schedule(() -> {
                byte[] wire;
                try {
                    wire = answer(q).toWire();
                    if (wire.length > udpLimit) {
                        Message tc = new Message(q.getHeader().getID());
                        tc.getHeader().setFlag(Flags.QR);
                        tc.getHeader().setFlag(Flags.TC);
                        tc.addRecord(q.getQuestion(), Section.QUESTION);
                        wire = tc.toWire();
                    }
                } finally {
                    // Out of flight before the answer leaves: once the client has it, it may ask the next one.
                    inFlight.decrementAndGet();
                }
                try {
                    udp.send(new DatagramPacket(wire, wire.length, from, port));
                } catch (IOException e) {
                    // the test's client is gone
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                daemon(() -> serveTcp(s), "test-dns-tcp-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream());
             DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                tcpQueries.incrementAndGet();
                Optional<Message> q = received(query);
                if (q.isEmpty()) {
                    continue;
                }
                byte[] wire;
                try {
                    wire = answer(q.get()).toWire();
                } finally {
                    inFlight.decrementAndGet(); // before the answer leaves, as for UDP
                }
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    // Counts the query; empty when it is not to be answered (silent, or not a DNS message).
    private Optional<Message> received(byte[] wire) {
        Message q;
        try {
            q = new Message(wire);
        } catch (IOException e) {
            return Optional.empty();
        }
        Record question = q.getQuestion();
        total.incrementAndGet();
        asked.computeIfAbsent(key(question.getName().toString(), question.getType()), k -> new AtomicInteger())
                .incrementAndGet();
        if (silent) {
            return Optional.empty();
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        return Optional.of(q);
    }

    private Message answer(Message q) {
        Record question = q.getQuestion();
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RD);
        r.getHeader().setFlag(Flags.RA);
        r.addRecord(question, Section.QUESTION);
        String name = question.getName().toString().toLowerCase(Locale.ROOT);
        Integer forced = rcodes.get(name);
        if (forced != null) {
            r.getHeader().setRcode(forced);
            return r;
        }
        List<Record> found = records.get(key(name, question.getType()));
        if (found != null) {
            found.forEach(rec -> r.addRecord(rec, Section.ANSWER));
        } else if (!exists(name)) {
            r.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return r;
    }

    private boolean exists(String name) {
        return records.keySet().stream().map(k -> k.substring(0, k.lastIndexOf('/')))
                .anyMatch(n -> n.equals(name) || n.endsWith("." + name));
    }

    private static String key(String name, int type) {
        return name(name).toString().toLowerCase(Locale.ROOT) + "/" + type;
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
