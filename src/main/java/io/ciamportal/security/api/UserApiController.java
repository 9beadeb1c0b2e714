package io.ciamportal.security.api;

import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalRole;
import io.ciamportal.security.UserAdminService;
import io.ciamportal.security.UserSummary;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.Roles;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me} for anyone signed in; {@code /api/v1/users} for admins (the service checks again). */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize(Roles.SIGNED_IN)
class UserApiController {

    private final CurrentUser currentUser;
    private final UserAdminService users;

    UserApiController(CurrentUser currentUser, UserAdminService users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    record Me(UUID id, String displayName, Set<PortalRole> roles) {}

    record RolesRequest(@Nullable List<String> roles) {}

    @GetMapping("/me")
    Me me() {
        var principal = currentUser.require();
        return new Me(principal.userId(), principal.displayName(), principal.roles());
    }

    @GetMapping("/users")
    @PreAuthorize(Roles.ADMIN_ONLY)
    List<UserSummary> list() {
        return users.list();
    }

    @GetMapping("/users/{id}")
    @PreAuthorize(Roles.ADMIN_ONLY)
    UserSummary get(@PathVariable UUID id) {
        return users.get(id);
    }

    /** Replaces the roles granted in the portal, e.g. {@code {"roles": ["ANALYST", "REVIEWER"]}}. */
    @PutMapping("/users/{id}/roles")
    @PreAuthorize(Roles.ADMIN_ONLY)
    UserSummary changeRoles(@PathVariable UUID id, @RequestBody RolesRequest request) {
        if (request.roles() == null) {
            throw new InvalidInputException("roles", "Give the roles as a list, for example [\"ANALYST\"].");
        }
        var roles = EnumSet.noneOf(PortalRole.class);
        for (String name : request.roles()) {
            roles.add(PortalRole.parse(String.valueOf(name)).orElseThrow(() -> new InvalidInputException("roles",
                    "Unknown role " + name + "; use VIEWER, ANALYST, REVIEWER or ADMIN.")));
        }
        return users.changeRoles(id, roles);
    }

    @PostMapping("/users/{id}/disable")
    @PreAuthorize(Roles.ADMIN_ONLY)
    UserSummary disable(@PathVariable UUID id) {
        return users.disable(id);
    }

    @PostMapping("/users/{id}/enable")
    @PreAuthorize(Roles.ADMIN_ONLY)
    UserSummary enable(@PathVariable UUID id) {
        return users.enable(id);
    }
}
