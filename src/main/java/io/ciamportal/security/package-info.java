/**
 * Who may do what: sign-in (local accounts and OIDC), roles, the current user, user administration and the rules
 * that every other feature's services rely on ({@code @PreAuthorize} with the role names in {@link io.ciamportal.shared.Roles}).
 */
@NullMarked
package io.ciamportal.security;

import org.jspecify.annotations.NullMarked;
