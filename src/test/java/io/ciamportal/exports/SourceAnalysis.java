package io.ciamportal.exports;

import io.ciamportal.exports.ExportAnalysis.Bucket;
import io.ciamportal.exports.ExportAnalysis.Metric;
import io.ciamportal.exports.ExportAnalysis.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Made-up analyses to cast rehearsal exports from: a builder over {@link ExportAnalysis} with the counts a test
 * names, everything else unobservable (as the analyser writes a metric an export cannot show).
 */
public final class SourceAnalysis {

    public static final Instant AS_OF = Instant.parse("2026-12-01T12:00:00Z");
    /** The analyser's default window (a bucket edge, so inactive users are whole buckets). */
    static final int INACTIVE_DAYS = AnalysisOptions.DEFAULT_INACTIVE_DAYS;

    private final Platform platform;
    private final long users;
    private final List<ExportAnalysis.FileInfo> files = new ArrayList<>();
    private Long withPassword;
    private long hashNotInExport;
    private final Map<String, Long> schemes = new LinkedHashMap<>();
    private final Map<String, Long> formats = new LinkedHashMap<>();
    private final Map<String, Long> bcryptCost = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> parameters = new LinkedHashMap<>();
    private Metric passwordless = none();
    private Metric socialOnly = none();
    private Metric emailVerified = none();
    private Metric blocked = none();
    private Metric tenants = none();
    private Metric organizations = none();
    private Metric groups = none();
    private Long mfaUsers;
    private final Map<String, Long> factors = new LinkedHashMap<>();
    private long totpSecrets;
    private long[] buckets;
    private long never;
    private Map<String, Long> providers;
    private long federated;
    private List<String> keys;
    private long duplicates;
    private long duplicateUsers;
    private long withoutEmail;

    private SourceAnalysis(Platform platform, long users) {
        this.platform = platform;
        this.users = users;
    }

    public static SourceAnalysis of(Platform platform, long users, String... kinds) {
        var s = new SourceAnalysis(platform, users);
        for (String kind : kinds) {
            s.files.add(new ExportAnalysis.FileInfo(kind + ".file", 1000, "0".repeat(64), kind, kind, false, users));
        }
        return s;
    }

    public SourceAnalysis gzip() {
        var first = files.removeFirst();
        files.addFirst(new ExportAnalysis.FileInfo(first.name() + ".gz", first.bytes(), first.sha256(), first.kind(), first.kindLabel(), true,
                first.records()));
        return this;
    }

    /** Users with a password hash; then {@link #scheme} for each scheme. */
    public SourceAnalysis passwords(long n) {
        withPassword = n;
        return this;
    }

    /** Users with a password whose hash the export does not carry. */
    public SourceAnalysis hashNotInExport(long n) {
        hashNotInExport = n;
        return this;
    }

    public SourceAnalysis scheme(String scheme, String params, String format, long n) {
        schemes.merge(scheme, n, Long::sum);
        if (!format.isEmpty()) {
            formats.merge(format, n, Long::sum);
        }
        if (!params.isEmpty()) {
            parameters.computeIfAbsent(scheme, k -> new LinkedHashMap<>()).merge(params, n, Long::sum);
            if (scheme.equals("bcrypt")) {
                bcryptCost.merge(params.substring("cost=".length()), n, Long::sum);
            }
        }
        return this;
    }

    /** Passwordless and social-only users, both observed for every user. */
    public SourceAnalysis access(long passwordless, long socialOnly) {
        this.passwordless = new Metric(Status.OBSERVED, passwordless, users, null);
        this.socialOnly = new Metric(Status.OBSERVED, socialOnly, users, null);
        return this;
    }

    public SourceAnalysis verified(long n, long observed) {
        emailVerified = new Metric(observed >= users ? Status.OBSERVED : Status.PARTIAL, n, observed, null);
        return this;
    }

    public SourceAnalysis blocked(long n) {
        blocked = new Metric(Status.OBSERVED, n, users, null);
        return this;
    }

