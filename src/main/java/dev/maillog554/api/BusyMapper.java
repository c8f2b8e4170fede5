package dev.maillog554.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.maillog554.api.dto.ErrorBody;

/** Turns {@link BusyException} into {@code 503} with {@code Retry-After} and the JSON error body. */
@Provider
public class BusyMapper implements ExceptionMapper<BusyException> {

    @Override
    public Response toResponse(BusyException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, BusyException.RETRY_AFTER_SECONDS)
                .entity(new ErrorBody(e.getMessage(), null)).build();
    }
}
