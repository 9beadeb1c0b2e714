package io.ciamportal.migration;

import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportAnalysis.Status;
import io.ciamportal.vendor.HashSchemes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The inventory an export fills: each field it can count (observed, or a lower bound when only partly observed),
 * leaving the fields it cannot see as they were. Pure.
 *
 * @param inventory the inventory with the export's counts in
 * @param fields    the fields the export set
 */
public record InventoryFromExport(Inventory inventory, Set<String> fields) {

    /** Provider and connection names that are social sign-in (others with federated users are enterprise). */
    static final Set<String> SOCIAL = Set.of("google", "google-oauth2", "google.com", "facebook", "facebook.com", "apple", "apple.com",
            "signinwithapple", "github", "github.com", "twitter", "twitter.com", "x", "microsoft", "microsoft.com", "windowslive", "live",
            "linkedin", "linkedin.com", "amazon", "loginwithamazon", "discord", "gitlab", "slack", "bitbucket", "yahoo", "yahoo.com",
            "line", "spotify", "twitch", "tiktok", "instagram", "paypal", "salesforce", "dropbox", "box", "coinbase", "hubspot", "notion");
    /** Names of password, passwordless and local connections: not identity providers. */
    static final Set<String> LOCAL = Set.of("username-password-authentication", "auth0", "email", "sms", "password", "local", "database",
            "phone", "cognito", "keycloak", "(blank)");

    static InventoryFromExport of(Inventory current, ExportAnalysis a, boolean inHouseSource) {
        var fields = new LinkedHashSet<String>();
        long users = a.users();
        Long totalUsers = current.totalUsers();
        Double passwordShare = current.passwordShare();
        Double totpShare = current.totpShare();
        Double otpShare = current.otpShare();
        Double passkeyShare = current.passkeyShare();
        Double inactiveShare = current.inactiveShare();
        Integer social = current.socialConnections();
        Integer enterprise = current.enterpriseConnections();
        Integer tenants = current.tenants();
        String scheme = current.sourceHashScheme();
        Long monthly = current.monthlyActiveUsers();
        if (users > 0) {
            totalUsers = users;
            fields.add("totalUsers");
            var p = a.passwords();
            if (p.status() != Status.NOT_OBSERVABLE || p.hashNotInExport() > 0) {
                long with = (p.withPassword() == null ? 0 : p.withPassword()) + p.hashNotInExport();
                passwordShare = share(with, users);
                fields.add("passwordShare");
            }
            var m = a.mfa();
            if (m.status() != Status.NOT_OBSERVABLE) {
                totpShare = share(m.factors().getOrDefault("totp", 0L), users);
                otpShare = share(m.factors().getOrDefault("sms", 0L) + m.factors().getOrDefault("email", 0L), users);
                passkeyShare = share(m.factors().getOrDefault("webauthn", 0L), users);
                fields.addAll(List.of("totpShare", "otpShare", "passkeyShare"));
            }
            var l = a.lastSignIn();
            if (l.status() != Status.NOT_OBSERVABLE && l.inactiveShare() != null) {
                inactiveShare = clamp(l.inactiveShare());
                fields.add("inactiveShare");
                long active = l.histogram().stream().filter(b -> b.toDays() != null && b.toDays() <= 30).mapToLong(ExportAnalysis.Bucket::users).sum();
                if (l.status() == Status.OBSERVED) {
                    monthly = active;
                    fields.add("monthlyActiveUsers");
                }
            }
            if (a.providers().status() != Status.NOT_OBSERVABLE) {
                int s = 0;
                int e = 0;
                for (String name : a.providers().counts().keySet()) {
                    String n = name.toLowerCase(Locale.ROOT);
                    if (SOCIAL.contains(n) || SOCIAL.stream().anyMatch(x -> n.startsWith(x + "-") || n.startsWith(x + "_"))) {
                        s++;
                    } else if (!LOCAL.contains(n) && a.providers().federatedUsers() > 0) {
                        e++;
                    }
                }
                social = s;
                enterprise = e;
                fields.addAll(List.of("socialConnections", "enterpriseConnections"));
            }
            Long t = count(a.organizations());
            if (t == null || t == 0) {
                t = count(a.tenants());
            }
            if (t != null && t > 0) {
                tenants = (int) Math.min(Integer.MAX_VALUE, t);
                fields.add("tenants");
            }
            String dominant = a.dominantScheme();
            if (inHouseSource && dominant != null && HashSchemes.known(dominant)) {
                scheme = dominant;
                fields.add("sourceHashScheme");
            }
        }
        var inventory = new Inventory(totalUsers, monthly, passwordShare, totpShare, otpShare, passkeyShare, inactiveShare, social, enterprise,
                current.customLogicUnits(), tenants, current.consentRecords(), current.auditRetentionDays(), current.residencyRegion(),
                current.downtimeTolerance(), scheme);
        return new InventoryFromExport(inventory, Set.copyOf(fields));
    }

    private static @Nullable Long count(ExportAnalysis.Metric m) {
        return m.status() == Status.NOT_OBSERVABLE ? null : m.count();
    }

    private static double share(long n, long of) {
        return clamp(of == 0 ? 0 : (double) n / of);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, Math.round(v * 10_000) / 10_000.0));
    }
}
