package dev.maillog554.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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
import dev.maillog554.store.HistoryFilter;
import dev.maillog554.store.KeyedRejection;
import dev.maillog554.store.Rollups;
import dev.maillog554.store.RunInfo;
import dev.maillog554.store.RunStore;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code report}'s one pass (rows counted in Java while they stream, in parallel parts) must return exactly
 * what the SQL GROUP BY of {@link HistoryCounter#counts} returns, and every row once, in id order.
 */
@QuarkusTest
class HistoryReportTest {

    private static final Category[] CATEGORIES = {new Category("policy"), new Category("unknown-recipient"),
        new Category("blocklisted"), new Category("relay-denied")};

    @Inject
    RunStore store;
    @Inject
    HistoryCounter history;

    @Test
    void onePassInPartsEqualsTheGroupByQueries() {
        String host = "h-" + UUID.randomUUID();
        // Rows of another server in between: the filter must leave them out of every part.
        String other = host + "-other";
        Instant t0 = Instant.parse("2026-03-01T22:30:00Z");
        List<KeyedRejection> batch = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Direction dir = i % 3 == 0 ? Direction.INBOUND : Direction.OUTBOUND;
            String domain = "d" + (i * 7 % 11) + ".example";
            // Some rows without a time, and times out of id order, as merged logs give them.
            Instant at = i % 37 == 5 ? null : t0.plusSeconds((i * 7919L % 240) * 1700L);
            DeliveryStatus status = dir == Direction.INBOUND ? DeliveryStatus.REJECTED : DeliveryStatus.BOUNCED;
            RejectionEvent e = new RejectionEvent(at, dir, status, i % 5 == 0 ? Mta.EXIM : Mta.POSTFIX,
                    i % 4 == 3 ? other : host, "Q" + i, "a@example.net",
                    // Recipients repeat within and across groups (retries), and across parts: distinct counts
                    // must be merged as sets, not added.
                    "u" + i % 5 + "@" + domain, domain, 554, i % 2 == 0 ? "5.7.1" : "5.1.1", "RCPT", "mx." + domain,
                    "203.0.113." + i % 250, "message, \"" + i + "\"", "mail.log", i);
            Category c = CATEGORIES[i * 3 % CATEGORIES.length];
            Rejection r = new Rejection(e, new Diagnosis(c, "", i % 4 == 0 ? "google" : "", i % 6 == 0
                    ? "spamhaus-zen" : "", "", List.of()));
            batch.add(new KeyedRejection(DedupeKey.of(e.host(), "line " + i, 1), r));
        }
        long run = store.startRun(new RunInfo(t0, host, List.of("mail.log"), "554"));
        assertEquals(240, store.saveBatch(run, batch));
        ZoneId zone = ZoneId.of("Asia/Kathmandu");
        List<HistoryFilter> filters = List.of(new HistoryFilter(null, null, host, null),
                new HistoryFilter(t0.plusSeconds(3600 * 20), t0.plusSeconds(3600 * 90), host, null),
                new HistoryFilter(null, null, host, Direction.INBOUND),
                new HistoryFilter(t0.plusSeconds(3600L * 24 * 365), null, host, null),
                new HistoryFilter(t0.plusSeconds(3600 * 30), null, other, Direction.OUTBOUND),
                // Whole days after the first: each cause's examples are looked up from its first rollup example
                // on, which must not skip an earlier row of the window (ids are not in time order here).
                new HistoryFilter(Instant.parse("2026-03-03T00:00:00Z"), Instant.parse("2026-03-05T00:00:00Z"), host,
                        null));
        for (HistoryFilter f : filters) {
            Counts expected = history.counts(f, zone);
            // Whole days are counted from the daily rollups, whose distinct counts are daily ones added up; the
            // other windows from the rows, exactly, merging the sets of recipients retried within and across parts.
            assertEquals(Rollups.cover(f), expected.daily(), f.toString());
            if (f == filters.get(1)) {
                assertTrue(expected.recipients() < expected.total(), "no retries to merge: " + expected);
            }
            if (f == filters.get(0)) {
                // each recipient once per UTC day and finest group (the seven report columns)
                long daily = batch.stream().map(KeyedRejection::rejection).filter(r -> r.event().host().equals(host))
                        .map(r -> Arrays.asList(r.event().time() == null ? null
                                : Math.floorDiv(r.event().time().getEpochSecond(), 86_400), r.event().replyCode(),
                                r.event().enhancedCode(), r.event().recipientDomain(), r.event().direction(),
                                r.diagnosis().category(), r.diagnosis().provider(), r.diagnosis().blocklist(),
                                r.event().recipient())).distinct().count();
                assertEquals(daily, expected.recipients());
            }
            for (int parts : new int[] {1, 2, 3, 7}) {
                List<List<Long>> ids = new ArrayList<>();
                Counts actual = history.report(f, zone, parts, 1, k -> {
                    List<Long> mine = new ArrayList<>();
                    ids.add(mine);
                    return row -> mine.add(row.id());
                });
                assertEquals(expected, actual, f + " in " + parts + " parts");
                List<Long> all = ids.stream().flatMap(List::stream).toList();
                assertEquals(expected.total(), all.size());
                for (int i = 1; i < all.size(); i++) {
                    assertTrue(all.get(i - 1) < all.get(i), "rows out of id order");
                }
            }
        }
    }
}
