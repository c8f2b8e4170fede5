package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The resolver client: cache, concurrency limit, timeouts, failures, TCP after truncation; never the network. */
class DnsTest {

    TestDnsServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void asksEachQuestionOnceEvenWhenAskedConcurrently() throws Exception {
        server = TestDnsServer.start().delay(Duration.ofMillis(100)).add("example.com", Type.A, "192.0.2.1");
        Probes p = new Probes(server);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<DnsAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String spelling = i % 2 == 0 ? "Example.COM" : "example.com.";
                answers.add(pool.submit(() -> p.dns.query(spelling, Type.A)));
            }
            for (Future<DnsAnswer> f : answers) {
                assertEquals(DnsAnswer.Kind.RECORDS, f.get().kind());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.queries("example.com", Type.A));
        assertEquals(1, p.dns.sent());
        // Another type of the same name is another question.
        p.dns.query("example.com", Type.MX);
        assertEquals(1, server.queries("example.com", Type.MX));
    }

    @Test
    void keepsAtMostTheLimitOfQueriesInFlight() throws Exception {
        server = TestDnsServer.start().delay(Duration.ofMillis(150));
        for (int i = 0; i < 8; i++) {
            server.add("h" + i + ".example.com", Type.A, "192.0.2." + (i + 1));
        }
        Probes p = new Probes(server, 2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<DnsAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "h" + i + ".example.com";
                answers.add(pool.submit(() -> p.dns.query(name, Type.A)));
            }
            for (Future<DnsAnswer> f : answers) {
                assertEquals(DnsAnswer.Kind.RECORDS, f.get().kind());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8, server.queries());
        assertEquals(2, server.maxInFlight(), "eight callers at once, two queries in flight");
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsReportedOnce() throws Exception {
        server = TestDnsServer.start().silent();
        Probes p = new Probes(server);
        DnsAnswer a = p.dns.query("example.com", Type.TXT);
        assertEquals(DnsAnswer.Kind.FAILED, a.kind());
        assertEquals("timeout after 0.4 s", a.problem());
        for (int i = 0; i < 5; i++) {
            assertTrue(p.dns.query("n" + i + ".example.com", Type.A).failed());
        }
        // After three timeouts without any answer the resolver counts as gone: the rest is not sent.
        assertEquals(Dns.GIVE_UP_AFTER, server.queries());
        assertEquals(1, p.diagnostics.size(), p.diagnostics.toString());
        assertEquals("maillog554: --check: resolver 127.0.0.1:" + server.port() + " did not answer (timeout after "
                + "0.4 s); the checks it could not answer say 'not answered'", p.diagnostics.get(0));
    }

    @Test
    void servfailAndRefusedAreNotAnswersButTheResolverStillCounts() throws Exception {
        server = TestDnsServer.start().rcode("broken.example", Rcode.SERVFAIL).rcode("closed.example", Rcode.REFUSED)
                .add("ok.example", Type.A, "192.0.2.7");
        Probes p = new Probes(server);
        DnsAnswer s = p.dns.query("broken.example", Type.MX);
        assertEquals(DnsAnswer.Kind.FAILED, s.kind());
        assertEquals("SERVFAIL", s.problem());
        assertEquals("REFUSED", p.dns.query("closed.example", Type.MX).problem());
        assertEquals(DnsAnswer.Kind.RECORDS, p.dns.query("ok.example", Type.A).kind());
        assertEquals(1, p.diagnostics.size(), "one line per resolver, not per query: " + p.diagnostics);
    }

    @Test
    void tellsNoSuchNameFromNoRecordOfThatType() throws Exception {
        server = TestDnsServer.start().add("example.org", Type.A, "192.0.2.9");
        Probes p = new Probes(server);
        assertEquals(DnsAnswer.Kind.NO_DATA, p.dns.query("example.org", Type.MX).kind());
        assertEquals(DnsAnswer.Kind.NXDOMAIN, p.dns.query("nowhere.example.org", Type.MX).kind());
        assertTrue(p.diagnostics.isEmpty());
    }

    @Test
    void asksAgainOverTcpWhenTheUdpAnswerIsTruncated() throws Exception {
        String longSpf = "v=spf1 " + "ip4:192.0.2.0/24 ".repeat(40) + "-all";
        server = TestDnsServer.start().udpLimit(512).txt("big.example", longSpf.substring(0, 250),
                longSpf.substring(250, 500), longSpf.substring(500));
        Probes p = new Probes(server);
        DnsAnswer a = p.dns.query("big.example", Type.TXT);
        assertEquals(DnsAnswer.Kind.RECORDS, a.kind(), a.problem());
        assertEquals(longSpf, String.join("", ((TXTRecord) a.records().get(0)).getStrings()));
        assertEquals(1, server.tcpQueries());
    }
}
