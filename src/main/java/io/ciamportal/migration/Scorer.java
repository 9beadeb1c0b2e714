package io.ciamportal.migration;

import io.ciamportal.migration.Assessment.Item;
import io.ciamportal.migration.Assessment.ItemVerdict;
import io.ciamportal.migration.Assessment.PairDifficulty;
import io.ciamportal.migration.Assessment.Strategy;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The published rules (docs/migration-scoring.md and the in-app page) that turn a source, a destination and an
 * inventory into item verdicts, a strategy and a pair difficulty. Hash portability decides the strategy. An unknown
 * fact gives {@code UNKNOWN} with "verify with vendor", never an optimistic verdict. Pure: no Spring, no database.
 */
public final class Scorer {

    private Scorer() {}

    public static Assessment score(Side source, Side destination, Inventory inventory) {
        var items = List.of(
                passwordHashes(source, destination, inventory),
                passkeys(source, destination, inventory),
                totp(source, destination, inventory),
                sessions(source, inventory),
                customLogic(source, destination, inventory),
                connections(destination, inventory),
                profile(source, destination, inventory),
                rolesOrgs(destination, inventory),
                consent(inventory),
                auditLogs(source, inventory));
        var hashes = items.getFirst();
        var strategy = strategy(source, destination, inventory, hashes);
        Long passwordUsers = Inventory.users(inventory.totalUsers(), inventory.passwordShare());
        Long forcedResets = switch (strategy.kind()) {
            case BULK_WITH_HASHES, BULK_AFTER_SUPPORT_EXPORT -> passwordUsers == null ? null : 0L;
            case FORCED_RESET -> passwordUsers;
            case JIT, HYBRID -> Inventory.users(passwordUsers, inventory.inactiveShare());
        };
        Long reenroll = sum(reenrolled(items, Item.TOTP), reenrolled(items, Item.PASSKEYS));
        return new Assessment(source.slug(), destination.slug(), difficulty(source, destination, inventory, items), strategy.kind(),
                strategy.reason(), dualRunWeeks(strategy.kind()), forcedResets, reenroll, items);
    }

    // ---- items --------------------------------------------------------------------------------------------------

    static boolean exports(HashExportPolicy policy) {
        return policy == HashExportPolicy.SELF_SERVE || policy == HashExportPolicy.SUPPORT_TICKET || policy == HashExportPolicy.PAID_TIER;
    }

