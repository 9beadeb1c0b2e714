package io.ciamportal.vendor;

import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The published rules that turn a vendor's facts into inbound and outbound migration difficulty (docs/difficulty.md,
 * and the in-app "How scores work" text). Each score starts at 1; every rule adds points for what makes the move
 * harder; the sum is rounded half up and kept between 1 and 5. An unknown fact costs points too: a migration plan
 * cannot rely on what nobody has confirmed. Pure: no Spring, no database.
 */
public final class DifficultyRules {

    /** What the rules read. {@code capabilities} maps capability keys to support (missing = unknown). */
    public record Inputs(
            HashExportPolicy hashExportPolicy,
            @Nullable String hashExportScheme,
            Set<String> hashImportSchemes,
            Map<String, Support> capabilities,
            LifecycleStatus lifecycle,
            boolean openSource) {

        Support support(String capability) {
            return capabilities.getOrDefault(capability, Support.UNKNOWN);
        }
    }

    private DifficultyRules() {}

    /** How hard it is to leave this vendor. */
    public static Difficulty outbound(Inputs in, @Nullable Integer override, @Nullable String reason) {
        var parts = new ArrayList<Difficulty.Contribution>();
        switch (in.hashExportPolicy()) {
            case SELF_SERVE -> parts.add(c("Password-hash export", 0, "Hashes can be exported self-serve"));
            case PAID_TIER -> parts.add(c("Password-hash export", 0.5, "Hashes can be exported, but only on a paid plan"));
            case SUPPORT_TICKET -> parts.add(c("Password-hash export", 1, "Hashes only through a support ticket: lead time and approvals"));
            case NONE -> parts.add(c("Password-hash export", 2, "Hashes never leave: users move just-in-time or reset their password"));
            case UNKNOWN -> parts.add(c("Password-hash export", 1.5, "Whether hashes can be exported is unknown: verify with the vendor"));
        }
        boolean exports = in.hashExportPolicy() == HashExportPolicy.SELF_SERVE || in.hashExportPolicy() == HashExportPolicy.PAID_TIER
                || in.hashExportPolicy() == HashExportPolicy.SUPPORT_TICKET;
        if (exports) {
            String scheme = in.hashExportScheme();
            if (scheme == null) {
                parts.add(c("Exported hash scheme", 0.5, "The scheme of exported hashes is unknown"));
            } else if (HashSchemes.WIDELY_IMPORTED.contains(scheme)) {
                parts.add(c("Exported hash scheme", 0, scheme + " is imported by most destinations"));
            } else {
                parts.add(c("Exported hash scheme", 0.5, scheme + " is accepted by fewer destinations"));
            }
        }
        parts.add(bySupport("TOTP secret export", in.support("totp-export"), 0, 0.5, 1, 0.5,
                "TOTP secrets", "users re-enroll their authenticator apps"));
        parts.add(bySupport("Bulk user export", in.support("bulk-export"), 0, 0.5, 1, 0.5,
                "Users", "profiles must be extracted some other way"));
        if (in.support("actions-hooks") == Support.YES && !in.openSource()) {
            parts.add(c("Extension model", 0.5, "Custom logic lives in the vendor's proprietary hooks and must be rewritten"));
        }
        if (in.lifecycle() != LifecycleStatus.ACTIVE) {
            parts.add(c("Lifecycle", 0.5, "End of sale or life: the move has a deadline"));
        }
        return result(parts, override, reason);
    }

    /** How hard it is to arrive on this vendor. */
    public static Difficulty inbound(Inputs in, @Nullable Integer override, @Nullable String reason) {
        var parts = new ArrayList<Difficulty.Contribution>();
        if (in.lifecycle() != LifecycleStatus.ACTIVE) {
            parts.add(c("Lifecycle", 4, "Not sold to new customers: nobody can arrive"));
            return result(parts, override, reason);
        }
        var schemes = in.hashImportSchemes();
        if (schemes.contains("bcrypt")) {
            parts.add(c("Password-hash import", 0, "Imports bcrypt, the most common export format"
                    + (schemes.size() > 1 ? ", and " + (schemes.size() - 1) + " more scheme(s)" : "")));
        } else if (!schemes.isEmpty()) {
            parts.add(c("Password-hash import", 0.5, "Imports some schemes, but not bcrypt"));
        } else if (in.support("hash-import") == Support.NO) {
            parts.add(c("Password-hash import", 1.5, "Imports no hashes: just-in-time migration or password resets"));
        } else {
            parts.add(c("Password-hash import", 1, "Accepted hash schemes are unknown: verify with the vendor"));
        }
        parts.add(bySupport("Just-in-time migration hook", in.support("jit-migration"), 0, 0.5, 1, 0.5,
                "A hook", "users whose hashes cannot move must reset"));
        parts.add(bySupport("Bulk user import", in.support("bulk-import"), 0, 0.5, 1, 0.5,
                "Bulk import", "users are created one API call at a time"));
        parts.add(bySupport("TOTP secret import", in.support("totp-import"), 0, 0.5, 0.5, 0.5,
                "TOTP import", "users re-enroll their authenticator apps"));
        parts.add(bySupport("Passkey import", in.support("passkey-import"), 0, 0.25, 0.25, 0.25,
                "Passkey import", "users register passkeys again"));
        parts.add(bySupport("Organizations model", in.support("organizations"), 0, 0.25, 0.5, 0.5,
                "Organizations", "tenants and roles need a model of your own"));
        return result(parts, override, reason);
    }

    private static Difficulty.Contribution bySupport(String fact, Support support, double yes, double partial, double no,
            double unknown, String subject, String consequence) {
        return switch (support) {
            case YES -> c(fact, yes, subject + " supported");
            case PARTIAL, PAID_ADDON -> c(fact, partial, subject + " " + support.label().toLowerCase(java.util.Locale.ROOT) + ": " + consequence + " in part");
            case NO -> c(fact, no, "No: " + consequence);
            case UNKNOWN -> c(fact, unknown, "Unknown: verify with the vendor; otherwise " + consequence);
        };
    }

    private static Difficulty result(List<Difficulty.Contribution> parts, @Nullable Integer override, @Nullable String reason) {
        double sum = 1 + parts.stream().mapToDouble(Difficulty.Contribution::points).sum();
        int computed = (int) Math.max(1, Math.min(5, Math.floor(sum + 0.5)));
        if (override != null && (override < 1 || override > 5)) {
            throw new IllegalArgumentException("An override must be between 1 and 5");
        }
        return new Difficulty(override != null ? override : computed, computed, override, override == null ? null : reason,
                List.copyOf(parts));
    }

    private static Difficulty.Contribution c(String fact, double points, String reason) {
        return new Difficulty.Contribution(fact, points, reason);
    }
}
