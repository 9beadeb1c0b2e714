package io.ciamportal.audit;

/**
 * Every kind of change or refusal the portal records, one closed vocabulary: a misspelt action does not compile. The
 * stored name is the constant's name. Old entries keep the names they were written with.
 */
public enum AuditAction {
    // sign-in and sessions
    SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, CSRF_REJECTED,
    // people and roles
    USER_CREATED, USER_ROLES_CHANGED, USER_DISABLED, USER_ENABLED, USER_PASSWORD_RESET,
    // vendor index and dataset
    VENDOR_CREATED, VENDOR_VALUE_CHANGED, VENDOR_FACT_CHANGED, VENDOR_FACTS_CHANGED, VENDOR_DIFFICULTY_OVERRIDDEN,
    DATASET_IMPORTED, DATASET_RELEASE_APPLIED, DATASET_CONFLICT_ACCEPTED, DATASET_CONFLICT_KEPT,
    // selector
    SELECTOR_RUN_SAVED, SELECTOR_RUN_RENAMED, SELECTOR_RUN_DELETED,
    // migrations and their plans
    MIGRATION_CREATED, MIGRATION_RENAMED, MIGRATION_PAIR_CHANGED, MIGRATION_INVENTORY_CHANGED, MIGRATION_APPROVALS_REQUIRED_CHANGED,
    MIGRATION_MEMBER_ADDED, MIGRATION_MEMBER_ROLE_CHANGED, MIGRATION_MEMBER_REMOVED, MIGRATION_EXPORT_ANALYSED,
    MIGRATION_APPLICATIONS_CHANGED,
    MIGRATION_CUTOVER_SCHEDULED,
    /** Dual run: two tokens of a flow compared; the details hold the flow and counts per verdict, never a token or a claim value. */
    MIGRATION_CLAIMS_COMPARED,
    PLAN_ITEM_ADDED, PLAN_ITEM_CHANGED, PLAN_ITEM_DONE, PLAN_ITEM_REOPENED, PLAN_ITEM_REMOVED,
    // security gates
    GATE_SUBMITTED, GATE_SIGNED_OFF, GATE_SIGN_OFF_REFUSED, GATE_APPROVAL_REVOKED, GATE_APPROVAL_DISCOUNTED, GATE_OUTDATED,
    GATE_OWNER_ASSIGNED, GATE_EVIDENCE_ADDED, GATE_EVIDENCE_REMOVED, GATE_CRITERION_ADDED, GATE_CRITERION_REMOVED,
    /** A guarded operation refused for lack of a role or membership (outcome DENIED, with the reason). */
    ACCESS_DENIED
}
