package io.ciamportal.migration.internal;

import io.ciamportal.shared.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One checklist item of a migration's five-phase plan. */
@Entity
@Table(name = "plan_item")
public class PlanItem {

    public enum Kind { GENERATED, CUSTOM, CUTOVER }

    public static final int MAX_TEXT = 500;

    @Id
    private UUID id;

    @Column(name = "migration_id", nullable = false)
    private UUID migrationId;

    @Column(nullable = false)
    private short phase;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = MAX_TEXT)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(name = "owner_id")
    private @Nullable UUID ownerId;

    @Column(name = "due_on")
    private @Nullable LocalDate dueOn;

    /** A person set {@code dueOn}: the cutover calendar leaves it alone. Otherwise the date is the calendar's. */
    @Column(name = "due_by_hand", nullable = false)
    private boolean dueByHand;

    @Column(nullable = false)
    private boolean done;

    @Column(name = "done_at")
    private @Nullable Instant doneAt;

    @Column(name = "done_by")
    private @Nullable UUID doneBy;

    @Column(name = "changed_by")
    private @Nullable UUID changedBy;

    @Column(name = "changed_at")
    private @Nullable Instant changedAt;

    @Version
    private long version;

    protected PlanItem() {
        this.id = new UUID(0, 0);
        this.migrationId = id;
        this.text = "";
        this.kind = Kind.CUSTOM;
    }

    public PlanItem(UUID migrationId, int phase, int position, String text, Kind kind) {
        if (phase < 1 || phase > 5) {
            throw new IllegalArgumentException("phase " + phase);
        }
        this.id = UUID.randomUUID();
        this.migrationId = migrationId;
        this.phase = (short) phase;
        this.position = position;
        this.text = text;
        this.kind = kind;
    }

    /**
     * Edits the item; an edited suggestion becomes the team's own, so regenerating the plan leaves it alone. A due date
     * other than the one shown is the person's and stays when the cutover date moves; clearing it hands the item back to
     * the cutover calendar; the date as shown keeps whoever set it.
     */
    public void edit(String newText, @Nullable UUID newOwner, @Nullable LocalDate due, UUID by, Instant at) {
        if (kind == Kind.GENERATED) {
            kind = Kind.CUSTOM;
        }
        this.text = newText;
        this.ownerId = newOwner;
        if (!java.util.Objects.equals(due, dueOn)) {
            this.dueByHand = due != null;
        }
        this.dueOn = due;
        touch(by, at);
    }

    /** The cutover calendar's date for an item nobody dated by hand (null: no cutover date is set any more). */
    public void calendarDue(@Nullable LocalDate due) {
        if (dueByHand) {
            throw new IllegalStateException("a due date set by hand stays");
        }
        this.dueOn = due;
    }

    public void complete(UUID by, Instant at) {
        if (done) {
            return;
        }
        this.done = true;
        this.doneAt = at;
        this.doneBy = by;
        touch(by, at);
    }

    private void touch(UUID by, Instant at) {
        this.changedBy = by;
        this.changedAt = at;
    }

    /** A suggestion nobody has touched: not done, no owner, no due date set by hand, never edited. */
    public boolean untouchedSuggestion() {
        return kind == Kind.GENERATED && !done && ownerId == null && !dueByHand;
    }

    public void reopen(UUID by, Instant at) {
        this.done = false;
        this.doneAt = null;
        this.doneBy = null;
        touch(by, at);
    }

    public @Nullable UUID changedBy() {
        return changedBy;
    }

    public @Nullable Instant changedAt() {
        return changedAt;
    }

    public void requireRemovable() {
        if (kind != Kind.CUSTOM) {
            throw new RuleViolationException("Only items you added can be removed; mark a suggested item done or reword it.");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID migrationId() {
        return migrationId;
    }

    public int phase() {
        return phase;
    }

    public int position() {
        return position;
    }

    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable UUID ownerId() {
        return ownerId;
    }

    public @Nullable LocalDate dueOn() {
        return dueOn;
    }

    public boolean dueByHand() {
        return dueByHand;
    }

    public boolean done() {
        return done;
    }

    public @Nullable Instant doneAt() {
        return doneAt;
    }

    public long version() {
        return version;
    }
}
