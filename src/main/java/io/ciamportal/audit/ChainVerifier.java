package io.ciamportal.audit;

import org.jspecify.annotations.Nullable;

/**
 * Walks a chain entry by entry, in id order, and remembers the first entry that breaks it: a gap or reordering in
 * the ids (an entry removed or inserted), a previous-hash that does not match the entry before (a link rewritten),
 * or a stored hash that does not match the entry's own fields (an entry edited). Pure: no database, no Spring.
 */
public final class ChainVerifier {

    private long expectedId = 1;
    private String expectedPrevHash = AuditHashing.GENESIS_HASH;
    private long entries;
    private @Nullable String headHash;
    private @Nullable Long firstBrokenId;
    private @Nullable String problem;

    public void accept(AuditEntry entry) {
        entries++;
        headHash = entry.hash();
        if (firstBrokenId != null) {
            return;
        }
        if (entry.id() != expectedId) {
            fail(entry.id(), "expected entry " + expectedId + " but found " + entry.id() + " (an entry is missing or out of place)");
        } else if (!entry.prevHash().equals(expectedPrevHash)) {
            fail(entry.id(), "its previous-hash does not match the hash of entry " + (entry.id() - 1));
        } else if (!entry.computeHash().equals(entry.hash())) {
            fail(entry.id(), "its content does not match its hash (the entry was changed)");
        }
        expectedId = entry.id() + 1;
        expectedPrevHash = entry.hash();
    }

    private void fail(long id, String why) {
        firstBrokenId = id;
        problem = "Entry " + id + ": " + why;
    }

    public ChainVerification result() {
        return new ChainVerification(firstBrokenId == null, entries,
                headHash == null ? AuditHashing.GENESIS_HASH : headHash, firstBrokenId, problem);
    }
}