    static ItemVerdict passwordHashes(Side source, Side destination, Inventory inv) {
        Long users = Inventory.users(inv.totalUsers(), inv.passwordShare());
        var facts = new ArrayList<Side.Citation>();
        addFact(facts, source.fact("hashExport"));
        addFact(facts, destination.fact("hashImportSchemes"));
        facts.add(destination.cite("jit-migration"));
        String scheme = source.hashExportScheme();
        Verdict verdict;
        String reason;
        var jit = destination.support("jit-migration");
        String hook = destination.jitHookName() == null ? "its just-in-time hook" : destination.jitHookName();
        if (source.hashExportPolicy() == HashExportPolicy.UNKNOWN) {
            verdict = Verdict.UNKNOWN;
            reason = "Whether " + source.name() + " exports password hashes is unknown: verify with the vendor before you plan.";
        } else if (!exports(source.hashExportPolicy())) {
            if (jit == Support.YES) {
                verdict = Verdict.MIGRATES_WITH_CONDITIONS;
                reason = source.name() + " never exports password hashes; " + destination.name() + " moves each user at their next "
                        + "sign-in through " + hook + ". Users who never come back must reset their password.";
            } else if (jit == Support.NO) {
                verdict = Verdict.RE_ENROLL;
                reason = source.name() + " never exports password hashes and " + destination.name() + " has no just-in-time hook: "
                        + "every password user must set a new password.";
            } else {
                verdict = Verdict.UNKNOWN;
                reason = source.name() + " never exports password hashes, and whether " + destination.name()
                        + " has a usable just-in-time hook is " + jit.label().toLowerCase(java.util.Locale.ROOT) + ": verify with the vendor.";
            }
        } else if (scheme == null) {
            verdict = Verdict.UNKNOWN;
            reason = source.inHouse() ? "Name the hash scheme of your database in the inventory: it decides whether hashes can move."
                    : "The scheme of " + source.name() + "'s exported hashes is unknown: verify with the vendor.";
        } else if (destination.hashImportSchemes().contains(scheme)) {
            String how = switch (source.hashExportPolicy()) {
                case SUPPORT_TICKET -> " after a support ticket (expect lead time, an approval and an encrypted file)";
                case PAID_TIER -> " on a paid plan";
                default -> "";
            };
            verdict = source.hashExportPolicy() == HashExportPolicy.SELF_SERVE ? Verdict.MIGRATES : Verdict.MIGRATES_WITH_CONDITIONS;
            reason = source.name() + " exports " + scheme + " hashes" + how + " and " + destination.name()
                    + " imports " + scheme + ": users keep their passwords.";
        } else if (!destination.hashImportResearched()) {
            verdict = Verdict.UNKNOWN;
            reason = "Which hash schemes " + destination.name() + " imports is unknown: verify that it accepts " + scheme + ".";
        } else if (jit == Support.YES) {
            verdict = Verdict.MIGRATES_WITH_CONDITIONS;
            reason = destination.name() + " does not import " + scheme + " hashes; its just-in-time hook (" + hook
                    + ") verifies each password against " + source.name() + " at the next sign-in. Dormant users reset.";
        } else if (jit == Support.NO) {
            verdict = Verdict.RE_ENROLL;
            reason = destination.name() + " does not import " + scheme + " hashes and has no just-in-time hook: password users reset.";
        } else {
            verdict = Verdict.UNKNOWN;
            reason = destination.name() + " does not import " + scheme + " hashes, and its just-in-time hook is "
                    + jit.label().toLowerCase(java.util.Locale.ROOT) + ": verify with the vendor.";
        }
        return new ItemVerdict(Item.PASSWORD_HASHES, verdict, reason, facts, users, "users with a password",
                "Per user: hash import, or a sign-in through the hook, or a reset email");
    }

    static ItemVerdict passkeys(Side source, Side destination, Inventory inv) {
        Long users = Inventory.users(inv.totalUsers(), inv.passkeyShare());
        var facts = List.of(destination.cite("passkey-import"), destination.cite("custom-domains"), destination.cite("passkeys"));
        var imports = destination.support("passkey-import");
        var domain = destination.support("custom-domains");
        var passkeys = destination.support("passkeys");
        Verdict verdict;
        String reason;
        if (passkeys == Support.NO) {
            verdict = Verdict.LOST;
            reason = destination.name() + " does not offer passkeys: passkey users fall back to another factor.";
        } else if (imports == Support.YES && domain == Support.YES) {
            verdict = Verdict.MIGRATES_WITH_CONDITIONS;
            reason = "A passkey is bound to its domain (relying-party ID). " + destination.name() + " imports passkeys and serves a "
                    + "custom domain: they keep working only if sign-in stays on the same domain.";
        } else if (imports == Support.UNKNOWN || passkeys == Support.UNKNOWN || (imports == Support.YES && domain == Support.UNKNOWN)) {
            verdict = Verdict.UNKNOWN;
            reason = "Whether " + destination.name() + " imports passkeys and keeps your sign-in domain is unknown: verify with the vendor.";
        } else {
            verdict = Verdict.RE_ENROLL;
            reason = "Passkeys are bound to the domain they were created on and " + destination.name()
                    + (imports == Support.YES ? " cannot keep your domain" : " does not import them") + ": users register new passkeys.";
        }
        return new ItemVerdict(Item.PASSKEYS, verdict, reason, facts, users, "users with passkeys", "Per user: a new passkey registration");
    }

