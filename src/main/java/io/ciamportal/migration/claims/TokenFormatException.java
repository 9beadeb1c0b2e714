package io.ciamportal.migration.claims;

/**
 * A pasted token the decoder refuses. The message is one of a fixed set of sentences and never quotes the input; there
 * is no cause (a parser's message could quote it) and no stack trace worth keeping.
 */
public final class TokenFormatException extends RuntimeException {

    public TokenFormatException(String message) {
        super(message, null, false, false);
    }
}
