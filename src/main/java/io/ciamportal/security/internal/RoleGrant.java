package io.ciamportal.security.internal;

import io.ciamportal.security.PortalRole;
import io.ciamportal.security.RoleSource;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One role held by an account, and where it came from. */
@Embeddable
public class RoleGrant {

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private PortalRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 10)
    private RoleSource source;

    protected RoleGrant() {
        // for JPA
        role = PortalRole.VIEWER;
        source = RoleSource.PORTAL;
    }

    public RoleGrant(PortalRole role, RoleSource source) {
        this.role = role;
        this.source = source;
    }

    public PortalRole role() {
        return role;
    }

    public RoleSource source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleGrant g && g.role == role && g.source == source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, source);
    }
}
