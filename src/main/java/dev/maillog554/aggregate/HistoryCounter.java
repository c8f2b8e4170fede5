package dev.maillog554.aggregate;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.maillog554.classify.Classifier;
import dev.maillog554.store.FineGroup;
import dev.maillog554.store.GroupBy;
import dev.maillog554.store.GroupCount;
import dev.maillog554.store.HistoryFilter;
import dev.maillog554.store.HistoryQueries;
import dev.maillog554.store.HistoryRows;
import dev.maillog554.store.RejectionRow;
import dev.maillog554.store.Rollups;

/**
 * The counts of the stored history, for {@code report} and {@code serve} alike, with the same shape, examples and
 * tips a scan's {@link Aggregator} gives: the store answers with rows or finest groups, this class assembles.
 */
@ApplicationScoped
public class HistoryCounter {

    @Inject
    HistoryQueries queries;
    @Inject
    HistoryRows rows;

    private final Classifier classifier = Classifier.load();

    /** Everything the reports show for the rejections the filter covers, days in UTC. */
    public Counts counts(HistoryFilter f) {
        return counts(f, ZoneOffset.UTC);
    }

    /**
     * Everything the reports show for the rejections the filter covers, from the database's GROUP BY, so that
     * millions of rows are never loaded.
     */
    public Counts counts(HistoryFilter f, ZoneId zone) {
        return counts(f, zone, null);
    }

    // examples: the first rows of each cause when a pass over the rows already found them, else null (asked of
    // the database, one query per cause).
    private Counts counts(HistoryFilter f, ZoneId zone, HistoryCounts.Examples examples) {
        return withTips(queries.read(f, g -> {
            // From the rows, the finest groups come one recipient apiece and the seven columns' groups merge their
            // recipient sets; from the rollups, each comes per server with its sums of daily distinct recipients.
            Map<List<Object>, HistoryCounts.Fine> fine = new HashMap<>();
            for (FineGroup r : g.finest()) {
                fine.merge(HistoryCounts.Fine.key(r), HistoryCounts.Fine.of(r), HistoryCounts.Fine::merge);
            }
            // Each finest group's first row is a row of its cause in the window: the lookup of a cause's first
            // rows starts at the smallest and need not go past the few smallest.
            Map<String, List<Long>> firstIds = new HashMap<>();
            fine.values().forEach(x -> firstIds.computeIfAbsent(x.category(), c -> new ArrayList<>())
                    .add(x.firstId()));
            firstIds.values().forEach(ids -> ids.sort(null));
            return HistoryCounts.assemble(List.copyOf(fine.values()), g::messages,
                    examples != null ? examples::of : category -> g.firstOfCategory(category, Aggregator.EXAMPLES,
                            firstIds.getOrDefault(category, List.of())).stream().map(StoredRows::toRejection).toList(),
                    HistoryCounts.storedDays(g.buckets(HistoryCounts.DAY_BUCKET_SECONDS), zone),
                    g.fromRollups() ? HistoryCounts.parties(g::parties) : HistoryCounts.inbound(g.inbound()),
                    g.fromRollups());
        }));
    }

    /**
     * Streams every rejection the filter covers to the sinks (see {@link HistoryRows#read}) and returns what
     * {@link #counts(HistoryFilter, ZoneId)} returns for the same filter, counted from that one pass.
     *
     * <p>This is {@code report}'s path for a window that is not whole UTC days (whole days are counted from the
     * rollups, as {@link #counts(HistoryFilter, ZoneId)} does): it must read every row for {@code rejections.csv}
     * anyway, so it counts them on the way instead of letting the database scan the table again for each GROUP BY
     * (on 5 million rows those scans alone outlasted the 60 s transaction timeout). Each part is counted by its own
     * {@link HistoryCounts.Pass}; the passes are merged in part order, which gives the same examples as one pass.
     */
    public Counts report(HistoryFilter f, ZoneId zone, int parts, IntFunction<Consumer<RejectionRow>> sinks) {
        return report(f, zone, parts, HistoryRows.MIN_PART_IDS, sinks);
    }

    /** {@link #report(HistoryFilter, ZoneId, int, IntFunction)} with parts of at least {@code minPartIds} ids. */
    public Counts report(HistoryFilter f, ZoneId zone, int parts, long minPartIds,
                         IntFunction<Consumer<RejectionRow>> sinks) {
        if (Rollups.cover(f)) {
            // Whole days: the rollups count them (days whose rows were pruned included) without a pass over the
            // rows, which then only feed rejections.csv and give each cause its first rows as examples (asking
            // the database for those costs a scan of the cause's rows on a window far from its first ones).
            List<HistoryCounts.Examples> found = new ArrayList<>();
            rows.read(f, parts, minPartIds, tee(sinks, found, HistoryCounts.Examples::new,
                    HistoryCounts.Examples::add));
            HistoryCounts.Examples all = new HistoryCounts.Examples();
            found.forEach(all::merge);
            return counts(f, zone, all);
        }
        List<HistoryCounts.Pass> passes = new ArrayList<>();
        rows.read(f, parts, minPartIds, tee(sinks, passes, HistoryCounts.Pass::new, HistoryCounts.Pass::add));
        if (passes.isEmpty()) {
            return new HistoryCounts.Pass().result(zone);
        }
        HistoryCounts.Pass all = passes.get(0);
        for (int k = 1; k < passes.size(); k++) {
            all.merge(passes.get(k));
        }
        return withTips(all.result(zone));
    }

    // Each part's sink, with a fresh counter of that part (kept in part order in `made`) fed every row first.
    private static <T> IntFunction<Consumer<RejectionRow>> tee(IntFunction<Consumer<RejectionRow>> sinks, List<T> made,
                                                               Supplier<T> counter, BiConsumer<T, RejectionRow> add) {
        return k -> {
            T mine = counter.get();
            made.add(mine);
            Consumer<RejectionRow> sink = sinks.apply(k);
            return r -> {
                add.accept(mine, r);
                sink.accept(r);
            };
        };
    }

    /**
     * What a report over this window must say because prune deleted rows in it, empty when it has all its rows.
     * Whole days are still counted, from the rollups; other windows are counted from the rows that are left.
     */
    public Optional<String> rowsNote(HistoryFilter f) {
        return queries.rowsPrunedBefore(f).map(before -> Rollups.cover(f)
                ? "Rejections before " + before + " were pruned: they are counted from the daily rollups, but "
                        + "rejections.csv, the API's rejections and the examples of each cause only have those since."
                : "Rejections before " + before + " were pruned: this window is not whole UTC days, so it is "
                        + "counted from the rejections since then only; give whole days (dates) to count the "
                        + "pruned days from the daily rollups.");
    }

    /** Counts by one field, most first, ties by key; days (in {@code zone}) oldest first. */
    public List<GroupCount> group(GroupBy by, HistoryFilter f, ZoneId zone) {
        if (by != GroupBy.DAY) {
            return queries.group(by, f);
        }
        return queries.read(f, g -> HistoryCounts.storedDays(g.buckets(HistoryCounts.DAY_BUCKET_SECONDS), zone))
                .stream().map(d -> new GroupCount(d.day().toString(), d.total())).toList();
    }

    // Tips are text the classifier writes, not history: diagnose the examples again to get them, as a scan does.
    private Counts withTips(Counts c) {
        return c.withTipsOf(r -> classifier.classify(r.event()).tips());
    }
}
