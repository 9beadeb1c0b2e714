package io.ciamportal.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the migration feature hands to views and the API: plain records. */
public final class MigrationViews {

    private MigrationViews() {}

    /**
     * A migration in the list. {@code missingVendors} names the source or destination slugs that are no longer in the
     * vendor index: the migration still opens, and every verdict resting on them is unknown.
     */
    public record Summary(UUID id, String name, String source, String sourceName, String destination, String destinationName,
            String ownerName, @Nullable MemberRole myRole, int difficulty, Assessment.Strategy strategy, int done, int total,
            Instant updatedAt, List<String> missingVendors) {}

    public record Member(UUID userId, String username, String displayName, MemberRole role) {}

    /**
     * A plan item; {@code dueByHand}: a person set the due date (it stays when the cutover date moves); {@code overdue}:
     * not done and due before today.
     */
    public record PlanItemView(UUID id, int phase, String text, String kind, @Nullable UUID ownerId, @Nullable String ownerName,
            @Nullable LocalDate due, boolean done, @Nullable Instant doneAt, long version, boolean dueByHand, boolean overdue) {

        public PlanItemView(UUID id, int phase, String text, String kind, @Nullable UUID ownerId, @Nullable String ownerName,
                @Nullable LocalDate due, boolean done, @Nullable Instant doneAt, long version) {
            this(id, phase, text, kind, ownerId, ownerName, due, done, doneAt, version, due != null, false);
        }

        public boolean cutover() {
            return "CUTOVER".equals(kind);
        }

        public boolean custom() {
            return "CUSTOM".equals(kind);
        }
    }

    public record Phase(int number, String name, List<PlanItemView> items) {
        public long done() {
            return items.stream().filter(PlanItemView::done).count();
        }
    }

    /**
     * Everything a member sees of a migration. {@code version} is what an edit must be based on; {@code updatedBy} who
     * made the last change.
     */
    public record Details(Summary summary, Inventory inventory, List<Member> members, Assessment assessment, List<Phase> plan,
            boolean canEdit, boolean canManageMembers, long version, @Nullable String updatedBy, ApplicationInventory applications,
            ApplicationAssessment applicationAssessment) {

        /** Without an application side (no inventory listed, no verdicts), as callers from before issue 13 build it. */
        public Details(Summary summary, Inventory inventory, List<Member> members, Assessment assessment, List<Phase> plan, boolean canEdit,
                boolean canManageMembers, long version, @Nullable String updatedBy) {
            this(summary, inventory, members, assessment, plan, canEdit, canManageMembers, version, updatedBy, ApplicationInventory.empty(),
                    new ApplicationAssessment(false, List.of()));
        }
    }

    /** A change of name, source or destination (null: keep it), as the migration page and PATCH send it. */
    public record Patch(@Nullable String name, @Nullable String source, @Nullable String destination) {}

    /** A new migration as a form or the API gives it. */
    public record NewMigration(String name, String source, String destination, Inventory inventory, List<MemberRequest> members) {}

    public record MemberRequest(String username, MemberRole role) {}

    /** A destination the user can pick: slug, name, and whether it is sold to new customers. */
    public record Choice(String slug, String name, boolean active) {}

    /**
     * A migration as another feature needs it after the membership check: who the caller is in it and what they may do.
     *
     * @param myRole the caller's role in the migration, or null for an admin who is not a member
     */
    public record Access(UUID migrationId, String name, String source, String destination, UUID ownerId,
            @Nullable MemberRole myRole, boolean admin, boolean canEdit, boolean canManage, boolean canSign, int requiredApprovals,
            java.util.Map<String, @Nullable Object> inventory, List<Member> members) {

        /** The people whose approvals count: members with the reviewer role in this migration. */
        public java.util.Set<UUID> reviewers() {
            var ids = new java.util.HashSet<UUID>();
            members.stream().filter(m -> m.role() == MemberRole.REVIEWER).forEach(m -> ids.add(m.userId()));
            return ids;
        }
    }

    /** A migration the caller reviews, for the sign-off inbox. */
    public record Reviewed(UUID migrationId, String name) {}
}
