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
    @Operation(summary = "One scan run", description = "404 when no run has this id.")
    public RunSummary get(@Parameter(description = "Run id, as listed by GET /api/runs.") @PathParam("id") long id) {
        return history.run(id).map(RunSummary::of).orElseThrow(() -> new NotFoundException("no run " + id));
    }
}
