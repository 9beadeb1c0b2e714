package io.ciamportal.gate.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One thing a reviewer needs to see; seeded for the gate, or added by the team. */
@Entity
@Table(name = "gate_criterion")
public class GateCriterion {

    @Id
    private UUID id;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 500)
    private String text;

    @Column(nullable = false)
    private boolean custom;

    protected GateCriterion() {
        this.id = new UUID(0, 0);
        this.text = "";
    }

    public GateCriterion(int position, String text, boolean custom) {
        this.id = UUID.randomUUID();
        this.position = position;
        this.text = text;
        this.custom = custom;
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String text() {
        return text;
    }

    public boolean custom() {
        return custom;
    }
}
