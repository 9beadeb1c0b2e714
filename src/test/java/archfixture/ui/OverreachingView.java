package archfixture.ui;

import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.security.PeopleDirectory;
import io.ciamportal.security.RunAs;

/** Not part of the portal: a view that reaches for what views must not, so {@code ArchitectureTest} can show its rules bite. */
@SuppressWarnings("unused")
class OverreachingView {

    Object everyone(PeopleDirectory people) {
        return people.enabled();
    }

    void becomeAdmin(RunAs runAs) {
        runAs.run("admin", () -> {});
    }

    Object readAnyTrail(AuditQueryService audit) {
        return audit.trailAuthorizedByCaller("migration", "any");
    }
}