    static ItemVerdict totp(Side source, Side destination, Inventory inv) {
        Long users = Inventory.users(inv.totalUsers(), inv.totpShare());
        var facts = List.of(source.cite("totp-export"), destination.cite("totp-import"));
        var out = source.support("totp-export");
        var in = destination.support("totp-import");
        Verdict verdict;
        String reason;
        if (out == Support.NO || in == Support.NO) {
            verdict = Verdict.RE_ENROLL;
            reason = (out == Support.NO ? source.name() + " does not export TOTP secrets" : destination.name() + " does not import TOTP secrets")
                    + ": users scan a new QR code in their authenticator app.";
        } else if (out == Support.UNKNOWN || in == Support.UNKNOWN) {
            verdict = Verdict.UNKNOWN;
            reason = "Whether TOTP secrets leave " + source.name() + " and enter " + destination.name() + " is unknown: verify with the vendors.";
        } else if (out == Support.YES && in == Support.YES) {
            verdict = Verdict.MIGRATES;
            reason = source.name() + " exports TOTP secrets and " + destination.name() + " imports them: authenticator apps keep working.";
        } else {
            verdict = Verdict.MIGRATES_WITH_CONDITIONS;
            reason = "TOTP secrets move, with conditions: " + source.name() + " export " + out.label().toLowerCase(java.util.Locale.ROOT)
                    + ", " + destination.name() + " import " + in.label().toLowerCase(java.util.Locale.ROOT) + " (often only through support).";
        }
        return new ItemVerdict(Item.TOTP, verdict, reason, facts, users, "users with TOTP", "Per user: MFA re-enrollment when secrets do not move");
    }

    static ItemVerdict sessions(Side source, Inventory inv) {
        return new ItemVerdict(Item.SESSIONS, Verdict.LOST, "Refresh tokens and sessions are signed with " + source.name()
                + "'s keys and cannot be carried over: every active user signs in again after cutover.", List.of(),
                inv.monthlyActiveUsers(), "monthly active users", "Once: announce the sign-in at cutover");
    }

    static ItemVerdict customLogic(Side source, Side destination, Inventory inv) {
        var dest = destination.support("actions-hooks");
        String target = switch (dest) {
            case YES -> destination.name() + "'s extension model";
            case NO -> "your own services (" + destination.name() + " has no extension points)";
            default -> destination.name() + "'s extension model (its scope is " + dest.label().toLowerCase(java.util.Locale.ROOT) + ")";
        };
        return new ItemVerdict(Item.CUSTOM_LOGIC, Verdict.REWRITE, "Actions, rules, hooks and Lambdas run on each vendor's own runtime "
                + "and API: every unit is rewritten for " + target + ".", List.of(source.cite("actions-hooks"), destination.cite("actions-hooks")),
                inv.customLogicUnits() == null ? null : inv.customLogicUnits().longValue(), "logic units", "Per unit: rewrite and test");
    }

    static ItemVerdict connections(Side destination, Inventory inv) {
        var saml = destination.support("saml-sp");
        var social = destination.support("social-login");
        Integer enterprise = inv.enterpriseConnections();
        Long total = sum(inv.socialConnections() == null ? null : inv.socialConnections().longValue(),
                enterprise == null ? null : enterprise.longValue());
        var facts = List.of(destination.cite("saml-sp"), destination.cite("social-login"));
        boolean needsEnterprise = enterprise == null || enterprise > 0;
        boolean needsSocial = inv.socialConnections() == null || inv.socialConnections() > 0;
        Verdict verdict;
        String reason;
        if (needsEnterprise && saml == Support.NO) {
            verdict = Verdict.LOST;
            reason = destination.name() + " is no SAML service provider: enterprise customers lose single sign-on.";
        } else if ((needsEnterprise && saml == Support.UNKNOWN) || (needsSocial && social == Support.UNKNOWN)) {
            verdict = Verdict.UNKNOWN;
            reason = "Whether " + destination.name() + " supports the connection types you use is unknown: verify with the vendor.";
        } else {
            verdict = Verdict.RECONFIGURE;
            reason = "Connections are configuration, not data: recreate each social app and enterprise connection at "
                    + destination.name() + ", update redirect URIs and metadata with each customer, and test each round trip.";
        }
        return new ItemVerdict(Item.CONNECTIONS, verdict, reason, facts, total, "connections",
                "Per connection: set-up and a test with the customer's identity provider");
    }

