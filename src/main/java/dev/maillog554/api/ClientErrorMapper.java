package dev.maillog554.api;

import java.util.Locale;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.maillog554.api.dto.ErrorBody;

/**
 * Gives every other 4xx (404 for an unknown run or path, 405, 415) the JSON body of a 400,
 * {@code {"error": ..., "parameter": null}}: RESTEasy's own has an empty body, which a client cannot tell from a
 * proxy's.
 */
@Provider
public class ClientErrorMapper implements ExceptionMapper<ClientErrorException> {

    @Override
    public Response toResponse(ClientErrorException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String message = e.getMessage();
        if (message == null || message.startsWith("HTTP " + status.getStatusCode())) {
            message = status.getReasonPhrase().toLowerCase(Locale.ROOT);
        }
        return Response.status(status.getStatusCode()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(message, null)).build();
    }
}
