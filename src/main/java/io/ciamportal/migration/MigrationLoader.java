package io.ciamportal.migration;

import io.ciamportal.migration.internal.Migration;
import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalPrincipal;
import io.ciamportal.shared.NotFoundException;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Loads a migration for the caller after {@link MigrationAccessPolicy}'s check; the migration services share it. */
@Component
class MigrationLoader {

    private final MigrationRepository migrations;
    private final CurrentUser currentUser;

    MigrationLoader(MigrationRepository migrations, CurrentUser currentUser) {
        this.migrations = migrations;
        this.currentUser = currentUser;
    }

    PortalPrincipal me() {
        return currentUser.require();
    }

    /** The migration if the caller is a member or an admin; "not found" otherwise, so a guessed id reveals nothing. */
    Migration readable(UUID id) {
        var me = me();
        var m = migrations.findById(id).orElseThrow(() -> new NotFoundException("No migration with this id."));
        if (!MigrationAccessPolicy.canRead(m.roleOf(me.userId()).orElse(null), me)) {
            throw new NotFoundException("No migration with this id.");
        }
        return m;
    }

    Migration editable(UUID id) {
        var m = readable(id);
        if (!canEdit(m, me())) {
            throw new AccessDeniedException("Only analysts who are owner or analyst of this migration, and admins, can change it.");
        }
        return m;
    }

    Migration managed(UUID id) {
        var m = readable(id);
        if (!canManage(m, me())) {
            throw new AccessDeniedException("Only the owner of this migration and admins manage its members.");
        }
        return m;
    }

    static boolean canEdit(Migration m, PortalPrincipal me) {
        return MigrationAccessPolicy.canEdit(m.roleOf(me.userId()).orElse(null), me);
    }

    static boolean canManage(Migration m, PortalPrincipal me) {
        return MigrationAccessPolicy.canManage(m.ownerId(), me);
    }
}
