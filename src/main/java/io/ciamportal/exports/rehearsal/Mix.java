package io.ciamportal.exports.rehearsal;

import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportAnalysis.Metric;
import io.ciamportal.exports.ExportAnalysis.Status;
import io.ciamportal.exports.Platform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mix of an analysed export as shares, ready to be cast onto any number of made-up users: how people sign in,
 * which hash schemes with which parameters, second factors, verified and blocked shares, the last-sign-in
 * histogram, providers, attribute keys and duplicates. Shares are of all users unless said otherwise. Only what the
 * analysis observed is reproduced; what it could not observe stays unobservable in the rehearsal export too.
 *
 * @param kinds                 the analyser's file kinds of the source (which files the platform's export had)
 * @param withHash              users whose hash is in the export
 * @param withoutHash           users with a password the export carries no hash of
 * @param federatedWithPassword users with a password and a social or enterprise identity
 * @param schemes               scheme, parameters and format, weighted by users in the source
 * @param factors               factor bit to share of users
 * @param verified              share of all users whose email is verified (so the re-analysed share is the same whether the
 *                              reader counts every user or only those with an email)
 * @param blocked               share of all users (an export that writes the flag only when set observes just them)
 * @param lastSignInShare       share of users whose record carries the last sign-in
 * @param never                 share, among those, who never signed in
 * @param buckets               share, among those, per histogram bucket (the analyser's buckets)
 * @param inactiveDays          the source analysis's inactivity window
 * @param providers             provider or connection name to share of users linked through it
 * @param duplicateGroups       distinct emails held by more than one user, per user
 * @param duplicateUsers        users holding such an email, per user
 */
public record Mix(Platform platform, List<String> kinds, boolean gzip, long sourceUsers,
        double withHash, double withoutHash, double socialOnly, double passwordless, double federatedWithPassword,
        boolean passwordsObserved, List<Weighted<Hashes.Spec>> schemes,
        boolean mfaObserved, double mfaUsers, Map<Integer, Double> factors, boolean totpInFile,
        boolean verifiedObserved, double verified, boolean blockedObserved, double blocked,
        boolean lastSignInObserved, double lastSignInShare, double never, double[] buckets, int inactiveDays,
        boolean providersObserved, Map<String, Double> providers, List<String> attributeKeys,
        int tenants, int organizations, int groups,
        double duplicateGroups, double duplicateUsers, double withoutEmail) {

    /** A value with its weight (users in the source). */
    public record Weighted<T>(T value, double weight) {}

    /** The analyser's last-sign-in buckets in days: [from, to), the last open-ended. */
    public static final int[][] BUCKETS = {{0, 30}, {30, 90}, {90, 180}, {180, 365}, {365, 730}, {730, -1}};

    static final Map<String, Integer> FACTOR_BITS = Map.of("totp", 1, "sms", 2, "email", 4, "webauthn", 8, "push", 16,
            "recovery-codes", 32, "other", 64);

    public static Mix of(ExportAnalysis a) {
        Platform platform = Platform.byId(a.platform()).orElse(Platform.GENERIC);
        double users = Math.max(1, a.users());
        var p = a.passwords();
        boolean passwordsObserved = p.status() != Status.NOT_OBSERVABLE && p.withPassword() != null;
        double withHash = passwordsObserved ? p.withPassword() / users : 0;
        double pl = count(a.passwordless()) / users;
        double so = count(a.socialOnly()) / users;
        boolean known = a.passwordless().status() != Status.NOT_OBSERVABLE && a.passwordless().observedUsers() > 0;
        double withoutHash;
        if (known) {
            // every user the analyser could place is passwordless, social-only or has a password (hash or not)
            double placed = a.passwordless().observedUsers() / users;
            double hasPassword = Math.max(withHash, placed - pl - so);
            withoutHash = Math.max(p.hashNotInExport() / users, Math.max(0, hasPassword - withHash));
            double sum = withHash + withoutHash + so + pl;
            if (sum > 0) {
                withHash /= sum;
                withoutHash /= sum;
                so /= sum;
                pl /= sum;
            }
        } else {
            // not told apart: users without a hash in the export are cast without a password
            withoutHash = Math.min(1 - withHash, p.hashNotInExport() / users);
            pl = Math.max(0, 1 - withHash - withoutHash - so);
        }
        boolean providersObserved = a.providers().status() != Status.NOT_OBSERVABLE;
        double federated = providersObserved ? a.providers().federatedUsers() / users : so;
        double federatedWithPassword = Math.max(0, Math.min(withHash + withoutHash, federated - so));

        var m = a.mfa();
        boolean mfaObserved = m.status() != Status.NOT_OBSERVABLE && m.users() != null;
        var factors = new LinkedHashMap<Integer, Double>();
        if (mfaObserved) {
            m.factors().forEach((name, n) -> factors.merge(FACTOR_BITS.getOrDefault(name, 64), n / users, Double::sum));
        }

        var l = a.lastSignIn();
        boolean lastObserved = l.status() != Status.NOT_OBSERVABLE && l.observedUsers() > 0;
        double observedLast = Math.max(1, l.observedUsers());
        double[] buckets = new double[BUCKETS.length];
        if (lastObserved) {
            for (int i = 0; i < BUCKETS.length && i < l.histogram().size(); i++) {
                buckets[i] = l.histogram().get(i).users() / observedLast;
            }
        }

        var providers = new LinkedHashMap<String, Double>();
        if (providersObserved) {
            a.providers().counts().forEach((name, n) -> providers.put(name, n / users));
        }
        var d = a.duplicateEmails();
        return new Mix(platform, a.files().stream().map(ExportAnalysis.FileInfo::kind).distinct().toList(),
                a.files().stream().anyMatch(ExportAnalysis.FileInfo::gzip), a.users(),
                withHash, withoutHash, so, pl, federatedWithPassword, passwordsObserved, schemes(a),
                mfaObserved, mfaObserved ? m.users() / users : 0, factors, m.totpSecretsInFile() > 0,
                observed(a.emailVerified()), count(a.emailVerified()) / users, observed(a.blocked()), count(a.blocked()) / users,
                lastObserved, lastObserved ? l.observedUsers() / users : 0, lastObserved ? l.never() / observedLast : 0, buckets, l.inactiveDays(),
                providersObserved, providers,
                a.customAttributes().status() == Status.NOT_OBSERVABLE ? List.of() : a.customAttributes().keys(),
                distinct(a.tenants()), distinct(a.organizations()), distinct(a.groups()),
                d.duplicates() / users, d.usersAffected() / users, d.withoutEmail() / users);
    }

    /** Scheme, parameters and format per group of users, from the analysis's scheme, parameter and format counts. */
    static List<Weighted<Hashes.Spec>> schemes(ExportAnalysis a) {
        var p = a.passwords();
        var out = new ArrayList<Weighted<Hashes.Spec>>();
        var formatsLeft = new LinkedHashMap<String, Long>(p.formats());
        p.schemes().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> {
            String scheme = e.getKey();
            long total = e.getValue();
            var byParams = new LinkedHashMap<String, Long>(p.parameters().getOrDefault(scheme, Map.of()));
            if (byParams.isEmpty() && scheme.equals("bcrypt")) {
                p.bcryptCost().forEach((cost, n) -> byParams.put("cost=" + cost, n));
            }
            long named = byParams.values().stream().mapToLong(Long::longValue).sum();
            if (named < total) {
                byParams.merge("", total - named, Long::sum);
            }
            byParams.remove("other");
            byParams.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(pe -> {
                String format = formatsLeft.entrySet().stream().filter(f -> f.getValue() > 0 && compatible(scheme, f.getKey()))
                        .max(Comparator.comparingLong(Map.Entry::getValue)).map(Map.Entry::getKey).orElse("");
                if (!format.isEmpty()) {
                    formatsLeft.merge(format, -pe.getValue(), Long::sum);
                }
                out.add(new Weighted<>(new Hashes.Spec(scheme, pe.getKey(), format), pe.getValue()));
            });
        });
        return out;
    }

    /** Whether the analyser could have named this format for this scheme. */
    static boolean compatible(String scheme, String format) {
        return switch (scheme) {
            case "bcrypt" -> format.equals("Modular crypt") || format.equals("Spring Security {bcrypt}") || format.equals("Django bcrypt");
            case "argon2id", "argon2i", "argon2d" -> format.equals("PHC string") || format.equals("Django");
            case "pbkdf2-sha1", "pbkdf2-sha256", "pbkdf2-sha512" -> format.equals("PHC string") || format.equals("Django")
                    || format.equals("passlib") || format.equals("Werkzeug") || format.startsWith("ASP.NET Identity") || format.equals("LDAP {PBKDF2}");
            case "scrypt" -> format.equals("PHC string") || format.equals("Werkzeug");
            case "phpass" -> format.endsWith("phpass");
            case "ssha" -> format.startsWith("LDAP {SSHA");
            case "ldap" -> format.startsWith("LDAP {") && !format.startsWith("LDAP {SSHA");
            case "sha256-crypt", "sha512-crypt" -> format.equals("crypt(3)");
            case "crypt" -> format.contains("MD5");
            default -> false;
        };
    }

    private static long count(Metric m) {
        return m.status() == Status.NOT_OBSERVABLE || m.count() == null ? 0 : m.count();
    }

    private static boolean observed(Metric m) {
        return m.status() != Status.NOT_OBSERVABLE && m.count() != null && m.observedUsers() > 0;
    }

    private static int distinct(Metric m) {
        return observed(m) || (m.status() != Status.NOT_OBSERVABLE && m.count() != null) ? (int) Math.min(m.count(), 10_000) : 0;
    }
}