    static ItemVerdict profile(Side source, Side destination, Inventory inv) {
        var out = source.support("bulk-export");
        var in = destination.support("bulk-import");
        var facts = List.of(source.cite("bulk-export"), destination.cite("bulk-import"));
        Verdict verdict;
        String reason;
        if (out == Support.UNKNOWN || in == Support.UNKNOWN) {
            verdict = Verdict.UNKNOWN;
            reason = "Whether profiles can be exported in bulk from " + source.name() + " and imported into " + destination.name()
                    + " is unknown: verify with the vendors.";
        } else if (out == Support.YES && in == Support.YES) {
            verdict = Verdict.MIGRATES;
            reason = "Profiles and metadata move in bulk; map the fields and keep each email's verified status so nobody re-verifies.";
        } else if (out == Support.NO && in == Support.NO) {
            verdict = Verdict.MIGRATES_WITH_CONDITIONS;
            reason = "No bulk path on either side: profiles move user by user through the APIs or at sign-in.";
        } else {
            verdict = Verdict.MIGRATES_WITH_CONDITIONS;
            reason = "Profiles move, with conditions: bulk export " + out.label().toLowerCase(java.util.Locale.ROOT) + " at "
                    + source.name() + ", bulk import " + in.label().toLowerCase(java.util.Locale.ROOT) + " at " + destination.name()
                    + "; keep each email's verified status.";
        }
        return new ItemVerdict(Item.PROFILE, verdict, reason, facts, inv.totalUsers(), "users", "Once: field mapping and a test import");
    }

    static ItemVerdict rolesOrgs(Side destination, Inventory inv) {
        var orgs = destination.support("organizations");
        Long tenants = inv.tenants() == null ? null : inv.tenants().longValue();
        var facts = List.of(destination.cite("organizations"));
        Verdict verdict;
        String reason;
        if (tenants != null && tenants == 0) {
            verdict = Verdict.MIGRATES_WITH_CONDITIONS;
            reason = "No tenants to move; recreate roles and map their assignments during the import.";
        } else if (orgs == Support.YES) {
            verdict = Verdict.MIGRATES_WITH_CONDITIONS;
            reason = destination.name() + " has organizations: recreate each tenant with its roles and memberships through the API.";
        } else if (orgs == Support.NO) {
            verdict = Verdict.REWRITE;
            reason = destination.name() + " has no organization model: tenants and their roles must be modelled in your application.";
        } else if (orgs == Support.UNKNOWN) {
            verdict = Verdict.UNKNOWN;
            reason = "Whether " + destination.name() + " models organizations is unknown: verify with the vendor.";
        } else {
            verdict = Verdict.RECONFIGURE;
            reason = destination.name() + "'s organization model is " + orgs.label().toLowerCase(java.util.Locale.ROOT)
                    + ": map your tenants onto it and fill the gaps in your application.";
        }
        return new ItemVerdict(Item.ROLES_ORGS, verdict, reason, facts, tenants, "tenants", "Per tenant: recreate and verify memberships");
    }

    static ItemVerdict consent(Inventory inv) {
        Boolean kept = inv.consentRecords();
        if (kept == null) {
            return new ItemVerdict(Item.CONSENT, Verdict.UNKNOWN, "The inventory does not say whether consent records are kept: "
                    + "find out before the export, they are evidence.", List.of(), null, "records", "Once: export and map");
        }
        if (!kept) {
            return new ItemVerdict(Item.CONSENT, Verdict.MIGRATES, "No consent or preference records are kept at the source: "
                    + "nothing to carry.", List.of(), 0L, "records", "None");
        }
        return new ItemVerdict(Item.CONSENT, Verdict.MIGRATES_WITH_CONDITIONS, "Consent records move as profile metadata: keep "
                + "what was agreed, when and to which version, and archive the source's originals as evidence.", List.of(),
                inv.totalUsers(), "users", "Once: map consent fields with their timestamps and versions");
    }

