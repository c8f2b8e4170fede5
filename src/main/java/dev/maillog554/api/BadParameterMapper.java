package dev.maillog554.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.maillog554.api.dto.ErrorBody;

/** Turns {@link BadParameterException} into {@code 400 {"error": ..., "parameter": ...}}. */
@Provider
public class BadParameterMapper implements ExceptionMapper<BadParameterException> {

    @Override
    public Response toResponse(BadParameterException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.getMessage(), e.parameter())).build();
    }
}
