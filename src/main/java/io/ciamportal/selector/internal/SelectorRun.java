package io.ciamportal.selector.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A saved run: its answers (as a URL query), a name and its owner. Renamed only through {@link #rename}. */
@Entity
@Table(name = "selector_run")
public class SelectorRun {

    public static final int MAX_NAME = 120;

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, length = 4000)
    private String answers;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SelectorRun() {
        // for JPA
        this.id = UUID.randomUUID();
        this.ownerId = id;
        this.name = "";
        this.answers = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    public SelectorRun(UUID ownerId, String name, String answers, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.name = name;
        this.answers = answers;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    public boolean ownedBy(UUID user) {
        return ownerId.equals(user);
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public String answers() {
        return answers;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