    static ItemVerdict auditLogs(Side source, Inventory inv) {
        var export = source.support("audit-log-export");
        String retention = inv.auditRetentionDays() == null ? "the required retention" : inv.auditRetentionDays() + " days";
        var facts = List.of(source.cite("audit-log-export"));
        return switch (export) {
            case NO -> new ItemVerdict(Item.AUDIT_LOGS, Verdict.LOST, source.name() + " offers no audit-log export: history older "
                    + "than what its console shows is lost at decommission. Capture what you can now.", facts, null, "days of history",
                    "Once: capture before decommission");
            case UNKNOWN -> new ItemVerdict(Item.AUDIT_LOGS, Verdict.UNKNOWN, "Whether " + source.name()
                    + " exports its audit logs is unknown: verify with the vendor before you plan decommission.", facts, null,
                    "days of history", "Once: export and archive");
            default -> new ItemVerdict(Item.AUDIT_LOGS, Verdict.ARCHIVE_ONLY, "Audit logs never import into another platform: "
                    + "export them from " + source.name() + " and archive them read-only for " + retention + ".", facts,
                    inv.auditRetentionDays() == null ? null : inv.auditRetentionDays().longValue(), "days of retention",
                    "Once: export, archive, prove integrity");
        };
    }

    // ---- overall ------------------------------------------------------------------------------------------------

    record StrategyChoice(Strategy kind, String reason) {}

    static StrategyChoice strategy(Side source, Side destination, Inventory inv, ItemVerdict hashes) {
        boolean portable = hashes.verdict() == Verdict.MIGRATES
                || (hashes.verdict() == Verdict.MIGRATES_WITH_CONDITIONS && exports(source.hashExportPolicy())
                        && source.hashExportScheme() != null && destination.hashImportSchemes().contains(source.hashExportScheme()));
        if (portable) {
            return source.hashExportPolicy() == HashExportPolicy.SELF_SERVE
                    ? new StrategyChoice(Strategy.BULK_WITH_HASHES, "Hashes are portable (" + source.hashExportScheme()
                            + "): import every user with their password hash in bulk.")
                    : new StrategyChoice(Strategy.BULK_AFTER_SUPPORT_EXPORT, "Hashes are portable (" + source.hashExportScheme()
                            + "), but " + source.name() + " releases them only " + (source.hashExportPolicy() == HashExportPolicy.PAID_TIER
                                    ? "on a paid plan" : "through a support ticket") + ": request the export early, then import in bulk.");
        }
        var jit = destination.support("jit-migration");
        if (jit == Support.YES) {
            Double inactive = inv.inactiveShare();
            String unknownNote = hashes.verdict() == Verdict.UNKNOWN ? " Hash portability is unknown; if the vendors confirm it, bulk import becomes possible." : "";
            if (inactive != null && inactive >= 0.2) {
                return new StrategyChoice(Strategy.HYBRID, "Hashes cannot move, so active users migrate just-in-time at their next "
                        + "sign-in; " + Math.round(inactive * 100) + "% of users are inactive and would never sign in during the window: "
                        + "import their profiles in bulk and ask them to reset." + unknownNote);
            }
            return new StrategyChoice(Strategy.JIT, "Hashes cannot move: users migrate just-in-time at their next sign-in through "
                    + destination.name() + "'s hook; those who never return reset their password." + unknownNote);
        }
        return new StrategyChoice(Strategy.FORCED_RESET, hashes.verdict() == Verdict.UNKNOWN
                ? "Hash portability and the just-in-time hook are not confirmed, so plan for the safe case: import profiles and have "
                        + "every password user reset. Verify with the vendors; a confirmed path changes this."
                : "Hashes cannot move and " + destination.name() + " offers no just-in-time hook: import profiles and have every "
                        + "password user reset their password.");
    }

