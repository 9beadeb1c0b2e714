package io.ciamportal.migration;

/** A person's role in one migration (their portal role still limits what they may do). */
public enum MemberRole {
    OWNER("Owner", "Runs the migration: edits it and manages its members"),
    ANALYST("Analyst", "Edits the inventory and the plan"),
    REVIEWER("Reviewer", "Reads everything; signs off security gates"),
    VIEWER("Viewer", "Reads everything");

    private final String label;
    private final String description;

    MemberRole(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    boolean edits() {
        return this == OWNER || this == ANALYST;
    }
}
