package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.maillog554.aggregate.Aggregator;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.classify.Category;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HistoryQueriesTest {

    @Inject
    RunStore store;
    @Inject
    HistoryQueries history;

    static Rejection rejection(String host, Instant at, Direction dir, String domain, String enhanced, Category c,
                               String message) {
        RejectionEvent e = new RejectionEvent(at, dir, dir == Direction.INBOUND ? DeliveryStatus.REJECTED
                : DeliveryStatus.BOUNCED, Mta.POSTFIX, host, "Q1", "a@example.net", "bob@" + domain, domain, 554,
                enhanced, "RCPT", "mx." + domain, "203.0.113.9", message, "mail.log", 1);
        return new Rejection(e, new Diagnosis(c, "", "", "", "", List.of()));
    }

    @Test
    void insertingWithoutLookingUpFirstStoresTheSameAsLookingUp() {
        String host = "h-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2026-03-01T22:30:00Z");
        List<KeyedRejection> first = new ArrayList<>();
        List<KeyedRejection> second = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            KeyedRejection k = new KeyedRejection(DedupeKey.of(host, "line " + i, 1), rejection(host,
                    t0.plusSeconds(i), Direction.OUTBOUND, "example.org", "5.7.1", new Category("policy"), "m " + i));
            (i < 20 ? first : second).add(k);
        }
        long run = store.startRun(new RunInfo(t0, host, List.of("mail.log"), "554"));
        assertEquals(new RunStore.Saved(20, Set.of(), Set.of()), store.saveBatch(run, first, null, false));
        // half of this batch is stored already: the insert fails on the unique key, rolls back to its
        // savepoint and retries with the lookup, inside the same transaction
        List<KeyedRejection> mixed = new ArrayList<>(second);
        mixed.addAll(first);
        Set<UUID> firstKeys = keys(first);
        assertEquals(new RunStore.Saved(20, firstKeys, Set.of()), store.saveBatch(run, mixed, null, false));
        Set<UUID> allKeys = keys(mixed);
        assertEquals(new RunStore.Saved(0, allKeys, Set.of()), store.saveBatch(run, mixed, null, true));
        // another run meets them all as stored before it, with or without looking up first
        long rescan = store.startRun(new RunInfo(t0, host, List.of("mail.log"), "554"));
        assertEquals(new RunStore.Saved(0, Set.of(), allKeys), store.saveBatch(rescan, mixed, null, false));
        assertEquals(new RunStore.Saved(0, Set.of(), allKeys), store.saveBatch(rescan, mixed, null, true));
        assertEquals(40, history.counts(new HistoryFilter(null, null, host, null)).total());
        assertEquals(40, history.rejections(new HistoryFilter(null, null, host, null), 0, 100).items().stream()
                .map(RejectionRow::message).distinct().count(), "each row once");
    }

    private static Set<UUID> keys(List<KeyedRejection> batch) {
        return batch.stream().map(KeyedRejection::dedupeKey).collect(Collectors.toSet());
    }

    @Test
    void countsFromSqlEqualTheInMemoryAggregation() {
        String host = "h-" + UUID.randomUUID();
        ZoneId zone = ZoneId.of("Europe/Paris");
        Instant t0 = Instant.parse("2026-03-01T22:30:00Z");
        List<KeyedRejection> batch = new ArrayList<>();
        Aggregator agg = new Aggregator(zone);
        String[] domains = {"example.org", "example.com", "example.net"};
        for (int i = 0; i < 60; i++) {
            Rejection r = rejection(host, t0.plusSeconds(i * 1800L), i % 3 == 0 ? Direction.INBOUND
                    : Direction.OUTBOUND, domains[i % domains.length], i % 2 == 0 ? "5.7.1" : "5.1.1",
                    i % 2 == 0 ? new Category("policy") : new Category("unknown-recipient"), "message " + (i % 4));
            agg.add(r);
            batch.add(new KeyedRejection(DedupeKey.of(host, "line " + i, 1), r));
        }
        long run = store.startRun(new RunInfo(t0, host, List.of("mail.log"), "554"));
        assertEquals(60, store.saveBatch(run, batch));
        assertEquals(0, store.saveBatch(run, batch), "the same keys are stored once");

        Counts expected = agg.result();
        Counts actual = history.counts(new HistoryFilter(null, null, host, null), zone);
        assertEquals(expected.total(), actual.total());
        assertEquals(expected.outbound(), actual.outbound());
        assertEquals(expected.domains(), actual.domains());
        assertEquals(expected.days(), actual.days());
        assertEquals(strip(expected), strip(actual));
        assertEquals(expected.categories().stream().map(c -> c.category() + c.count() + c.topDomains()).toList(),
                actual.categories().stream().map(c -> c.category() + c.count() + c.topDomains()).toList());

        assertEquals(20, history.counts(new HistoryFilter(null, null, host, Direction.INBOUND)).total());
        Instant mid = t0.plusSeconds(30 * 1800L);
        assertEquals(30, history.counts(new HistoryFilter(t0, mid, host, null)).total());
        List<GroupCount> byDomain = history.group(GroupBy.DOMAIN, new HistoryFilter(null, null, host, null));
        assertEquals(List.of(new GroupCount("example.com", 20), new GroupCount("example.net", 20),
                new GroupCount("example.org", 20)), byDomain);
        Page<RejectionRow> page = history.rejections(new HistoryFilter(null, null, host, null), 1, 25);
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
