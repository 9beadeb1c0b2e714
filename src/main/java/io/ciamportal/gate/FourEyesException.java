package io.ciamportal.gate;

import io.ciamportal.shared.RuleViolationException;

/** The person who submitted a gate tried to sign it off. */
public class FourEyesException extends RuleViolationException {

    public FourEyesException(String message) {
        super(message);
    }
}
