package dev.maillog554.api;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.maillog554.api.dto.RejectionItem;
import dev.maillog554.api.dto.RejectionPage;
import dev.maillog554.report.Redactor;
import dev.maillog554.store.HistoryQueries;
import dev.maillog554.store.Page;
import dev.maillog554.store.RejectionCriteria;
import dev.maillog554.store.RejectionRow;

/** Stored rejections, one page at a time. */
@Admitted
@Path("/api/rejections")
@Produces(MediaType.APPLICATION_JSON)
public class RejectionResource {

    @Inject
    HistoryQueries history;
    @Inject
    ApiSettings settings;

    @GET
    @Operation(summary = "List rejections", description = "Oldest first, paginated; every filter is optional.")
    public RejectionPage list(
            @Parameter(description = "0-based page number (default 0).", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("page") String page,
            @Parameter(description = "Rows per page, 1 to 1000 (default 50).",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size,
            @Parameter(description = "Earliest event time, inclusive, as the CLI's --since takes it, in UTC: "
                    + "today, yesterday, 7d, 24h, 2024-11-27 or 2024-11-27T10:00:00Z.")
            @QueryParam("since") String since,
            @Parameter(description = "Latest event time, exclusive, same formats as since.")
            @QueryParam("until") String until,
            @Parameter(description = "outbound or inbound.") @QueryParam("direction") String direction,
            @Parameter(description = "Mail server host name.") @QueryParam("host") String host,
            @Parameter(description = "Recipient domain, e.g. example.org.") @QueryParam("domain") String domain,
            @Parameter(description = "Cause id, e.g. relay-denied.") @QueryParam("category") String category,
            @Parameter(description = "Reply code (554) or enhanced code (5.7.1).") @QueryParam("code") String code) {
        int s = Params.size(size);
        int p = Params.page(page, s);
        String c = Params.blankToNull(code);
        Integer reply = null;
        String enhanced = null;
        if (c != null && c.matches("[245]\\d\\d")) {
            reply = Integer.parseInt(c);
        } else if (c != null && c.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            enhanced = c;
        } else if (c != null) {
            throw new BadParameterException("code", "bad code '" + c + "': use a reply code such as 554 or an "
                    + "enhanced code such as 5.7.1");
        }
        String d = Params.blankToNull(domain);
        RejectionCriteria criteria = new RejectionCriteria(Params.filter(since, until, direction, host),
                d == null ? null : d.toLowerCase(Locale.ROOT), Params.category(category), reply, enhanced);
        Page<RejectionRow> found = history.rejections(criteria, p, s);
        Redactor redactor = settings.redactor();
        return new RejectionPage(found.page(), found.size(), found.total(),
                found.items().stream().map(r -> RejectionItem.of(r, redactor)).toList());
    }
}
