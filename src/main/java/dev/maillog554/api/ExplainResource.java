package dev.maillog554.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.maillog554.api.dto.ExplainRequest;
import dev.maillog554.explain.ExplainService;
import dev.maillog554.explain.Explanation;

/** Explains a log line or SMTP reply: code meanings, cause and what to do. */
@Path("/api/explain")
@Produces(MediaType.APPLICATION_JSON)
public class ExplainResource {

    /** Longest text accepted; a log line is far shorter. */
    static final int MAX_TEXT = 16_384;

    @Inject
    ExplainService explainer;
    @Inject
    ApiSettings settings;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Explain a rejection (plain text)",
            description = "The body is one Postfix/Exim log line or the reply text, e.g. "
                    + "'554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org'.")
    public Explanation explainText(@RequestBody(description = "A log line or reply text.") String text) {
        return explain(text);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Explain a rejection (JSON)", description = "The body is {\"text\": \"...\"}.")
    public Explanation explainJson(@RequestBody(description = "{\"text\": a log line or reply text}",
            content = @Content(schema = @Schema(implementation = ExplainRequest.class))) String body) {
        // Read here rather than by RESTEasy, whose answer to a body that is no such object is an empty 400.
        ExplainRequest request;
        try {
            request = body == null || body.isBlank() ? null : json.readValue(body, ExplainRequest.class);
        } catch (JsonProcessingException e) {
            throw new BadParameterException("text", "the body must be a JSON object such as {\"text\": \"554 5.7.1 "
                    + "...\"}");
        }
        return explain(request == null ? null : request.text());
    }

    private Explanation explain(String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameterException("text", "text is required: a log line or SMTP reply");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadParameterException("text", "text is longer than " + MAX_TEXT + " characters");
        }
        return explainer.explain(text.strip(), settings.redactor());
    }
}
