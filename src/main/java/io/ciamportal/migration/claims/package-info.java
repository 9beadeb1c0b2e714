/**
 * Dual-run claim diffs, pure: {@link io.ciamportal.migration.claims.TokenDecoder} reads a pasted token (a compact JWS
 * or its decoded JSON) in memory without verifying its signature, and {@link io.ciamportal.migration.claims.ClaimDiffer}
 * compares the old platform's token with the new one's claim by claim. What comes out holds claim names, verdicts and
 * details from a fixed vocabulary (JSON types, value formats, algorithm names, lifetimes), never a claim's value, so it
 * can be stored, logged and audited. No Spring, no database.
 */
@NullMarked
package io.ciamportal.migration.claims;

import org.jspecify.annotations.NullMarked;
