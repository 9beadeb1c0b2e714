package io.ciamportal.gate.ui;

import io.ciamportal.gate.GateStatus;
import io.ciamportal.shared.ui.Badge;

/** Gate status as a badge: word and symbol always, colour only as a hint. */
final class GateBadges {

    private GateBadges() {}

    static Badge status(GateStatus status) {
        return switch (status) {
            case OPEN -> new Badge("○ " + status.label(), Badge.Tone.NEUTRAL);
            case SUBMITTED -> new Badge("◐ " + status.label(), Badge.Tone.INFO);
            case APPROVED -> new Badge("✓ " + status.label(), Badge.Tone.SUCCESS);
            case CHANGES_REQUESTED -> new Badge("↻ " + status.label(), Badge.Tone.WARNING);
            case REJECTED -> new Badge("✗ " + status.label(), Badge.Tone.ERROR);
        };
    }
}
