package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolesClaimTest {

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("roles list", "roles", null, Map.of("roles", List.of("admin", "viewer")), EnumSet.of(PortalRole.ADMIN, PortalRole.VIEWER)),
                Arguments.of("case ignored", "roles", null, Map.of("roles", List.of("Analyst", "REVIEWER")), EnumSet.of(PortalRole.ANALYST, PortalRole.REVIEWER)),
                Arguments.of("groups with paths", "groups", null, Map.of("groups", List.of("/portal/reviewer", "/other/thing")), EnumSet.of(PortalRole.REVIEWER)),
                Arguments.of("keycloak nested path", "realm_access.roles", null, Map.of("realm_access", Map.of("roles", List.of("analyst", "offline_access"))), EnumSet.of(PortalRole.ANALYST)),
                Arguments.of("prefix required", "groups", "ciam-", Map.of("groups", List.of("ciam-admin", "admin")), EnumSet.of(PortalRole.ADMIN)),
                Arguments.of("space separated string", "roles", null, Map.of("roles", "viewer analyst"), EnumSet.of(PortalRole.VIEWER, PortalRole.ANALYST)),
                Arguments.of("unknown values ignored", "roles", null, Map.of("roles", List.of("superuser", "root")), EnumSet.noneOf(PortalRole.class)),
                Arguments.of("claim missing", "roles", null, Map.of("sub", "x"), EnumSet.noneOf(PortalRole.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsPortalRoles(String name, String path, String prefix, Map<String, Object> claims, Set<PortalRole> expected) {
        assertThat(new RolesClaim(path, prefix).rolesIn(claims)).isEqualTo(expected);
    }
}
