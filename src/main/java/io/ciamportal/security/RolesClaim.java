package io.ciamportal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads portal roles from an identity provider's claims. The claim is named by a path ({@code roles},
 * {@code groups}, {@code realm_access.roles}); its value may be a list or a single string. A value counts when, after
 * dropping a leading {@code /} (group paths) and the configured prefix, it names a portal role ignoring case.
 * Anything else is ignored. Pure.
 */
final class RolesClaim {

    private final String path;
    private final String prefix;

    RolesClaim(String path, @Nullable String prefix) {
        this.path = path;
        this.prefix = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
    }

    Set<PortalRole> rolesIn(Map<String, Object> claims) {
        Object value = claims.get(path);
        if (value == null && path.contains(".")) {
            Object current = claims;
            for (String part : path.split("\\.")) {
                current = current instanceof Map<?, ?> map ? map.get(part) : null;
            }
            value = current;
        }
        var roles = EnumSet.noneOf(PortalRole.class);
        if (value instanceof Collection<?> list) {
            list.forEach(item -> add(roles, item));
        } else if (value instanceof String text) {
            for (String item : text.split("[,\\s]+")) {
                add(roles, item);
            }
        }
        return roles;
    }

    private void add(Set<PortalRole> roles, @Nullable Object item) {
        if (item == null) {
            return;
        }
        String name = item.toString().strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("/")) {
            name = name.substring(name.lastIndexOf('/') + 1);
        }
        if (!prefix.isEmpty()) {
            if (!name.startsWith(prefix)) {
                return;
            }
            name = name.substring(prefix.length());
        }
        PortalRole.parse(name).ifPresent(roles::add);
    }
}
