package io.ciamportal.shared;

/** Input that fails validation at the boundary; names the field so a form or an API client can point at it. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
