package io.ciamportal.migration.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The migration scoring rules in plain words; the same rules as docs/migration-scoring.md. */
@Route("migrations/how-scoring-works")
@PageTitle("How migration scoring works")
@PermitAll
public final class MigrationScoringView extends VerticalLayout {

    MigrationScoringView() {
        addClassName("portal-view");
        add(new H2("How migration scoring works"));
        add(new Paragraph("A migration is scored from three things: the source's facts (how it lets data out), the destination's facts "
                + "(what it accepts) and your inventory (how many users and objects each item touches). A fact nobody has confirmed "
                + "gives \"Unknown: verify with vendor\", never an optimistic verdict. An empty inventory field is unknown, not zero."));
        add(new H3("Password hashes decide the strategy"));
        add(list(
                "Hashes move when the source exports them (self-serve, through a support ticket, or on a paid plan) in a scheme the destination imports. Self-serve: bulk import with hashes. Ticket or paid: bulk import after the export arrives.",
                "When hashes cannot move and the destination has a just-in-time hook, users move at their next sign-in; when 20% or more are inactive, the plan is hybrid: the dormant tail is imported and asked to reset.",
                "Without hashes and without a hook: a forced password reset for everyone with a password.",
                "When portability is unknown, the plan relies on the hook if there is one, otherwise on resets, and says what to verify."));
        add(new H3("The other items"));
        add(list(
                "Passkeys are bound to their domain: they keep working only if the destination imports them and sign-in stays on the same domain; otherwise users register again.",
                "TOTP secrets move when the source exports and the destination imports them; otherwise users re-enroll their authenticator apps.",
                "Sessions and refresh tokens never move: every active user signs in again after cutover.",
                "Custom logic (Actions, rules, hooks, Lambdas) is always a rewrite for the destination's extension model.",
                "Social and enterprise connections are reconfigured and tested one by one; without a SAML service provider, enterprise SSO is lost.",
                "Profiles move in bulk when both sides allow it, keeping email-verified status.",
                "Tenants and roles are recreated where the destination has organizations, and modelled in your application where it has none.",
                "Consent records move as metadata with their timestamps; audit logs are exported and archived, never imported."));
        add(new H3("The application side"));
        add(list(
                "Client applications keep their ids and secrets only where the destination imports client registrations; otherwise each is registered anew and its redirect and logout URIs re-entered.",
                "Every app and API must trust the new issuer and its signing keys; the user's sub changes unless the destination keeps imported ids, which breaks apps that store sub as a key.",
                "Custom domains, message templates and sender domains (SPF, DKIM), webhooks with their new secrets, log streams and machine credentials are set up again at the destination.",
                "Each enterprise connection is a hand-off with the customer's own identity-provider admin.",
                "A destination fact the vendor index does not hold gives \"unknown: verify with vendor\"."));
        add(new H3("Pair difficulty, 1 to 5"));
        add(new Paragraph("Half the source's outbound score plus half the destination's inbound score, plus: 1 when every password "
                + "user must reset, 0.5 when hashes move only just-in-time, 0.25 per unknown item (at most 1), 0.5 when TOTP users "
                + "re-enroll, 0.5 for more than 10 custom logic units, 0.5 for more than 20 enterprise connections, and 0.25 from "
                + "100,000 users or 0.5 from a million. Rounded half up and kept between 1 and 5."));
        add(new H3("Dual-run window"));
        add(new Paragraph("Bulk with hashes: 3 weeks. After a support-ticket export: 4 weeks. Forced reset: 2 weeks. Hybrid: 8 weeks. "
                + "Just-in-time: 12 weeks, long enough for most active users to sign in once."));
    }

    private static UnorderedList list(String... items) {
        var list = new UnorderedList();
        for (String item : items) {
            list.add(new ListItem(item));
        }
        return list;
    }
}
