package io.ciamportal.gate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.ciamportal.gate.GateStatus;
import io.ciamportal.gate.GateViews;
import io.ciamportal.gate.internal.Gate;
import io.ciamportal.shared.ui.Badge;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * What a gate's readers must know before they act: why it went back to open, and what changed in the assessment
     * since its approvals were given (they stay valid; the reviewers decide).
     */
    static List<Component> notices(GateViews.GateView gate) {
        var notices = new ArrayList<Component>();
        if (gate.reopenedReason() != null && gate.status() == GateStatus.OPEN) {
            var reopened = new Div(new Span("Reopened: " + gate.reopenedReason()));
            reopened.addClassNames("portal-notice", "portal-notice-warning");
            reopened.getElement().setAttribute("role", "status");
            reopened.getElement().setAttribute("data-notice", "reopened");
            notices.add(reopened);
        }
        if (!gate.assessmentChanges().isEmpty()) {
            var list = new UnorderedList();
            gate.assessmentChanges().forEach(c -> list.add(new ListItem(c)));
            var changed = new Div(new Span("The assessment changed since these sign-offs (they still count; the reviewers decide):"), list);
            changed.addClassNames("portal-notice", "portal-notice-info");
            changed.getElement().setAttribute("role", "status");
            changed.getElement().setAttribute("data-notice", "assessment-changed");
            notices.add(changed);
        }
        return notices;
    }
}
