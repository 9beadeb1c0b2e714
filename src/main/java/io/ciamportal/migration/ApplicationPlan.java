package io.ciamportal.migration;

import io.ciamportal.migration.ApplicationAssessment.Item;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.migration.PlanGenerator.Suggestion;
import io.ciamportal.migration.internal.PlanItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan items of the application side, in the phases they belong to, and their place among the user-side
 * suggestions of {@link PlanGenerator}. Nothing is suggested until the team lists its applications, so the plans of
 * migrations without an application inventory stay as they were. Pure.
 */
public final class ApplicationPlan {

    private ApplicationPlan() {}

    /** The user-side suggestions with the application side's added at the end of each phase. */
    public static List<Suggestion> merged(List<Suggestion> userSide, List<Suggestion> applicationSide) {
        var out = new ArrayList<Suggestion>();
        for (int phase = 1; phase <= 5; phase++) {
            int p = phase;
            userSide.stream().filter(s -> s.phase() == p).forEach(out::add);
            applicationSide.stream().filter(s -> s.phase() == p).forEach(out::add);
        }
        return out;
    }

    public static List<Suggestion> generate(Side destination, Inventory inv, ApplicationInventory apps, ApplicationAssessment a) {
        var out = new ArrayList<Suggestion>();
        if (!a.listed()) {
            return out;
        }
        String dst = destination.name();

        // 1. Discovery and inventory
        for (var item : a.items()) {
            if (item.verdict() == Verdict.UNKNOWN) {
                add(out, 1, "Verify with the vendor: " + item.item().label().toLowerCase(Locale.ROOT) + " (" + firstClause(item.reason()) + ")");
            }
        }

        // 2. Stand up the destination
        var clients = a.item(Item.CLIENTS);
        if (!apps.clients().isEmpty()) {
            long redirects = apps.clients().stream().mapToLong(c -> c.redirectUris().size()).sum();
            long logouts = apps.clients().stream().mapToLong(c -> c.logoutUris().size()).sum();
            add(out, 2, (clients.verdict() == Verdict.MIGRATES_WITH_CONDITIONS ? "Import the " : "Register the ")
                    + ApplicationScorer.plural(apps.clients().size(), "client application") + " at " + dst + " with their "
                    + ApplicationScorer.plural(redirects, "redirect URI") + " and " + ApplicationScorer.plural(logouts, "logout URI"));
        }
        var issuer = a.item(Item.ISSUER);
        add(out, 2, "Give the teams of every app and API " + dst + "'s issuer URL and JWKS URL; each accepts both issuers during the dual run");
        var keyed = apps.appsKeyedOnSub();
        if (!keyed.isEmpty() && issuer.verdict() != Verdict.RECONFIGURE) {
            add(out, 2, "Map old to new user ids for the apps that store sub as a key (" + ApplicationScorer.names(keyed) + ")");
        }
        if (!apps.domains().isEmpty() && a.item(Item.DOMAINS).verdict() != Verdict.LOST) {
            add(out, 2, "Add the custom domains " + ApplicationScorer.names(apps.domains().stream().map(ApplicationInventory.CustomDomain::hostname)
                    .toList()) + " at " + dst + " and prepare their TLS certificates and DNS records");
        }
        if (a.item(Item.TEMPLATES).verdict() == Verdict.RECONFIGURE) {
            add(out, 2, "Rewrite the email and SMS templates at " + dst + (apps.templateLocales().isEmpty() ? ""
                    : " in " + String.join(", ", apps.templateLocales())) + (apps.senderDomains().isEmpty() ? ""
                            : "; publish SPF and DKIM for " + ApplicationScorer.names(apps.senderDomains())));
        }
        if (!apps.webhooks().isEmpty()) {
            long signed = apps.webhooks().stream().filter(ApplicationInventory.Webhook::signed).count();
            add(out, 2, "Register the " + ApplicationScorer.plural(apps.webhooks().size(), "webhook endpoint") + " at " + dst
                    + (signed == 0 ? "" : ", deploy its new signing secrets to the " + ApplicationScorer.plural(signed, "signed receiver"))
                    + " and adapt the receivers to its payloads");
        }
        if (apps.logStreams() == null || apps.logStreams() > 0) {
            add(out, 2, "Connect " + dst + "'s logs to the SIEM and update its parsers, alerts and dashboards");
        }
        var machines = a.item(Item.MACHINE_CREDENTIALS);
        if (machines.verdict() != Verdict.MIGRATES) {
            add(out, 2, "Issue new API keys and machine credentials at " + dst + (machines.verdict() == Verdict.REWRITE
                    ? " and rewrite the scripts that call the management API" : "") + "; store them in the secret store");
        }
        var handoff = a.item(Item.ENTERPRISE_HANDOFF);
        if (handoff.verdict() != Verdict.MIGRATES && handoff.verdict() != Verdict.LOST) {
            Integer n = inv.enterpriseConnections();
            add(out, 2, "Book a hand-off with each customer's IdP admin for " + (n == null ? "the enterprise connections"
                    : ApplicationScorer.plural(n, "enterprise connection")) + ": new entity ID, ACS URL and certificate, a test sign-in");
        }

        // 3. User and credential import
        if (!keyed.isEmpty() && issuer.verdict() != Verdict.RECONFIGURE) {
            add(out, 3, "Record each user's old and new id during the import, for the apps keyed on sub");
        }

        // 4. Dual-run and validate
        if (!apps.clients().isEmpty()) {
            add(out, 4, "Test sign-in, token refresh and sign-out of each client application against " + dst
                    + ", and every API with " + dst + "'s tokens");
        }
        if (!apps.webhooks().isEmpty() || apps.logStreams() == null || apps.logStreams() > 0) {
            add(out, 4, "Send test events: each webhook receiver accepts " + dst + "'s signatures and the SIEM shows its logs");
        }

        // 5. Cutover and decommission
        if (!apps.domains().isEmpty() && a.item(Item.DOMAINS).verdict() != Verdict.LOST) {
            add(out, 5, "On cutover day, switch the DNS of " + ApplicationScorer.names(apps.domains().stream()
                    .map(ApplicationInventory.CustomDomain::hostname).toList()) + " to " + dst);
        }
        add(out, 5, "At decommission, revoke the old client secrets, API keys and webhook secrets and remove the old issuer from every app and API");
        return out;
    }

    private static void add(List<Suggestion> out, int phase, String text) {
        out.add(new Suggestion(phase, text.length() > PlanItem.MAX_TEXT ? text.substring(0, PlanItem.MAX_TEXT - 1) + "…" : text, false));
    }

    private static String firstClause(String text) {
        int colon = text.indexOf(": ");
        String s = colon > 0 ? text.substring(0, colon) : text;
        return s.length() > 160 ? s.substring(0, 159) + "…" : s;
    }
}
