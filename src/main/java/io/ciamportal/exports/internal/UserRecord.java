package io.ciamportal.exports.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One user as a reader saw it, reused from record to record. The id and the email live here only until
 * {@link Tally#add} has turned them into keyed values; nothing else of a person is ever copied out of the file.
 * Each {@code *Observed} flag says whether this record could show the fact at all: false means unknown, not "no".
 */
public final class UserRecord {

    public static final int TOTP = 1;
    public static final int SMS = 2;
    public static final int EMAIL = 4;
    public static final int WEBAUTHN = 8;
    public static final int PUSH = 16;
    public static final int RECOVERY = 32;
    public static final int OTHER = 64;
    static final String[] FACTOR_NAMES = {"totp", "sms", "email", "webauthn", "push", "recovery-codes", "other"};

    public @Nullable String id;
    public @Nullable String email;
    /** the keyed values of id and email, when worked out ahead on a worker thread ({@link #keyWith}) */
    long idKey;
    long emailKey;
    @Nullable Keyed keyedWith;
    /** null when the record cannot show it */
    public @Nullable Boolean emailVerified;

    public boolean passwordObserved;
    public @Nullable HashInfo hash;
    /** the record says the user has a password, but the export leaves the hash out (Okta, Firebase non-default) */
    public boolean passwordWithoutHash;

    public boolean mfaObserved;
    public int mfaFactors;
    public boolean totpSecretInFile;

    public boolean lastSignInObserved;
    /** epoch milliseconds, or -1 for "never signed in" (only meaningful when observed) */
    public long lastSignInMillis = -1;

    public boolean providersObserved;
    /** identity providers and connections the user signs in through (database connections included) */
    public final List<String> providers = new ArrayList<>(4);
    /** at least one social or enterprise identity */
    public boolean federated;
    /** signs in with a one-time code or magic link only (no password, no federated identity) */
    public boolean passwordlessObserved;
    public boolean passwordless;

    public boolean attributesObserved;
    public final List<String> attributeKeys = new ArrayList<>(8);

    public boolean tenantsObserved;
    public boolean organizationsObserved;
    public boolean groupsObserved;
    public final List<String> tenants = new ArrayList<>(2);
    public final List<String> organizations = new ArrayList<>(2);
    public final List<String> groups = new ArrayList<>(4);

    /** null when the record cannot show it */
    public @Nullable Boolean blocked;
    public boolean serviceAccount;

    public void reset() {
        id = null;
        email = null;
        keyedWith = null;
        emailVerified = null;
        passwordObserved = false;
        hash = null;
        passwordWithoutHash = false;
        mfaObserved = false;
        mfaFactors = 0;
        totpSecretInFile = false;
        lastSignInObserved = false;
        lastSignInMillis = -1;
        providersObserved = false;
        providers.clear();
        federated = false;
        passwordlessObserved = false;
        passwordless = false;
        attributesObserved = false;
        attributeKeys.clear();
        tenantsObserved = false;
        organizationsObserved = false;
        groupsObserved = false;
        tenants.clear();
        organizations.clear();
        groups.clear();
        blocked = null;
        serviceAccount = false;
    }

    /**
     * Works out the keyed values of the id and the email now (a worker thread does it so the tally's thread does
     * not); the tally uses them when its key is this one.
     */
    void keyWith(Keyed keyed) {
        idKey = id == null || id.isBlank() ? 0 : keyed.id(id);
        emailKey = email == null || email.isBlank() ? 0 : keyed.email(email);
        keyedWith = keyed;
    }

    /** Marks a password as observed, classifying the stored value (null or empty: no password). */
    public void password(@Nullable String stored) {
        passwordObserved = true;
        hash = HashClassifier.classify(stored);
    }

    public void lastSignIn(@Nullable Long epochMillis) {
        lastSignInObserved = true;
        lastSignInMillis = epochMillis == null || epochMillis <= 0 ? -1 : epochMillis;
    }

    public void provider(@Nullable String name) {
        providersObserved = true;
        if (name != null && !name.isBlank()) {
            providers.add(name.strip());
        }
    }

    public void attributeKey(String key) {
        attributesObserved = true;
        attributeKeys.add(key);
    }
}
