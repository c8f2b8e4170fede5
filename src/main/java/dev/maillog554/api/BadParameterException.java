package dev.maillog554.api;

/** A query or body parameter the API cannot use; answered with 400 and the parameter's name. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    /** @param parameter the parameter's name as the client sent it */
    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
