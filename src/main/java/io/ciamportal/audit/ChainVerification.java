package io.ciamportal.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the chain.
 *
 * @param intact true when every entry links to the one before and matches its own hash
 * @param entries how many entries were read
 * @param headHash the hash of the last entry (64 zeros for an empty log)
 * @param firstBrokenId the first entry that breaks the chain, or null
 * @param problem what is wrong with that entry, or null
 */
public record ChainVerification(
        boolean intact, long entries, String headHash, @Nullable Long firstBrokenId, @Nullable String problem) {}
