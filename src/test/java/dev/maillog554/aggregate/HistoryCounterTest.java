package dev.maillog554.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.maillog554.classify.Category;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.Direction;
import dev.maillog554.scan.DedupeKey;
import dev.maillog554.store.GroupBy;
import dev.maillog554.store.GroupCount;
import dev.maillog554.store.HistoryFilter;
import dev.maillog554.store.HistoryQueries;
import dev.maillog554.store.HistoryQueriesTest;
import dev.maillog554.store.KeyedRejection;
import dev.maillog554.store.Page;
import dev.maillog554.store.RejectionRow;
import dev.maillog554.store.RunInfo;
import dev.maillog554.store.RunStore;
import io.quarkus.test.junit.QuarkusTest;

/** The history's counts (SQL GROUP BY, assembled here) against the scan's in-memory aggregation. */
@QuarkusTest
class HistoryCounterTest {

    @Inject
    RunStore store;
    @Inject
    HistoryQueries history;
    @Inject
    HistoryCounter counter;

    @Test
    void countsFromSqlEqualTheInMemoryAggregation() {
        String host = "h-" + UUID.randomUUID();
        ZoneId zone = ZoneId.of("Europe/Paris");
        Instant t0 = Instant.parse("2026-03-01T22:30:00Z");
        List<KeyedRejection> batch = new ArrayList<>();
        Aggregator agg = new Aggregator(zone);
        String[] domains = {"example.org", "example.com", "example.net"};
        for (int i = 0; i < 60; i++) {
            Rejection r = HistoryQueriesTest.rejection(host, t0.plusSeconds(i * 1800L), i % 3 == 0 ? Direction.INBOUND
                    : Direction.OUTBOUND, domains[i % domains.length], i % 2 == 0 ? "5.7.1" : "5.1.1",
                    i % 2 == 0 ? new Category("policy") : new Category("unknown-recipient"), "message " + (i % 4));
            agg.add(r);
            batch.add(new KeyedRejection(DedupeKey.of(host, "line " + i, 1), r));
        }
        long run = store.startRun(new RunInfo(t0, host, List.of("mail.log"), "554"));
        assertEquals(60, store.saveBatch(run, batch));
        assertEquals(0, store.saveBatch(run, batch), "the same keys are stored once");

        Counts expected = agg.result();
        Counts actual = counter.counts(new HistoryFilter(null, null, host, null), zone);
        assertEquals(expected.total(), actual.total());
        assertEquals(expected.outbound(), actual.outbound());
        assertEquals(expected.domains(), actual.domains());
        assertEquals(expected.days(), actual.days());
        assertEquals(strip(expected), strip(actual));
        assertEquals(expected.categories().stream().map(c -> c.category() + c.count() + c.topDomains()).toList(),
                actual.categories().stream().map(c -> c.category() + c.count() + c.topDomains()).toList());

        assertEquals(20, counter.counts(new HistoryFilter(null, null, host, Direction.INBOUND)).total());
        Instant mid = t0.plusSeconds(30 * 1800L);
        assertEquals(30, counter.counts(new HistoryFilter(t0, mid, host, null)).total());
        List<GroupCount> byDomain = counter.group(GroupBy.DOMAIN, new HistoryFilter(null, null, host, null), zone);
        assertEquals(List.of(new GroupCount("example.com", 20), new GroupCount("example.net", 20),
                new GroupCount("example.org", 20)), byDomain);
        assertEquals(expected.days().stream().map(d -> new GroupCount(d.day().toString(), d.total())).toList(),
                counter.group(GroupBy.DAY, new HistoryFilter(null, null, host, null), zone), "days in the zone");
        Page<RejectionRow> page = history.rejections(HistoryQueriesTest.of(host), 1, 25);
        assertEquals(60, page.total());
        assertEquals(25, page.items().size());
        assertEquals(t0.plusSeconds(25 * 1800L), page.items().get(0).time());
        assertTrue(history.runs().stream().anyMatch(r -> r.id() == run));
        assertEquals(host, history.run(run).orElseThrow().host());
    }

    // Examples are "the first row seen", which differs between a file order and an id order: compare the rest.
    private static List<String> strip(Counts c) {
        List<String> out = new ArrayList<>();
        c.summary().forEach(t -> out.add(t.key() + " " + t.count() + " " + t.firstSeen() + " " + t.lastSeen() + " "
                + t.category()));
        c.byCode().forEach(t -> out.add(t.key() + " " + t.count() + " " + t.category()));
        c.byDomain().forEach(t -> out.add(t.key() + " " + t.count() + " " + t.category()));
        return out;
    }
}
