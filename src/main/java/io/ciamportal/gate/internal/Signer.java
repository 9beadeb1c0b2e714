package io.ciamportal.gate.internal;

import java.util.UUID;

/** Who signs, as they are at that moment: id, display name and role ("Reviewer (portal: REVIEWER)"). */
public record Signer(UUID id, String name, String role) {}
