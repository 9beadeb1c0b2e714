package io.ciamportal.gate;

import io.ciamportal.gate.internal.Gate;

/** Where a gate stands. Only {@link Gate}'s guarded methods move it. */
public enum GateStatus {
    OPEN("Open"),
    SUBMITTED("Submitted for review"),
    APPROVED("Approved"),
    CHANGES_REQUESTED("Changes requested"),
    REJECTED("Rejected");

    private final String label;

    GateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
