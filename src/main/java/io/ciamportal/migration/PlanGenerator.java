package io.ciamportal.migration;

import io.ciamportal.migration.Assessment.Item;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.migration.internal.PlanItem;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns an assessment into the checklist of the five phases (product brief, "Five phases"). Pure. */
public final class PlanGenerator {

    public static final List<String> PHASES = List.of("Discovery and inventory", "Stand up the destination",
            "User and credential import", "Dual-run and validate", "Cutover and decommission");

    /** A suggested item; {@code cutover} marks the one item that cuts over (gated by the security gates). */
    public record Suggestion(int phase, String text, boolean cutover) {}

    private PlanGenerator() {}

    public static List<Suggestion> generate(Side source, Side destination, Inventory inv, Assessment a) {
        var out = new ArrayList<Suggestion>();
        String src = source.inHouse() ? "your in-house database" : source.name();
        String dst = destination.name();

        // 1. Discovery and inventory
        add(out, 1, "Confirm the inventory at " + src + ": users, monthly active users, MFA and passkey enrollments, dormant accounts");
        for (var item : a.items()) {
            if (item.verdict() == Verdict.UNKNOWN) {
                add(out, 1, "Verify with the vendor: " + item.item().label().toLowerCase(Locale.ROOT) + " (" + firstSentence(item.reason()) + ")");
            }
        }
        Integer logic = inv.customLogicUnits();
        if (logic == null || logic > 0) {
            add(out, 1, "List " + count(logic, "the custom logic units", "custom logic unit") + " (Actions, rules, hooks, Lambdas) and what each one does");
        }
        if (Boolean.TRUE.equals(inv.consentRecords())) {
            add(out, 1, "Export the consent and preference records with what was agreed, when and to which version");
        }

        // 2. Stand up the destination
        add(out, 2, "Create the " + dst + " environment" + (inv.residencyRegion() == null ? "" : " in region " + inv.residencyRegion())
                + " with production settings (domains, branding, email provider, rate limits)");
        if (logic == null || logic > 0) {
            add(out, 2, "Rewrite " + count(logic, "the custom logic units", "custom logic unit") + " for " + dst + "'s extension model and test each");
        }
        Integer enterprise = inv.enterpriseConnections();
        if (enterprise == null || enterprise > 0) {
            add(out, 2, "Recreate " + count(enterprise, "the enterprise connections", "enterprise connection") + " and test each round trip with the customer");
        }
        Integer social = inv.socialConnections();
        if (social == null || social > 0) {
            add(out, 2, "Set up " + count(social, "the social connections", "social connection") + " with new client registrations and redirect URIs");
        }
        Integer tenants = inv.tenants();
        if (tenants == null || tenants > 0) {
            add(out, 2, "Recreate " + count(tenants, "the tenants", "tenant") + " with their roles and memberships");
        }
        if (a.item(Item.PASSKEYS).verdict() == Verdict.MIGRATES_WITH_CONDITIONS) {
            add(out, 2, "Serve sign-in on the same domain as today, so passkeys keep their relying-party ID");
        }

        // 3. User and credential import
        String scheme = source.hashExportScheme() == null ? "password" : source.hashExportScheme();
        switch (a.strategy()) {
            case BULK_WITH_HASHES -> {
                add(out, 3, "Export the users with their " + scheme + " hashes from " + src);
                add(out, 3, "Import the users into " + dst + " in batches, keeping each email's verified status");
            }
            case BULK_AFTER_SUPPORT_EXPORT -> {
                add(out, 3, "Request the password-hash export from " + src + " via a " + (source.hashExportPolicy() == HashExportPolicy.PAID_TIER
                        ? "paid-plan request" : "support ticket") + " (PGP-encrypted); allow for lead time and approval");
                add(out, 3, "Import the users with their " + scheme + " hashes into " + dst + " in batches, keeping each email's verified status");
            }
            case JIT, HYBRID -> {
                add(out, 3, "Configure " + dst + "'s just-in-time hook" + (destination.jitHookName() == null ? "" : " (" + destination.jitHookName() + ")")
                        + " to check passwords against " + src + " and create the user on success");
                if (a.strategy() == Assessment.Strategy.HYBRID) {
                    Long dormant = Inventory.users(inv.totalUsers(), inv.inactiveShare());
                    add(out, 3, "Import the " + (dormant == null ? "dormant" : String.format(Locale.ENGLISH, "%,d dormant", dormant))
                            + " users' profiles in bulk and invite them to reset their password");
                }
            }
            case FORCED_RESET -> {
                add(out, 3, "Import the user profiles into " + dst + ", keeping each email's verified status");
                add(out, 3, "Send " + (a.forcedResets() == null ? "every password user" : String.format(Locale.ENGLISH, "%,d users", a.forcedResets()))
                        + " a password-reset email, and staff the help desk for the wave");
            }
        }
        var totp = a.item(Item.TOTP);
        if (totp.verdict() == Verdict.MIGRATES || totp.verdict() == Verdict.MIGRATES_WITH_CONDITIONS) {
            add(out, 3, "Move the TOTP secrets from " + src + " to " + dst + " with the users");
        } else if (totp.verdict() == Verdict.RE_ENROLL) {
            add(out, 3, "Prepare MFA re-enrollment for " + users(totp.affected(), "the TOTP users") + ": messages, help pages, a grace period");
        }
        if (a.item(Item.PASSKEYS).verdict() == Verdict.RE_ENROLL) {
            add(out, 3, "Prompt " + users(a.item(Item.PASSKEYS).affected(), "the passkey users") + " to register a new passkey after their first sign-in");
        }

        // 4. Dual-run and validate
        add(out, 4, "Run " + src + " and " + dst + " side by side for " + a.dualRunWeeks() + " weeks");
        add(out, 4, "Compare token claims flow by flow (sign-up, sign-in, refresh, MFA, logout) between the two platforms");
        add(out, 4, "Track each week how many active users have moved, and the error rate of sign-ins");

        // 5. Cutover and decommission
        out.add(new Suggestion(5, "Cut over: point every application at " + dst + " (needs all six security gates approved)", true));
        add(out, 5, "Announce the new sign-in: " + users(inv.monthlyActiveUsers(), "every active user") + " sign in again, because sessions do not move");
        add(out, 5, "Keep " + src + " read-only as a rollback standby for the rollback window");
        add(out, 5, "Export " + src + "'s audit logs and archive them read-only" + (inv.auditRetentionDays() == null ? ""
                : " for " + inv.auditRetentionDays() + " days"));
        add(out, 5, "Decommission " + src + ": delete its data, revoke its credentials and API keys");
        return out;
    }

    private static void add(List<Suggestion> out, int phase, String text) {
        out.add(new Suggestion(phase, text.length() > PlanItem.MAX_TEXT ? text.substring(0, PlanItem.MAX_TEXT - 1) + "…" : text, false));
    }

    private static String count(@Nullable Integer n, String unknown, String singular) {
        if (n == null) {
            return unknown;
        }
        return n + " " + singular + (n == 1 ? "" : "s");
    }

    private static String users(@Nullable Long n, String unknown) {
        return n == null ? unknown : String.format(Locale.ENGLISH, "%,d users", n);
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(": ");
        String s = dot > 0 ? text.substring(0, dot) : text;
        return s.length() > 160 ? s.substring(0, 159) + "…" : s;
    }
}
