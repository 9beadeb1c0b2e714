package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportAnalysis.Bucket;
import io.ciamportal.exports.ExportAnalysis.Metric;
import io.ciamportal.exports.ExportAnalysis.Status;
import io.ciamportal.exports.ExportAnalysis.Warning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The counts of one analysis, fed one {@link UserRecord} at a time. Per user it keeps only 64-bit keyed values of the
 * id and the email ({@link Keyed}, a key per run), counted at {@link #finish} ({@link KeyRuns}: a bounded buffer, then
 * sorted runs in temporary files, merged); everything else is a counter. {@link #close} deletes the runs. Not
 * thread-safe.
 */
public final class Tally implements AutoCloseable {

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    static final int MAX_NAMES = 200;
    static final int MAX_KEYS = 500;
    static final int[][] BUCKETS = {{0, 30}, {30, 90}, {90, 180}, {180, 365}, {365, 730}, {730, -1}};

    private final Keyed keyed;
    private final Instant asOf;
    private final int inactiveDays;
    private final SpillFiles spill;

    long users;
    long serviceAccounts;
    long emptyRecords;
    long emptyIds;
    long duplicateIds;
    private final KeyRuns ids;
    private final KeyRuns emails;
    long withoutEmail;
    long duplicateEmails;
    long duplicateEmailUsers;
    long verifiedObserved;
    long verified;
    long passwordObserved;
    long withPassword;
    long passwordWithoutHash;
    private final Map<String, long[]> schemes = new HashMap<>();
    private final Map<String, long[]> formats = new HashMap<>();
    private final Map<Integer, long[]> bcryptCost = new TreeMap<>();
    private final Map<String, Map<String, long[]>> parameters = new HashMap<>();
    long passwordlessObserved;
    long passwordless;
    long socialOnlyObserved;
    long socialOnly;
    long mfaObserved;
    long mfaUsers;
    final long[] factors = new long[UserRecord.FACTOR_NAMES.length];
    long totpSecrets;
    long lastSignInObserved;
    long neverSignedIn;
    final long[] buckets = new long[BUCKETS.length];
    long inactive;
    long providersObserved;
    long federatedUsers;
    private final Map<String, long[]> providers = new HashMap<>();
    long attributesObserved;
    private final TreeSet<String> attributeKeys = new TreeSet<>();
    private final java.util.HashSet<String> attributeKeysSeen = new java.util.HashSet<>();
    private final Map<String, long[]> providerCounters = new HashMap<>();
    boolean attributeKeysTruncated;
    long tenantsObserved;
    long organizationsObserved;
    long groupsObserved;
    private final KeyRuns tenants;
    private final KeyRuns organizations;
    private final KeyRuns groups;
    long blockedObserved;
    long blocked;
    private final Map<String, Warning> warnings = new LinkedHashMap<>();

    // joins between files of one export: keyed email or id -> interned hash (index + 1) or factor bits
    private final KeyRuns passwordsByEmail;
    private final KeyRuns passwordsById;
    private final KeyRuns mfaById;
    private final KeyRuns totpSecretsById;
    private boolean mfaFileRead;
    private final List<HashInfo> interned = new ArrayList<>();
    private final Map<HashInfo, Integer> internIndex = new HashMap<>();
    private @Nullable Tally secondary;
    private @Nullable Keyed fingerprintKey;
    private int[] fingerprints = new int[0];
    private int fingerprintCount;

    public Tally(Keyed keyed, Instant asOf, int inactiveDays) {
        this(keyed, asOf, inactiveDays, SpillFiles.DEFAULT_KEYS_IN_MEMORY);
    }

    /** A tally whose keyed values go to temporary runs above {@code keysInMemory} per table (tests force a few). */
    public Tally(Keyed keyed, Instant asOf, int inactiveDays, int keysInMemory) {
        this(keyed, asOf, inactiveDays, new SpillFiles(keysInMemory));
        // the runs go when the analysis is collected, at the latest (an upload given up half way)
        CLEANER.register(this, spill::close);
    }

    private Tally(Keyed keyed, Instant asOf, int inactiveDays, SpillFiles spill) {
        this.keyed = keyed;
        this.asOf = asOf;
        this.inactiveDays = inactiveDays;
        this.spill = spill;
        this.ids = new KeyRuns(spill, false);
        this.emails = new KeyRuns(spill, false);
        this.tenants = new KeyRuns(spill, false);
        this.organizations = new KeyRuns(spill, false);
        this.groups = new KeyRuns(spill, false);
        this.passwordsByEmail = new KeyRuns(spill, true);
        this.passwordsById = new KeyRuns(spill, true);
        this.mfaById = new KeyRuns(spill, true);
        this.totpSecretsById = new KeyRuns(spill, false);
    }

    /** Deletes the temporary runs (the analysis is over, finished or failed). Safe to call more than once. */
    @Override
    public void close() {
        spill.close();
    }

    /** Runs written to temporary files so far (tests). */
    public int spilledRuns() {
        return spill.runs();
    }

    public Keyed keyed() {
        return keyed;
    }

    /** The day the analysis counts back from (sign-in recency, a ban that ends after it). */
    public Instant asOf() {
        return asOf;
    }

    /**
     * The users of files that only add to others (a password-hash export joined by email): counted apart, and used
     * as the result only when no main user file is in the analysis.
     */
    public Tally secondary() {
        if (secondary == null) {
            secondary = new Tally(keyed, asOf, inactiveDays, spill);
            if (fingerprintKey != null) {
                secondary.collectFingerprints(fingerprintKey);
            }
        }
        return secondary;
    }

    public long users() {
        return users;
    }

    public void warn(String code, String message) {
        if (warnings.size() < 50) {
            warnings.putIfAbsent(code, new Warning(code, message));
        }
    }

    public void emptyRecord() {
        emptyRecords++;
    }

    /** Counts one user and resets the record. */
    public void add(UserRecord r) {
        try {
            if (r.serviceAccount) {
                serviceAccounts++;
                return;
            }
            users++;
            countIds(r);
            countEmail(r);
            countPassword(r);
            countMfa(r);
            countLastSignIn(r);
            countProviders(r);
            countAttributes(r);
            countDistinct(r.tenantsObserved, r.tenants, tenants, Kind.TENANT);
            countDistinct(r.organizationsObserved, r.organizations, organizations, Kind.ORG);
            countDistinct(r.groupsObserved, r.groups, groups, Kind.GROUP);
            if (r.blocked != null) {
                blockedObserved++;
                if (r.blocked) {
                    blocked++;
                }
            }
        } finally {
            r.reset();
        }
    }

    /** A password-hash record to be joined to a user of another file by email. */
    public void joinPasswordByEmail(String email, @Nullable HashInfo hash) {
        if (hash != null) {
            passwordsByEmail.add(keyed.email(email), intern(hash));
        }
    }

    /** A password-hash record to be joined to a user of another file by source id. */
    public void joinPasswordById(String id, @Nullable HashInfo hash) {
        if (hash != null) {
            passwordsById.add(keyed.id(id), intern(hash));
        }
    }

    /** Second factors recorded in another file, joined by the user's source id (no bits: a factor not in use). */
    public void joinMfaById(String id, int factorBits) {
        mfaById.add(keyed.id(id), factorBits);
    }

    /** A TOTP secret held in another file for the user with this source id (counted as portable when the user is found). */
    public void joinTotpSecretById(String id) {
        totpSecretsById.add(keyed.id(id));
    }

    /**
     * A file listing every user's second factors was read: MFA is observed for every user even when the file holds
     * no factor at all (a user missing from it has none).
     */
    public void mfaFileRead() {
        mfaFileRead = true;
    }

    private int intern(HashInfo hash) {
        Integer index = internIndex.get(hash);
        if (index == null) {
            if (interned.size() >= 126) {
                hash = HashInfo.of(hash.scheme(), hash.format());
                index = internIndex.get(hash);
                if (index == null) {
                    return 127;
                }
                return index + 1;
            }
            index = interned.size();
            interned.add(hash);
            internIndex.put(hash, index);
        }
        return index + 1;
    }

    /** Also keeps a 32-bit fingerprint of every source id under this key, for counting added and removed users later. */
    public void collectFingerprints(Keyed key) {
        this.fingerprintKey = key;
        if (secondary != null) {
            secondary.collectFingerprints(key);
        }
    }

    /** The id fingerprints collected, sorted (unsigned); empty unless {@link #collectFingerprints} was called. */
    public int[] fingerprints() {
        if (users == 0 && secondary != null && secondary.users > 0) {
            return secondary.fingerprints();
        }
        int[] out = java.util.Arrays.copyOf(fingerprints, fingerprintCount);
        for (int i = 0; i < out.length; i++) {
            out[i] ^= Integer.MIN_VALUE;
        }
        java.util.Arrays.sort(out);
        for (int i = 0; i < out.length; i++) {
            out[i] ^= Integer.MIN_VALUE;
        }
        return out;
    }

    private void countIds(UserRecord r) {
        if (r.id == null || r.id.isBlank()) {
            emptyIds++;
            return;
        }
        if (fingerprintKey != null) {
            if (fingerprintCount == fingerprints.length) {
                fingerprints = java.util.Arrays.copyOf(fingerprints, Math.max(1024, fingerprints.length * 2));
            }
            fingerprints[fingerprintCount++] = (int) fingerprintKey.id(r.id);
        }
        ids.add(r.keyedWith == keyed ? r.idKey : keyed.id(r.id));
    }

    private void countEmail(UserRecord r) {
        if (r.email == null || r.email.isBlank()) {
            withoutEmail++;
        } else {
            emails.add(r.keyedWith == keyed ? r.emailKey : keyed.email(r.email));
        }
        if (r.emailVerified != null) {
            verifiedObserved++;
            if (r.emailVerified) {
                verified++;
            }
        }
    }

    private void countPassword(UserRecord r) {
        HashInfo hash = r.hash;
        if (r.passwordObserved) {
            passwordObserved++;
            if (hash != null) {
                withPassword++;
                countHash(hash, 1);
            }
        }
        if (r.passwordWithoutHash && hash == null) {
            passwordWithoutHash++;
        }
        boolean hasPassword = hash != null || r.passwordWithoutHash;
        // passwordless and social-only need both sides known: the password, and the federated identities
        boolean known = r.passwordlessObserved || (r.passwordObserved && r.providersObserved);
        if (!known) {
            return;
        }
        passwordlessObserved++;
        socialOnlyObserved++;
        boolean isPasswordless = r.passwordlessObserved ? r.passwordless : !hasPassword && !r.federated;
        if (isPasswordless) {
            passwordless++;
        } else if (!hasPassword && r.federated) {
            socialOnly++;
        }
    }

    private void countHash(HashInfo hash, long n) {
        schemes.computeIfAbsent(hash.scheme(), k -> new long[1])[0] += n;
        formats.computeIfAbsent(hash.format(), k -> new long[1])[0] += n;
        if (hash.bcryptCost() != null) {
            bcryptCost.computeIfAbsent(hash.bcryptCost(), k -> new long[1])[0] += n;
        }
        if (hash.parameters() != null) {
            var byScheme = parameters.computeIfAbsent(hash.scheme(), k -> new HashMap<>());
            String key = byScheme.size() >= MAX_NAMES && !byScheme.containsKey(hash.parameters()) ? "other" : hash.parameters();
            byScheme.computeIfAbsent(key, k -> new long[1])[0] += n;
        }
    }

    private void countMfa(UserRecord r) {
        if (!r.mfaObserved) {
            return;
        }
        mfaObserved++;
        if (r.mfaFactors != 0) {
            mfaUsers++;
            for (int i = 0; i < factors.length; i++) {
                if ((r.mfaFactors & (1 << i)) != 0) {
                    factors[i]++;
                }
            }
        }
        if (r.totpSecretInFile) {
            totpSecrets++;
        }
    }

    private void countLastSignIn(UserRecord r) {
        if (!r.lastSignInObserved) {
            return;
        }
        lastSignInObserved++;
        if (r.lastSignInMillis < 0) {
            neverSignedIn++;
            inactive++;
            return;
        }
        long days = Math.max(0, Duration.ofMillis(asOf.toEpochMilli() - r.lastSignInMillis).toDays());
        for (int i = 0; i < BUCKETS.length; i++) {
            if (BUCKETS[i][1] < 0 || days < BUCKETS[i][1]) {
                buckets[i]++;
                break;
            }
        }
        if (days >= inactiveDays) {
            inactive++;
        }
    }

    private void countProviders(UserRecord r) {
        if (!r.providersObserved) {
            return;
        }
        providersObserved++;
        if (r.federated) {
            federatedUsers++;
        }
        var names = r.providers;
        var seen = names.size() > 8 ? new java.util.HashSet<String>() : null;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (seen != null ? !seen.add(name) : names.subList(0, i).contains(name)) {
                continue;
            }
            // a name as written maps to its counter once (the same few names recur on every user)
            long[] counter = providerCounters.get(name);
            if (counter == null) {
                String safe = Names.safe(name);
                String key = providers.size() >= MAX_NAMES && !providers.containsKey(safe) ? "other" : safe;
                counter = providers.computeIfAbsent(key, k -> new long[1]);
                if (providerCounters.size() < 4 * MAX_NAMES) {
                    providerCounters.put(name, counter);
                }
            }
            counter[0]++;
        }
    }

    private void countAttributes(UserRecord r) {
        if (!r.attributesObserved) {
            return;
        }
        attributesObserved++;
        for (String key : r.attributeKeys) {
            // a key as written needs cleaning and placing once; again it changes nothing
            if (attributeKeysSeen.contains(key)) {
                continue;
            }
            if (attributeKeysSeen.size() < 4 * MAX_KEYS) {
                attributeKeysSeen.add(key);
            }
            if (attributeKeys.size() >= MAX_KEYS) {
                if (!attributeKeys.contains(Names.safe(key))) {
                    attributeKeysTruncated = true;
                }
                continue;
            }
            attributeKeys.add(Names.safe(key));
        }
    }

    private enum Kind { TENANT, ORG, GROUP }

    private void countDistinct(boolean observed, List<String> names, KeyRuns distinct, Kind kind) {
        if (!observed) {
            return;
        }
        switch (kind) {
            case TENANT -> tenantsObserved++;
            case ORG -> organizationsObserved++;
            case GROUP -> groupsObserved++;
        }
        for (String name : names) {
            distinct.add(keyed.id(kind.name() + ':' + name));
        }
    }

    // ---- the document ------------------------------------------------------------------------------------------

    /** Joins the files' records and writes the document. */
    public ExportAnalysis finish(String platform, String platformName, boolean forced, List<ExportAnalysis.FileInfo> files,
            Map<String, String> allNotes) {
        if (users == 0 && secondary != null && secondary.users > 0) {
            secondary.warnings.putAll(warnings);
            return secondary.finish(platform, platformName, forced, files, allNotes);
        }
        countDuplicates();
        joinPasswords();
        joinMfa();
        // a note says why a metric is not observable: it goes when another file of the export observed it
        var notes = new java.util.HashMap<>(allNotes);
        dropIfObserved(notes, "passwords", passwordObserved);
        dropIfObserved(notes, "mfa", mfaObserved);
        dropIfObserved(notes, "lastSignIn", lastSignInObserved);
        dropIfObserved(notes, "providers", providersObserved);
        dropIfObserved(notes, "emailVerified", verifiedObserved);
        dropIfObserved(notes, "tenants", tenantsObserved);
        dropIfObserved(notes, "organizations", organizationsObserved);
        dropIfObserved(notes, "groups", groupsObserved);
        dropIfObserved(notes, "blocked", blockedObserved);
        if (users == 0) {
            warn("no-users", "The export holds no users.");
        }
        var w = new ArrayList<>(warnings.values());
        return new ExportAnalysis(ExportAnalysis.FORMAT, ExportAnalysis.VERSION, platform, platformName, forced, asOf, List.copyOf(files),
                users, new ExportAnalysis.Skipped(serviceAccounts, emptyRecords), passwords(notes.get("passwords")),
                metric(passwordlessObserved, passwordless, notes.get("passwordless")),
                metric(socialOnlyObserved, socialOnly, notes.get("socialOnly")),
                metric(verifiedObserved, verified, notes.get("emailVerified")),
                new ExportAnalysis.Duplicates(Status.of(users - withoutEmail, users), duplicateEmails, duplicateEmailUsers, withoutEmail),
                new ExportAnalysis.SourceIds(duplicateIds, emptyIds),
                mfa(notes.get("mfa")), lastSignIn(notes.get("lastSignIn")), providers(notes.get("providers")),
                new ExportAnalysis.Keys(Status.of(attributesObserved, users), List.copyOf(attributeKeys), attributeKeysTruncated),
                metric(tenantsObserved, distinct(tenants), notes.get("tenants")),
                metric(organizationsObserved, distinct(organizations), notes.get("organizations")),
                metric(groupsObserved, distinct(groups), notes.get("groups")),
                metric(blockedObserved, blocked, notes.get("blocked")), List.copyOf(w));
    }

    /** Source ids and emails seen more than once: a value counted twice or more is one duplicate, of that many users. */
    private void countDuplicates() {
        KeyRuns.sortTogether(ids, emails);
        duplicateIds = 0;
        try (var g = ids.groups()) {
            while (g.next()) {
                if (g.count() > 1) {
                    duplicateIds++;
                }
            }
        }
        duplicateEmails = 0;
        duplicateEmailUsers = 0;
        try (var g = emails.groups()) {
            while (g.next()) {
                if (g.count() > 1) {
                    duplicateEmails++;
                    duplicateEmailUsers += g.count();
                }
            }
        }
    }

    private static long distinct(KeyRuns values) {
        long n = 0;
        try (var g = values.groups()) {
            while (g.next()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Walks the join's records (distinct keys, in order) against the users' keys (in the same order), both sorted:
     * calls {@code matched} for a record whose key is a user's, and counts the others.
     */
    private static long join(KeyRuns records, KeyRuns users, java.util.function.Consumer<KeyRuns.Groups> matched) {
        long orphans = 0;
        try (var r = records.groups(); var u = users.groups()) {
            boolean more = u.next();
            while (r.next()) {
                while (more && u.key() < r.key()) {
                    more = u.next();
                }
                if (more && u.key() == r.key()) {
                    matched.accept(r);
                } else {
                    orphans++;
                }
            }
        }
        return orphans;
    }

    private void joinPasswords() {
        boolean byEmail = passwordsByEmail.added() > 0;
        boolean byId = passwordsById.added() > 0;
        if (!byEmail && !byId) {
            return;
        }
        long[] perIndex = new long[128];
        // a record's hash is the largest index given for its key (as before: one record per user and key)
        long orphans = join(byEmail ? passwordsByEmail : passwordsById, byEmail ? emails : ids, g -> perIndex[g.max()]++);
        // the hash file covers every user: those without a record in it have no password
        long matched = 0;
        for (int i = 1; i < perIndex.length; i++) {
            if (perIndex[i] > 0) {
                HashInfo hash = i <= interned.size() ? interned.get(i - 1) : HashInfo.of("other", "other");
                countHash(hash, perIndex[i]);
                matched += perIndex[i];
            }
        }
        passwordObserved = this.users;
        withPassword = matched;
        passwordWithoutHash = 0;
        if (orphans > 0) {
            warn("unmatched-password-records", orphans + " password record(s) match no user in the export (joined by "
                    + (byEmail ? "email" : "id") + "): the files may come from different exports or days.");
        }
    }

    private void joinMfa() {
        if (mfaById.added() == 0 && !mfaFileRead) {
            return;
        }
        long orphans = join(mfaById, ids, g -> {
            int bits = g.or();
            if (bits != 0) {
                mfaUsers++;
            }
            for (int i = 0; i < factors.length; i++) {
                if ((bits & (1 << i)) != 0) {
                    factors[i]++;
                }
            }
        });
        join(totpSecretsById, ids, g -> totpSecrets++);
        mfaObserved = users;
        if (orphans > 0) {
            warn("unmatched-mfa-records", orphans + " second-factor record(s) match no user in the export.");
        }
    }

    private void dropIfObserved(Map<String, String> notes, String metric, long observed) {
        if (observed >= users) {
            notes.remove(metric);
        }
    }

    private Metric metric(long observed, long count, @Nullable String note) {
        Status status = Status.of(observed, users);
        return new Metric(status, status == Status.NOT_OBSERVABLE ? null : count, observed, note);
    }

    private ExportAnalysis.Passwords passwords(@Nullable String note) {
        Status status = Status.of(passwordObserved, users);
        String n = note;
        if (passwordWithoutHash > 0) {
            String extra = passwordWithoutHash + " user(s) have a password this export does not carry the hash of.";
            n = n == null ? extra : n + " " + extra;
        }
        Map<String, Map<String, Long>> params = new TreeMap<>();
        parameters.forEach((scheme, byParams) -> params.put(scheme, sortedByCount(byParams)));
        var costs = new LinkedHashMap<String, Long>();
        bcryptCost.forEach((cost, count) -> costs.put(String.valueOf(cost), count[0]));
        return new ExportAnalysis.Passwords(status, passwordObserved, status == Status.NOT_OBSERVABLE ? null : withPassword,
                passwordWithoutHash, sortedByCount(schemes), sortedByCount(formats), costs, params, n);
    }

    private ExportAnalysis.Mfa mfa(@Nullable String note) {
        Status status = Status.of(mfaObserved, users);
        var byFactor = new LinkedHashMap<String, Long>();
        for (int i = 0; i < factors.length; i++) {
            if (factors[i] > 0) {
                byFactor.put(UserRecord.FACTOR_NAMES[i], factors[i]);
            }
        }
        return new ExportAnalysis.Mfa(status, mfaObserved, status == Status.NOT_OBSERVABLE ? null : mfaUsers, byFactor, totpSecrets, note);
    }

    private ExportAnalysis.LastSignIn lastSignIn(@Nullable String note) {
        Status status = Status.of(lastSignInObserved, users);
        var histogram = new ArrayList<Bucket>();
        for (int i = 0; i < BUCKETS.length; i++) {
            int from = BUCKETS[i][0];
            Integer to = BUCKETS[i][1] < 0 ? null : BUCKETS[i][1];
            histogram.add(new Bucket(label(from, to), from, to, buckets[i]));
        }
        boolean none = status == Status.NOT_OBSERVABLE;
        return new ExportAnalysis.LastSignIn(status, lastSignInObserved, neverSignedIn, histogram, inactiveDays, none ? null : inactive,
                none ? null : (double) inactive / lastSignInObserved, note);
    }

    private static String label(int from, @Nullable Integer to) {
        if (to == null) {
            return "over " + (from / 365) + " years";
        }
        if (from == 0) {
            return "under " + to + " days";
        }
        return to <= 365 ? from + "–" + to + " days" : (from / 365) + "–" + (to / 365) + " years";
    }

    private ExportAnalysis.Providers providers(@Nullable String note) {
        return new ExportAnalysis.Providers(Status.of(providersObserved, users), sortedByCount(providers), federatedUsers, note);
    }

    private static Map<String, Long> sortedByCount(Map<String, long[]> counts) {
        var out = new LinkedHashMap<String, Long>();
        counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .forEach(e -> out.put(e.getKey(), e.getValue()[0]));
        return out;
    }
}
