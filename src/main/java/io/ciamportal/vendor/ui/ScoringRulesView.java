package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** "How scores work": the published difficulty rules in plain words (docs/difficulty.md says the same). */
@Route("vendors/how-scores-work")
@PageTitle("How scores work")
@PermitAll
public final class ScoringRulesView extends VerticalLayout {

    ScoringRulesView() {
        addClassName("portal-view");
        add(new Paragraph("Each vendor has two scores from 1 (easy) to 5 (hard): outbound, how hard it is to leave it, and "
                + "inbound, how hard it is to arrive on it. Both start at 1; each rule below adds points; the total is rounded "
                + "(halves up) and kept between 1 and 5. An unknown fact adds points too, because a plan cannot rest on what "
                + "nobody has confirmed. A curator may set a score by hand, with a written reason; the profile then shows both."));
        add(new H3("Outbound: leaving the vendor"));
        add(list("Password-hash export: self-serve +0, only on a paid plan +0.5, only through a support ticket +1, never +2, unknown +1.5.",
                "Exported hash scheme (when hashes can be exported): one most destinations import (bcrypt, Argon2, PBKDF2-SHA256/512, scrypt) +0, another +0.5, unknown +0.5.",
                "TOTP secret export: yes +0, partial or paid +0.5, no +1, unknown +0.5.",
                "Bulk user export: yes +0, partial or paid +0.5, no +1, unknown +0.5.",
                "Proprietary extension model (hooks in a closed platform): +0.5.",
                "End of sale or end of life: +0.5 (the move has a deadline)."));
        add(new H3("Inbound: arriving on the vendor"));
        add(list("End of sale or end of life: +4, nothing else counts (nobody can arrive).",
                "Password-hash import: imports bcrypt +0, only other schemes +0.5, none +1.5, unknown +1.",
                "Just-in-time migration hook: yes +0, partial or paid +0.5, no +1, unknown +0.5.",
                "Bulk user import: yes +0, partial or paid +0.5, no +1, unknown +0.5.",
                "TOTP secret import: yes +0, otherwise +0.5.",
                "Passkey import: yes +0, otherwise +0.25.",
                "Organizations model: yes +0, partial or paid +0.25, no or unknown +0.5."));
    }

    private static UnorderedList list(String... items) {
        var list = new UnorderedList();
        for (String item : items) {
            list.add(new ListItem(item));
        }
        return list;
    }
}
