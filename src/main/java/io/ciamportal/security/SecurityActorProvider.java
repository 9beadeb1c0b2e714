package io.ciamportal.security;

import io.ciamportal.audit.AuditActor;
import io.ciamportal.audit.CurrentActorProvider;
import org.springframework.stereotype.Component;

/** Tells the audit log who the current user is. */
@Component
class SecurityActorProvider implements CurrentActorProvider {

    private final CurrentUser currentUser;

    SecurityActorProvider(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public AuditActor currentActor() {
        return currentUser.get().map(SecurityActorProvider::actorOf).orElse(AuditActor.ANONYMOUS);
    }

    static AuditActor actorOf(PortalPrincipal principal) {
        return AuditActor.of(principal.userId().toString(), principal.displayName(),
                principal.roles().stream().map(Enum::name).toList());
    }
}