    public SourceAnalysis mfa(long users, long totpSecrets, Object... factorCounts) {
        mfaUsers = users;
        this.totpSecrets = totpSecrets;
        for (int i = 0; i < factorCounts.length; i += 2) {
            factors.put((String) factorCounts[i], ((Number) factorCounts[i + 1]).longValue());
        }
        return this;
    }

    /** never, then the six buckets (under 30 days ... over 2 years). */
    public SourceAnalysis lastSignIn(long never, long... buckets) {
        this.never = never;
        this.buckets = buckets;
        return this;
    }

    public SourceAnalysis providers(long federated, Object... counts) {
        this.federated = federated;
        providers = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i += 2) {
            providers.put((String) counts[i], ((Number) counts[i + 1]).longValue());
        }
        return this;
    }

    public SourceAnalysis keys(String... keys) {
        this.keys = List.of(keys);
        return this;
    }

    public SourceAnalysis duplicates(long emails, long users, long withoutEmail) {
        this.duplicates = emails;
        this.duplicateUsers = users;
        this.withoutEmail = withoutEmail;
        return this;
    }

    public SourceAnalysis tenants(long n) {
        tenants = new Metric(Status.OBSERVED, n, users, null);
        return this;
    }

    public SourceAnalysis organizations(long n) {
        organizations = new Metric(Status.OBSERVED, n, users, null);
        return this;
    }

    public SourceAnalysis groups(long n) {
        groups = new Metric(Status.OBSERVED, n, users, null);
        return this;
    }

    public ExportAnalysis build() {
        Status pw = withPassword == null ? Status.NOT_OBSERVABLE : Status.OBSERVED;
        // as the analyser writes it: an export without hashes has passwords unobservable, and counts those it says exist
        var passwords = new ExportAnalysis.Passwords(pw, withPassword == null ? 0 : users, withPassword, hashNotInExport, schemes, formats,
                bcryptCost, parameters, null);
        var mfa = new ExportAnalysis.Mfa(mfaUsers == null ? Status.NOT_OBSERVABLE : Status.OBSERVED, mfaUsers == null ? 0 : users, mfaUsers,
                factors, totpSecrets, null);
        var histogram = new ArrayList<Bucket>();
        int[][] edges = {{0, 30}, {30, 90}, {90, 180}, {180, 365}, {365, 730}, {730, -1}};
        long observed = buckets == null ? 0 : never;
        long inactive = buckets == null ? 0 : never;
        for (int i = 0; i < edges.length; i++) {
            long n = buckets == null ? 0 : buckets[i];
            observed += n;
            if (edges[i][0] >= INACTIVE_DAYS) {
                inactive += n;
            }
            histogram.add(new Bucket("b" + i, edges[i][0], edges[i][1] < 0 ? null : edges[i][1], n));
        }
        var last = new ExportAnalysis.LastSignIn(buckets == null ? Status.NOT_OBSERVABLE : Status.OBSERVED, observed, buckets == null ? 0 : never,
                histogram, INACTIVE_DAYS, buckets == null ? null : inactive, buckets == null ? null : (double) inactive / observed, null);
        var prov = new ExportAnalysis.Providers(providers == null ? Status.NOT_OBSERVABLE : Status.OBSERVED, providers == null ? Map.of() : providers,
                federated, null);
        var attr = new ExportAnalysis.Keys(keys == null ? Status.NOT_OBSERVABLE : Status.OBSERVED, keys == null ? List.of() : keys, false);
        return new ExportAnalysis(ExportAnalysis.FORMAT, ExportAnalysis.VERSION, platform.id(), platform.label(), false, AS_OF, List.copyOf(files),
                users, new ExportAnalysis.Skipped(0, 0), passwords, passwordless, socialOnly, emailVerified,
                new ExportAnalysis.Duplicates(Status.OBSERVED, duplicates, duplicateUsers, withoutEmail), new ExportAnalysis.SourceIds(0, 0), mfa, last,
                prov, attr, tenants, organizations, groups, blocked, List.of());
    }

    private static Metric none() {
        return new Metric(Status.NOT_OBSERVABLE, null, 0, null);
    }
}
