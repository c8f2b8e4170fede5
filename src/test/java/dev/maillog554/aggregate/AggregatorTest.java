package dev.maillog554.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.FixtureEvents;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;

/**
 * {@link Aggregator} on real rejections: the report fixture's lines through the real parser and classifier,
 * checked against a plain recount of the same rejections and against what the log itself shows.
 */
class AggregatorTest {

    // sample-logs/mail.log with RFC 3339 stamps, plus two hostile lines (fixtures/reports/README.md).
    private static final Path LOG = Path.of("src", "test", "resources", "fixtures", "reports", "mail.log");
    private static final Classifier CLASSIFIER = Classifier.load();

    /** Every 554 rejection of the log (what a scan keeps by default), in log order, diagnosed with tips. */
    private static List<Rejection> rejections(List<String> lines) {
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.parse("2026-12-01T00:00:00Z"));
        return FixtureEvents.parse(LOG.toString(), lines, ctx).stream().filter(e -> e.replyCode() == 554)
                .map(e -> new Rejection(e, CLASSIFIER.classify(e))).toList();
    }

    private static List<Rejection> fixture() throws IOException {
        return rejections(Files.readAllLines(LOG, StandardCharsets.UTF_8));
    }

    /** The fixture's line that starts with {@code stamp} (unique in it). */
    private static String line(String stamp) throws IOException {
        List<String> found = Files.readAllLines(LOG, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(stamp)).toList();
        assertEquals(1, found.size(), stamp);
        return found.get(0);
    }

    private static Counts count(List<Rejection> rs) {
        Aggregator a = new Aggregator(ZoneOffset.UTC);
        rs.forEach(a::add);
        return a.result();
    }

    private static long distinctRecipients(List<Rejection> rs) {
        return rs.stream().map(r -> r.event().recipient()).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().count();
    }

    @Test
    void totalsAgreeWithTheLog() throws IOException {
        List<Rejection> rs = fixture();
        Counts c = count(rs);
        // sample-logs/README.md: mail.log has 14 rejections; the fixture adds one hostile outbound bounce and
        // one inbound reject.
        assertEquals(16, c.total());
        assertEquals(rs.stream().filter(r -> r.event().direction() == Direction.OUTBOUND).count(), c.outbound());
        assertEquals(c.total() - c.outbound(), c.inbound());
        assertTrue(c.outbound() > 0 && c.inbound() > 0, "the fixture has both directions");
        assertEquals(distinctRecipients(rs), c.recipients());
        assertEquals(rs.stream().map(r -> r.event().recipientDomain()).distinct().count(), c.domains());
    }

    @Test
    void eachGroupingCountsWhatARecountFinds() throws IOException {
        List<Rejection> rs = fixture();
        Counts c = count(rs);
        assertGroups(rs, r -> new CountKey(r.event().replyCode(), r.event().enhancedCode(),
                r.event().recipientDomain(), r.event().direction(), r.diagnosis().category().id()), c.summary());
        assertGroups(rs, r -> new CountKey(r.event().replyCode(), r.event().enhancedCode(), "", null, null),
                c.byCode());
        assertGroups(rs, r -> new CountKey(0, "", r.event().recipientDomain(), null, null), c.byDomain());
        assertEquals(rs.stream().map(r -> r.diagnosis().category().id()).collect(Collectors.toSet()),
                c.categories().stream().map(CategoryTally::category).collect(Collectors.toSet()));
        for (CategoryTally t : c.categories()) {
            List<Rejection> of = rs.stream().filter(r -> r.diagnosis().category().id().equals(t.category())).toList();
            assertEquals(of.size(), t.count(), t.category());
            assertEquals(distinctRecipients(of), t.recipients(), t.category());
            assertEquals(of.stream().map(r -> r.event().recipientDomain()).distinct().count(), t.domains());
            assertEquals(of.stream().map(r -> r.event().time()).min(Comparator.naturalOrder()).orElseThrow(),
                    t.firstSeen(), t.category());
            assertEquals(of.stream().map(r -> r.event().time()).max(Comparator.naturalOrder()).orElseThrow(),
                    t.lastSeen(), t.category());
            assertEquals(of.subList(0, Math.min(Aggregator.EXAMPLES, of.size())), t.examples(),
                    "the first examples in log order: " + t.category());
        }
    }

    private static void assertGroups(List<Rejection> rs, Function<Rejection, CountKey> key, List<Tally> tallies) {
        Map<CountKey, List<Rejection>> groups = rs.stream().collect(Collectors.groupingBy(key));
        assertEquals(groups.keySet(), tallies.stream().map(Tally::key).collect(Collectors.toSet()));
        for (Tally t : tallies) {
            List<Rejection> of = groups.get(t.key());
            assertEquals(of.size(), t.count(), t.key().toString());
            assertEquals(distinctRecipients(of), t.recipients(), t.key().toString());
            assertEquals(of.get(0).event().message(), t.example(), "the first rejection's reply: " + t.key());
            assertEquals(of.stream().map(r -> r.event().time()).min(Comparator.naturalOrder()).orElseThrow(),
                    t.firstSeen());
            assertEquals(of.stream().map(r -> r.event().time()).max(Comparator.naturalOrder()).orElseThrow(),
                    t.lastSeen());
        }
        List<Tally> sorted = new ArrayList<>(tallies);
        sorted.sort(Aggregator.TALLY_ORDER);
        assertEquals(sorted, tallies, "most first, ties by code, domain, direction and cause");
    }

    @Test
    void recipientsAreDistinctWithoutCaseAndUnnamedOnesAreNotCounted() throws IOException {
        // The relay attempt, repeated by the bot a minute later with the address in other case, and the
        // connection refused for its missing PTR, which names no recipient.
        String relay = line("2026-11-26T08:01:13+00:00 mx1 postfix/smtpd[2201]: NOQUEUE");
        String again = relay.replace("08:01:13", "08:02:13").replace("victim@example.net", "Victim@EXAMPLE.net");
        String noPtr = line("2026-11-26T15:45:51+00:00 mx1 postfix/smtpd[2490]: NOQUEUE");
        Counts c = count(rejections(List.of(relay, again, noPtr)));
        assertEquals(3, c.total());
        assertEquals(1, c.recipients(), "victim@example.net once, whatever its case; the refused connection none");
        CategoryTally relayDenied = category(c, "relay-denied");
        assertEquals(2, relayDenied.count());
        assertEquals(1, relayDenied.recipients());
        assertEquals(List.of("example.net"), relayDenied.topDomains(), "domains are lower-cased by the parser");
        assertEquals(0, category(c, "no-ptr").recipients());
        assertEquals(List.of(RejectionEvent.UNKNOWN_DOMAIN), category(c, "no-ptr").topDomains());
    }

    @Test
    void firstAndLastSeenDoNotDependOnTheOrderOfTheLines() throws IOException {
        List<Rejection> rs = fixture();
        List<Rejection> reversed = new ArrayList<>(rs);
        Collections.reverse(reversed);
        Counts forward = count(rs);
        Counts backward = count(reversed);
        assertEquals(forward.summary().stream().map(t -> t.key() + " " + t.firstSeen() + " " + t.lastSeen()).toList(),
                backward.summary().stream().map(t -> t.key() + " " + t.firstSeen() + " " + t.lastSeen()).toList());
        CategoryTally relayDenied = category(forward, "relay-denied");
        assertEquals(Instant.parse("2026-11-26T08:01:13Z"), relayDenied.firstSeen());
        assertEquals(Instant.parse("2026-11-27T12:05:00Z"), relayDenied.lastSeen());
        assertEquals(relayDenied.firstSeen(), category(backward, "relay-denied").firstSeen());
        assertEquals(relayDenied.lastSeen(), category(backward, "relay-denied").lastSeen());
    }

    @Test
    void examplesAreTheFirstFewOfACause() throws IOException {
        String relay = line("2026-11-26T08:01:13+00:00 mx1 postfix/smtpd[2201]: NOQUEUE");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(relay.replace("08:01:13", "08:0" + (5 - i) + ":13").replace("victim@", "victim" + i + "@"));
        }
        List<Rejection> rs = rejections(lines);
        CategoryTally t = category(count(rs), "relay-denied");
        assertEquals(5, t.count());
        assertEquals(5, t.recipients());
        assertEquals(rs.subList(0, Aggregator.EXAMPLES), t.examples(), "the first three read, not the earliest");
        assertEquals(Instant.parse("2026-11-26T08:01:13Z"), t.firstSeen());
        assertEquals(Instant.parse("2026-11-26T08:05:13Z"), t.lastSeen());
    }

    @Test
    void tipsOfACauseAreItsExamplesTipsOutboundFirstEachOnce() throws IOException {
        List<Rejection> rs = fixture();
        Counts c = count(rs);
        // blocklisted: the bounce from Exchange Online (outbound) and our own DNSBL refusals (inbound).
        CategoryTally blocklisted = category(c, "blocklisted");
        assertTrue(blocklisted.examples().stream().anyMatch(r -> r.event().direction() == Direction.OUTBOUND));
        assertTrue(blocklisted.examples().stream().anyMatch(r -> r.event().direction() == Direction.INBOUND));
        for (CategoryTally t : c.categories()) {
            Set<String> expected = new LinkedHashSet<>();
            for (Direction d : List.of(Direction.OUTBOUND, Direction.INBOUND)) {
                t.examples().stream().filter(r -> r.event().direction() == d)
                        .forEach(r -> expected.addAll(r.diagnosis().tips()));
            }
            assertEquals(List.copyOf(expected), t.tips(), t.category());
            assertTrue(!t.tips().isEmpty(), "every shipped cause has a tip: " + t.category());
        }
        int firstInbound = blocklisted.tips().indexOf(blocklisted.examples().stream()
                .filter(r -> r.event().direction() == Direction.INBOUND).findFirst().orElseThrow()
                .diagnosis().tips().get(0));
        assertTrue(blocklisted.tips().get(firstInbound).startsWith("Inbound: your own server refused this client."),
                blocklisted.tips().toString());
        assertTrue(blocklisted.tips().subList(0, firstInbound).stream().noneMatch(s -> s.startsWith("Inbound:")),
                "the outbound example's tips come first: " + blocklisted.tips());
    }

    @Test
    void aScanCountingWithoutTipsGetsTheSameTipsForItsExamples() throws IOException {
        List<Rejection> withTips = fixture();
        List<Rejection> without = withTips.stream()
                .map(r -> new Rejection(r.event(), CLASSIFIER.classify(r.event(), false))).toList();
        assertTrue(without.stream().allMatch(r -> r.diagnosis().tips().isEmpty()));
        Aggregator a = new Aggregator(ZoneOffset.UTC);
        without.forEach(a::add);
        Counts scan = a.result(r -> CLASSIFIER.classify(r.event()).tips());
        Counts full = count(withTips);
        assertEquals(full.categories().stream().map(CategoryTally::tips).toList(),
                scan.categories().stream().map(CategoryTally::tips).toList());
        assertEquals(full.summary(), scan.summary());
    }

    @Test
    void inboundAndOutboundAreCountedApart() throws IOException {
        List<Rejection> rs = fixture();
        Counts c = count(rs);
        for (Tally t : c.summary()) {
            assertTrue(t.key().direction() != null, "the summary keys each row by direction: " + t);
        }
        Predicate<Rejection> inbound = r -> r.event().direction() == Direction.INBOUND;
        // The proxy-reject line names no client: it is counted under "(unknown)".
        assertEquals(rs.stream().filter(inbound).map(r -> r.event().remoteIp())
                .map(ip -> ip.isEmpty() ? RejectionEvent.UNKNOWN_DOMAIN : ip).collect(Collectors.toSet()),
                c.clients().stream().map(PartyTally::key).collect(Collectors.toSet()),
                "clients are the inbound rejections' client IPs only");
        assertEquals(rs.stream().filter(inbound).count(), c.clients().stream().mapToLong(PartyTally::count).sum());
        assertEquals(c.inbound(), c.senders().stream().mapToLong(PartyTally::count).sum());
        assertTrue(c.senders().stream().anyMatch(p -> p.key().equals("bulk.example")), c.senders().toString());
        assertTrue(c.clients().stream().noneMatch(p -> p.key().equals("198.51.100.41")),
                "an outbound bounce's relay is not a refused client");

        Map<LocalDate, long[]> days = new TreeMap<>();
        for (Rejection r : rs) {
            long[] d = days.computeIfAbsent(LocalDate.ofInstant(r.event().time(), ZoneOffset.UTC), k -> new long[2]);
            d[r.event().direction() == Direction.OUTBOUND ? 0 : 1]++;
        }
        assertEquals(days.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList(), c.days(), "by day, oldest first");
        assertEquals(List.of(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27")),
                c.days().stream().map(DayCount::day).toList());
    }

    @Test
    void daysAreCountedInTheGivenZone() throws IOException {
        // 2026-11-26T19:15:03Z is already the 27th in Tokyo.
        String late = line("2026-11-26T19:15:03+00:00");
        Aggregator tokyo = new Aggregator(ZoneId.of("Asia/Tokyo"));
        rejections(List.of(late)).forEach(tokyo::add);
        assertEquals(List.of(new DayCount(LocalDate.parse("2026-11-27"), 1, 0)), tokyo.result().days());
    }

    @Test
    void causesAreOrderedByCountThenName() throws IOException {
        List<CategoryTally> cs = count(fixture()).categories();
        List<CategoryTally> sorted = new ArrayList<>(cs);
        sorted.sort(Comparator.comparingLong(CategoryTally::count).reversed().thenComparing(CategoryTally::category));
        assertEquals(sorted, cs);
        assertEquals("blocklisted", cs.get(0).category(), "three rejections, more than any other cause");
    }

    @Test
    void mergingPartsEqualsCountingInOne() throws IOException {
        List<Rejection> rs = fixture();
        Aggregator first = new Aggregator(ZoneOffset.UTC);
        Aggregator second = new Aggregator(ZoneOffset.UTC);
        for (int i = 0; i < rs.size(); i++) {
            (i < rs.size() / 2 ? first : second).add(rs.get(i));
        }
        first.merge(second);
        assertEquals(count(rs), first.result());
    }

    private static CategoryTally category(Counts c, String id) {
        return c.categories().stream().filter(t -> t.category().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError(id + " in " + c.categories()));
    }
}
