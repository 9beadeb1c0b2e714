package io.ciamportal.audit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who did something, copied into the entry as they were at that moment (name and roles may change later).
 *
 * @param id stable identifier (a user id, or {@code system} / {@code anonymous})
 * @param displayName the name shown to people
 * @param roles role names, sorted
 */
public record AuditActor(String id, String displayName, List<String> roles) {

    public static final AuditActor SYSTEM = new AuditActor("system", "Portal", List.of());
    public static final AuditActor ANONYMOUS = new AuditActor("anonymous", "Not signed in", List.of());

    public AuditActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.stream().sorted().distinct().toList();
    }

    public static AuditActor of(String id, String displayName, Collection<String> roles) {
        return new AuditActor(id, displayName, List.copyOf(roles));
    }

    /** The roles as stored: sorted, comma-separated. */
    public String rolesText() {
        return String.join(",", roles);
    }
}
