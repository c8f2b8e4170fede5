package dev.maillog554.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.maillog554.aggregate.Counts;
import dev.maillog554.aggregate.HistoryCounter;
import dev.maillog554.report.HtmlReport;
import dev.maillog554.report.ReportMeta;
import dev.maillog554.store.GroupBy;
import dev.maillog554.store.GroupCount;
import dev.maillog554.store.HistoryFilter;

/** The HTML report, generated live from the stored history. */
@Path("/")
public class ReportResource {

    @Inject
    HistoryCounter history;
    @Inject
    ApiSettings settings;
    @Inject
    SharedAnswers shared;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "HTML report of the history",
            description = "The same page a scan writes, over the stored history; with since and until, it also "
                    + "compares with the period of the same length before.")
    public String report(
            @Parameter(description = "Earliest event time, inclusive.") @QueryParam("since") String since,
            @Parameter(description = "Latest event time, exclusive.") @QueryParam("until") String until,
            @Parameter(description = "outbound or inbound.") @QueryParam("direction") String direction,
            @Parameter(description = "Mail server host name.") @QueryParam("host") String host) {
        HistoryFilter f = Params.filter(since, until, direction, host);
        return shared.get(List.of("report", f), () -> page(f));
    }

    private String page(HistoryFilter f) {
        Counts counts = history.counts(f);
        List<String> scope = new ArrayList<>();
        scope.add("the stored history");
        if (f.since() != null) {
            scope.add("since " + f.since());
        }
        if (f.until() != null) {
            scope.add("until " + f.until());
        }
        if (f.direction() != null) {
            scope.add(f.direction().label());
        }
        if (f.host() != null) {
            scope.add("host " + f.host());
        }
        ReportMeta meta = new ReportMeta(f.host() == null ? "history" : "history of " + f.host(), Instant.now(),
                scope, "as scanned");
        if (f.since() != null && f.until() != null) {
            Duration span = Duration.between(f.since(), f.until());
            HistoryFilter before = new HistoryFilter(f.since().minus(span), f.since(), f.host(), f.direction());
            meta = meta.withPreviousTotal(history.group(GroupBy.DIRECTION, before, ZoneOffset.UTC).stream()
                    .mapToLong(GroupCount::count).sum());
        }
        meta = history.rowsNote(f).map(meta::withRowsNote).orElse(meta);
        return HtmlReport.render(counts, meta, settings.redactor());
    }
}
