package io.ciamportal.audit;

/** Tells the audit log who is acting now; the security feature provides it, so audit does not depend on security. */
@FunctionalInterface
public interface CurrentActorProvider {

    AuditActor currentActor();
}
