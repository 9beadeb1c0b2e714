package io.ciamportal.shared;

/** A request that breaks a business rule; nothing was changed. The message is written for the person who asked. */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
