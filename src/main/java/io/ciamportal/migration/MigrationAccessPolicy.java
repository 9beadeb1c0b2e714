package io.ciamportal.migration;

import io.ciamportal.security.PortalPrincipal;
import io.ciamportal.security.PortalRole;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what with one migration, in one place: the migration services and the security gates ask these rules (the
 * gates through {@link MigrationViews.Access}, which carries the answers). Pure.
 */
public final class MigrationAccessPolicy {

    private MigrationAccessPolicy() {}

    /** Members and admins read; anyone else is told the migration does not exist. */
    public static boolean canRead(@Nullable MemberRole role, PortalPrincipal me) {
        return role != null || me.hasRole(PortalRole.ADMIN);
    }

    /** Analysts who are owner or analyst members, and admins, change the migration, its plan and its gates. */
    public static boolean canEdit(@Nullable MemberRole role, PortalPrincipal me) {
        return me.hasRole(PortalRole.ADMIN) || (me.hasRole(PortalRole.ANALYST) && role != null && role.edits());
    }

    /** The owner and admins manage members and the approvals a gate needs. */
    public static boolean canManage(UUID ownerId, PortalPrincipal me) {
        return me.hasRole(PortalRole.ADMIN) || ownerId.equals(me.userId());
    }

    /** Members with the reviewer role who hold the reviewer portal role sign off gates. */
    public static boolean canSign(@Nullable MemberRole role, PortalPrincipal me) {
        return role == MemberRole.REVIEWER && me.hasRole(PortalRole.REVIEWER);
    }
}
