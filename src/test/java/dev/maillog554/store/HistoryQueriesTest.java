package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.maillog554.classify.Category;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;
import io.quarkus.test.junit.QuarkusTest;
import dev.maillog554.scan.DedupeKey;

@QuarkusTest
public class HistoryQueriesTest {

    @Inject
    RunStore store;
    @Inject
    HistoryQueries history;

    /** A rejection as a scan would store it, for the history tests of every package. */
    public static Rejection rejection(String host, Instant at, Direction dir, String domain, String enhanced,
                                      Category c, String message) {
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
        Page<RejectionRow> stored = history.rejections(of(host), 0, 100);
        assertEquals(40, stored.total());
        assertEquals(40, stored.items().stream().map(RejectionRow::message).distinct().count(), "each row once");
    }

    /** Every rejection of one server. */
    public static RejectionCriteria of(String host) {
        return new RejectionCriteria(new HistoryFilter(null, null, host, null), null, null, null, null);
    }

    private static Set<UUID> keys(List<KeyedRejection> batch) {
        return batch.stream().map(KeyedRejection::dedupeKey).collect(Collectors.toSet());
    }
}
