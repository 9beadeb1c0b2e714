package io.ciamportal.audit;

/** How the recorded action ended. */
public enum AuditOutcome {
    /** The change was made. */
    SUCCESS,
    /** The action was tried and failed, for example a wrong password. */
    FAILURE,
    /** The action was refused by a rule or a permission check; nothing changed. */
    DENIED
}
