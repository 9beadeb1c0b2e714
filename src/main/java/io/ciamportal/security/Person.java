package io.ciamportal.security;

import java.util.Set;
import java.util.UUID;

/** A person as other features see them: who they are, what roles they hold, whether they can sign in. */
public record Person(UUID id, String username, String displayName, Set<PortalRole> roles, boolean enabled) {}
