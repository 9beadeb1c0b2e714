package io.ciamportal.audit;

/** What an audit entry is about; the stored value is {@link #key()}. Closed, like {@link AuditAction}. */
public enum AuditTarget {
    USER("user"),
    VENDOR("vendor"),
    DATASET("dataset"),
    SELECTOR_RUN("selector-run"),
    MIGRATION("migration"),
    API("api"),
    /** A service operation, for refusals of guarded actions (the target id names it, e.g. {@code MigrationService.update}). */
    OPERATION("operation");

    private final String key;

    AuditTarget(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
