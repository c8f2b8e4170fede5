package dev.maillog554.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.maillog554.api.dto.RunSummary;
import dev.maillog554.store.HistoryQueries;

/** The stored scan runs. */
@Admitted
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    HistoryQueries history;

    @GET
    @Operation(summary = "List scan runs", description = "Every stored run, newest first.")
    public List<RunSummary> list() {
        return history.runs().stream().map(RunSummary::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One scan run", description = "404 when no run has this id, 400 when it is not a number.")
    public RunSummary get(@Parameter(description = "Run id, as listed by GET /api/runs.",
            schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id") String id) {
        // Taken as text: RESTEasy answers an id it cannot convert with an empty 404, not a bad parameter.
        if (!id.matches("\\d{1,18}")) {
            throw new BadParameterException("id", "bad run id '" + id + "': use an id listed by GET /api/runs");
        }
        long run = Long.parseLong(id);
        return history.run(run).map(RunSummary::of).orElseThrow(() -> new NotFoundException("no run " + run));
    }
}
