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

    /** Edits the item; an edited suggestion becomes the team's own, so regenerating the plan leaves it alone. */
    public void edit(String newText, @Nullable UUID newOwner, @Nullable LocalDate due, UUID by, Instant at) {
        if (kind == Kind.GENERATED) {
            kind = Kind.CUSTOM;
        }
        this.text = newText;
        this.ownerId = newOwner;
        this.dueOn = due;
        touch(by, at);
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

    /** A suggestion nobody has touched: not done, no owner, no due date, never edited. */
    public boolean untouchedSuggestion() {
        return kind == Kind.GENERATED && !done && ownerId == null && dueOn == null;
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
