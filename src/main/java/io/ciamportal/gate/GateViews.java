package io.ciamportal.gate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the gate feature hands to views and the API. */
public final class GateViews {

    private GateViews() {}

    public record Criterion(UUID id, String text, boolean custom) {}

    public record Evidence(UUID id, String kind, String title, @Nullable String body, @Nullable String url, @Nullable String fileName,
            @Nullable String contentType, @Nullable Long sizeBytes, @Nullable String sha256, String addedBy, Instant addedAt) {}

    public record SignOffView(UUID id, UUID signerId, String signer, String role, String meaning, Decision decision,
            @Nullable String comment, String stateHash, Instant signedAt, boolean outdated, boolean revoked,
            @Nullable String outdatedReason) {
        public boolean counts() {
            return decision == Decision.APPROVE && !outdated && !revoked;
        }
    }

    /**
     * One gate as its board card and its page show it, with what the caller may do. {@code reopenedReason} says why the
     * gate went back to open (a changed pair, say); {@code assessmentChanges} what changed in the assessment since the
     * newest approval that still counts (the approval stays valid; the reviewers decide).
     */
    public record GateView(UUID migrationId, GateKey key, GateStatus status, @Nullable String owner, @Nullable UUID ownerId,
            @Nullable String submittedBy, @Nullable Instant submittedAt, long approvals, int requiredApprovals,
            List<Criterion> criteria, List<Evidence> evidence, List<SignOffView> signOffs, String currentStateHash,
            boolean canEdit, boolean canSubmit, boolean canSign, boolean canRevoke, boolean canAssign,
            @Nullable String reopenedReason, @Nullable Instant reopenedAt, List<String> assessmentChanges) {}

    /** A gate waiting for the caller's sign-off. */
    public record InboxItem(UUID migrationId, String migration, GateKey key, @Nullable String submittedBy, @Nullable Instant submittedAt,
            long approvals, int requiredApprovals) {}

    /** A file to send as a download. */
    public record FileDownload(String fileName, byte[] content) {}
}
