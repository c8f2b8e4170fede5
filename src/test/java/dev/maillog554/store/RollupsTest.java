package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rollups always equal a recount of the rows, done here in plain Java from the rows themselves: after scans,
 * a rescan that stores nothing, a batch whose transaction fails, and a prune (for the days that still have rows;
 * the pruned days keep their rollups, and a rescan does not store their rows again).
 */
@QuarkusTest
public class RollupsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T22:00:00Z");

    @Inject
    RunStore store;
    @Inject
    HistoryQueries history;
    @Inject
    HistoryPrune pruner;
    @Inject
    StoreDb db;

    @Test
    void rollupsEqualARecountOfTheRowsThroughRescanFailureAndPrune() throws Exception {
        String host = "h-" + UUID.randomUUID();
        List<KeyedRejection> all = batch(host, 0, 90);
        long run = store.startRun(new RunInfo(T0, host, List.of("mail.log"), "554"));
        assertEquals(50, store.saveBatch(run, all.subList(0, 50), null, false).rows());
        assertEquals(40, store.saveBatch(run, all.subList(50, 90), null, true).rows());
        Map<List<Object>, List<Object>> first = rollups(host);
        assertEquals(recount(host, d -> true), first);
        assertEquals(4, first.keySet().stream().map(k -> k.get(0)).distinct().count(), "three days and no time");

        // a rescan stores nothing and changes no rollup
        long rescan = store.startRun(new RunInfo(T0, host, List.of("mail.log"), "554"));
        assertEquals(0, store.saveBatch(rescan, all, null, false).rows());
        assertEquals(first, rollups(host));

        // a batch whose transaction fails (as a killed run's last one) leaves neither rows nor rollups
        List<KeyedRejection> more = batch(host, 90, 120);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            store.saveBatch(rescan, more, null, false);
            throw new IllegalStateException("killed");
        }));
        assertEquals(first, rollups(host));
        assertEquals(30, store.saveBatch(rescan, more, null, false).rows());
        Map<List<Object>, List<Object>> grown = rollups(host);
        assertEquals(recount(host, d -> true), grown);

        // whole days are answered from the rollups, other windows from the rows: the same groups
        HistoryFilter days = new HistoryFilter(Instant.EPOCH, null, host, null);
        HistoryFilter rows = new HistoryFilter(Instant.EPOCH.plusSeconds(1), null, host, null);
        List<Object> fromRollups = answers(days);
        assertEquals(answers(rows), fromRollups);

        // prune the rows of the first day (the cut-off is rounded down to its midnight): its rollups stay
        Instant secondDay = Instant.parse("2026-03-02T00:00:00Z");
        HistoryPrune.Pruned p = pruner.prune(secondDay.plusSeconds(3600), null, host);
        assertEquals(secondDay, p.rowsBefore());
        long firstDay = Rollups.day(T0);
        long firstDayRows = grown.entrySet().stream().filter(e -> Objects.equals(e.getKey().get(0), firstDay)
                && e.getKey().get(2).equals("daily")).mapToLong(e -> (Long) e.getValue().get(0)).sum();
        assertEquals(firstDayRows, p.rows());
        Map<List<Object>, List<Object>> kept = rollups(host);
        assertEquals(grown, kept, "prune keeps every rollup");
        assertEquals(recount(host, d -> true), without(kept, firstDay));
        assertEquals(List.of(), recount(host, d -> Objects.equals(d, firstDay)).keySet().stream().toList());
        assertEquals(secondDay, history.rowsPrunedBefore(new HistoryFilter(null, null, host, null)).orElseThrow());
        assertFalse(history.rowsPrunedBefore(new HistoryFilter(secondDay, null, host, null)).isPresent());
        assertEquals(fromRollups, answers(days), "whole days still count the pruned day, examples included");

        // a rescan of the whole log stores only what is still missing, never the pruned day again
        long third = store.startRun(new RunInfo(T0, host, List.of("mail.log"), "554"));
        List<KeyedRejection> everything = new ArrayList<>(all);
        everything.addAll(more);
        assertEquals(0, store.saveBatch(third, everything, null, true).rows());
        assertEquals(kept, rollups(host));

        // the second tier: the rollups of the first day go too, the others stay
        p = pruner.prune(secondDay, secondDay, host);
        assertEquals(0, p.rows());
        assertTrue(p.rollups() > 0);
        assertEquals(without(kept, firstDay), rollups(host));

        // a cut-off in the future deletes every row, but rejections that happen after the prune are stored again
        String later = "h-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<KeyedRejection> recent = List.of(new KeyedRejection(DedupeKey.of(later, "now", 1),
                HistoryQueriesTest.rejection(later, now.plusSeconds(1), Direction.OUTBOUND, "example.org", "5.7.1",
                        new Category("policy"), "recent")));
        pruner.prune(now.plusSeconds(400 * 86_400L), null, later);
        assertEquals(1, store.saveBatch(store.startRun(new RunInfo(now, later, List.of("mail.log"), "554")),
                recent, null, true).rows());
    }

    @Test
    void aScanThatKeepsItsOwnKeysStoresTheSameRollupsAsLookups() throws Exception {
        // a first scan of days new to the history: every rollup and member key is found in memory
        String host = "h-" + UUID.randomUUID();
        long run = store.startRun(new RunInfo(T0, host, List.of("mail.log"), "554"));
        KnownKeys known = new KnownKeys();
        for (int from = 0; from < 120; from += 20) {
            assertEquals(20, store.saveBatch(run, batch(host, from, from + 20), null, false, known).rows());
        }
        assertEquals(3, known.freshPairs(), "three days with a time, none stored before");
        assertTrue(known.kept() > 0);
        assertEquals(recount(host, d -> true), rollups(host));

        // a later run on the same days finds their rollups stored, so it looks every key up
        long rescan = store.startRun(new RunInfo(T0, host, List.of("mail.log"), "554"));
        KnownKeys again = new KnownKeys();
        assertEquals(30, store.saveBatch(rescan, batch(host, 120, 150), null, false, again).rows());
        assertEquals(0, again.freshPairs());
        assertEquals(recount(host, d -> true), rollups(host));

        // past its limit it drops the pairs it met first, which are then looked up again, still exactly
        String other = "h-" + UUID.randomUUID();
        String third = "h-" + UUID.randomUUID();
        long both = store.startRun(new RunInfo(T0, other, List.of("mail.log"), "554"));
        KnownKeys limited = new KnownKeys();
        store.saveBatch(both, batch(other, 0, 60), null, false, limited);
        store.saveBatch(both, batch(third, 0, 60), null, false, limited);
        assertEquals(KnownKeys.MAX_PAIRS, limited.freshPairs());
        store.saveBatch(both, batch(other, 60, 120), null, false, limited);
        store.saveBatch(both, batch(third, 60, 120), null, false, limited);
        assertEquals(recount(other, d -> true), rollups(other));
        assertEquals(recount(third, d -> true), rollups(third));
    }

    // What a report reads, but distinct counts: the finest groups by their seven columns (the rows give one per
    // recipient, merged here), the inbound rejections per client and sender domain, the 15-minute buckets and the
    // examples' texts.
    private List<Object> answers(HistoryFilter f) {
        return history.read(f, g -> {
            List<FineGroup> fine = g.finest();
            Map<List<Object>, List<Object>> groups = new HashMap<>();
            for (FineGroup x : fine) {
                groups.merge(List.of(x.code(), x.enhanced(), x.domain(), x.direction(), x.category(), x.provider(),
                        x.blocklist()), List.of(x.count(), String.valueOf(x.first()), String.valueOf(x.last()),
                        x.firstId()), RollupsTest::merge);
            }
            Map<List<Object>, List<Object>> parties = new HashMap<>();
            if (g.fromRollups()) {
                g.parties(p -> parties.merge(List.of(p.kind(), p.party(), p.category(), p.blocklist()),
                        List.of(p.count(), String.valueOf(p.first()), String.valueOf(p.last()), 0L),
                        RollupsTest::merge));
            } else {
                for (InboundGroup i : g.inbound()) {
                    List<Object> v = List.of(i.count(), String.valueOf(i.first()), String.valueOf(i.last()), 0L);
                    parties.merge(List.of(Rollups.CLIENT, Rollups.client(i.remoteIp()), i.category(), i.blocklist()),
                            v, RollupsTest::merge);
                    parties.merge(List.of(Rollups.SENDER, Rollups.senderDomain(i.sender()), i.category(),
                            i.blocklist()), v, RollupsTest::merge);
                }
            }
            return List.of(groups, parties, new HashSet<>(g.buckets(900)),
                    g.messages(groups.values().stream().map(v -> (Long) v.get(3)).toList()));
        });
    }

    // Two parts of one group: counts added, times widened ("null" when none), the smaller first id.
    private static List<Object> merge(List<Object> a, List<Object> b) {
        return List.of((Long) a.get(0) + (Long) b.get(0), earlier((String) a.get(1), (String) b.get(1), true),
                earlier((String) a.get(2), (String) b.get(2), false), Math.min((Long) a.get(3), (Long) b.get(3)));
    }

    private static String earlier(String a, String b, boolean min) {
        if (a.equals("null") || b.equals("null")) {
            return a.equals("null") ? b : a;
        }
        return (a.compareTo(b) < 0) == min ? a : b;
    }

    // Rejections i in [from, to): both directions, a few recipients, clients and senders, some without a time,
    // one every 37 minutes from T0, so they span three UTC days.
    static List<KeyedRejection> batch(String host, int from, int to) {
        List<KeyedRejection> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Direction dir = i % 3 == 0 ? Direction.INBOUND : Direction.OUTBOUND;
            Instant at = i % 29 == 5 ? null : T0.plusSeconds(37L * 60 * (i % 60));
            String domain = "d" + (i % 2) + ".example";
            RejectionEvent e = new RejectionEvent(at, dir, dir == Direction.INBOUND ? DeliveryStatus.REJECTED
                    : DeliveryStatus.BOUNCED, Mta.POSTFIX, host, "Q" + i, "s" + (i % 4) + "@snd" + (i % 3) + ".example",
                    (i % 4 == 0 ? "" : "r" + (i % 5) + "@") + domain, domain, 554, i % 2 == 0 ? "5.7.1" : "5.1.1",
                    "RCPT", "c" + (i % 4) + ".example", "192.0.2." + (i % 4), "reply " + i, "mail.log", i);
            Diagnosis d = new Diagnosis(new Category(i % 5 == 0 ? "spam" : "policy"), "",
                    i % 7 == 0 ? "gmail" : "", i % 6 == 0 ? "spamhaus" : "", "", List.of());
            out.add(new KeyedRejection(DedupeKey.of(host, "line " + i, 1), new Rejection(e, d)));
        }
        return out;
    }

    private Map<List<Object>, List<Object>> recount(String host, Predicate<Long> days) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return RollupRecount.recount(c, " WHERE host = '" + host + "'", days);
        }
    }

    private Map<List<Object>, List<Object>> rollups(String host) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return RollupRecount.stored(c, " WHERE host = '" + host + "'");
        }
    }

    private static Map<List<Object>, List<Object>> without(Map<List<Object>, List<Object>> m, long day) {
        Map<List<Object>, List<Object>> out = new HashMap<>(m);
        out.keySet().removeIf(k -> Objects.equals(k.get(0), day));
        return out;
    }
}