    static int dualRunWeeks(Strategy strategy) {
        return switch (strategy) {
            case BULK_WITH_HASHES -> 3;
            case BULK_AFTER_SUPPORT_EXPORT -> 4;
            case FORCED_RESET -> 2;
            case HYBRID -> 8;
            case JIT -> 12;
        };
    }

    static PairDifficulty difficulty(Side source, Side destination, Inventory inv, List<ItemVerdict> items) {
        var parts = new ArrayList<PairDifficulty.Part>();
        parts.add(new PairDifficulty.Part("Source outbound", source.outbound() * 0.5, (source.inHouse() ? "In-house database"
                : source.name()) + " is " + source.outbound() + "/5 to leave (half counts)"));
        parts.add(new PairDifficulty.Part("Destination inbound", destination.inbound() * 0.5, destination.name() + " is "
                + destination.inbound() + "/5 to arrive on (half counts)"));
        var hashes = items.getFirst().verdict();
        if (hashes == Verdict.RE_ENROLL) {
            parts.add(new PairDifficulty.Part("Password hashes", 1, "Hashes cannot move to this destination: every password user resets"));
        } else if (hashes == Verdict.MIGRATES_WITH_CONDITIONS && !exports(source.hashExportPolicy())) {
            parts.add(new PairDifficulty.Part("Password hashes", 0.5, "Hashes move only just-in-time: a long dual run"));
        }
        long unknowns = items.stream().filter(i -> i.verdict() == Verdict.UNKNOWN).count();
        if (unknowns > 0) {
            parts.add(new PairDifficulty.Part("Unknowns", Math.min(1, unknowns * 0.25), unknowns + " item(s) need the vendor to confirm a fact"));
        }
        if (Objects.equals(items.get(2).verdict(), Verdict.RE_ENROLL) && (inv.totpShare() == null || inv.totpShare() > 0)) {
            parts.add(new PairDifficulty.Part("MFA", 0.5, "TOTP users re-enroll their authenticator apps"));
        }
        Integer logic = inv.customLogicUnits();
        if (logic != null && logic > 10) {
            parts.add(new PairDifficulty.Part("Custom logic", 0.5, logic + " units to rewrite"));
        }
        Integer enterprise = inv.enterpriseConnections();
        if (enterprise != null && enterprise > 20) {
            parts.add(new PairDifficulty.Part("Enterprise connections", 0.5, enterprise + " customer connections to recreate and test"));
        }
        Long total = inv.totalUsers();
        if (total != null && total >= 1_000_000) {
            parts.add(new PairDifficulty.Part("Inventory size", 0.5, "Over a million users: batches, rate limits and a longer import"));
        } else if (total != null && total >= 100_000) {
            parts.add(new PairDifficulty.Part("Inventory size", 0.25, "Over 100,000 users: plan batches and rate limits"));
        }
        double sum = parts.stream().mapToDouble(PairDifficulty.Part::points).sum();
        int score = (int) Math.max(1, Math.min(5, Math.floor(sum + 0.5)));
        return new PairDifficulty(score, List.copyOf(parts));
    }

    private static @Nullable Long reenrolled(List<ItemVerdict> items, Item item) {
        var verdict = items.stream().filter(i -> i.item() == item).findFirst().orElseThrow();
        if (verdict.verdict() == Verdict.RE_ENROLL || verdict.verdict() == Verdict.LOST) {
            return verdict.affected();
        }
        return verdict.verdict() == Verdict.UNKNOWN ? null : 0L;
    }

    private static @Nullable Long sum(@Nullable Long a, @Nullable Long b) {
        return a == null || b == null ? null : a + b;
    }

    private static void addFact(List<Side.Citation> facts, Side.@Nullable Citation fact) {
        if (fact != null) {
            facts.add(fact);
        }
    }
}
