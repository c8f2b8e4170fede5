package dev.maillog554.api;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.maillog554.aggregate.HistoryCounter;
import dev.maillog554.api.dto.CountRow;
import dev.maillog554.api.dto.CountsResponse;
import dev.maillog554.store.GroupBy;
import dev.maillog554.store.HistoryFilter;

/** Rejection counts from the whole history, grouped by one field. */
@Path("/api/counts")
@Produces(MediaType.APPLICATION_JSON)
public class CountResource {

    @Inject
    HistoryCounter history;
    @Inject
    SharedAnswers shared;

    @GET
    @Operation(summary = "Count rejections by one field",
            description = "Most first (ties by key); group=day lists days (UTC) oldest first.")
    public CountsResponse counts(
            @Parameter(description = "code, enhanced, domain, direction, category, provider, host or day.",
                    required = true) @QueryParam("group") String group,
            @Parameter(description = "Earliest event time, inclusive, as the CLI's --since takes it, in UTC: "
                    + "today, yesterday, 7d, 24h, 2024-11-27 or 2024-11-27T10:00:00Z.")
            @QueryParam("since") String since,
            @Parameter(description = "Latest event time, exclusive, same formats as since.")
            @QueryParam("until") String until,
            @Parameter(description = "outbound or inbound.") @QueryParam("direction") String direction,
            @Parameter(description = "Mail server host name.") @QueryParam("host") String host) {
        GroupBy by = Params.group(group);
        HistoryFilter f = Params.filter(since, until, direction, host);
        return shared.get(List.of("counts", by, f), () -> {
            List<CountRow> rows = history.group(by, f, ZoneOffset.UTC).stream()
                    .map(g -> new CountRow(g.key(), g.count())).toList();
            return new CountsResponse(by.name().toLowerCase(Locale.ROOT),
                    rows.stream().mapToLong(CountRow::count).sum(), rows);
        });
    }
}
