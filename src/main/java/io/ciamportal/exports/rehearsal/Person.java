package io.ciamportal.exports.rehearsal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One made-up user of a rehearsal export: a name from a short built-in list, an address at {@code example.test},
 * a throwaway password and its hash, and the facts the mix gives them. Formats read it to write the user in a
 * platform's own shape; the answer key reads it to list the clear-text password.
 */
public final class Person {

    /** How the user signs in, as the analyser tells it apart. */
    public enum Access {
        /** a password whose hash is in the export */
        PASSWORD,
        /** a password the export carries no hash of */
        PASSWORD_WITHOUT_HASH,
        /** only a social or enterprise identity */
        SOCIAL,
        /** a one-time code or link only, or nothing at all */
        PASSWORDLESS;

        public boolean password() {
            return this == PASSWORD || this == PASSWORD_WITHOUT_HASH;
        }
    }

    /** Last sign-in not carried for this user. */
    public static final long UNKNOWN = Long.MIN_VALUE;
    /** Never signed in. */
    public static final long NEVER = -1;

    public final int index;
    /** 16 random bytes the formats shape into the platform's kind of id */
    public final byte[] idBytes;
    public String first = "";
    public String last = "";
    public @Nullable String email;
    public @Nullable String phone;
    public boolean emailVerified;
    public Access access = Access.PASSWORDLESS;
    /** clear text, for the answer key; null for users without a password */
    public @Nullable String password;
    public Hashes.@Nullable Spec spec;
    public Hashes.@Nullable Hash hash;
    /** the database connection or local provider a password user signs in through (null: the format's default) */
    public @Nullable String database;
    /** social or enterprise identity providers */
    public final List<String> federated = new ArrayList<>(2);
    /** the code or link connection of a passwordless user (null: the format's default) */
    public @Nullable String passwordlessVia;
    /** second factors, as {@link io.ciamportal.exports.internal.UserRecord} bits */
    public int factors;
    /** base32, for TOTP users */
    public @Nullable String totpSecret;
    /** epoch milliseconds, {@link #NEVER} or {@link #UNKNOWN} */
    public long lastSignIn = UNKNOWN;
    public long createdAt;
    public boolean blocked;
    /** custom attribute key (as the analyser names it) to a made-up value */
    public final Map<String, String> attributes = new LinkedHashMap<>();
    public int tenant = -1;
    public int organization = -1;
    public final List<String> groups = new ArrayList<>(2);
    /** this user's own random numbers for salts, so hashing can run in parallel and stay reproducible */
    final long saltSeed;

    public Person(int index, byte[] idBytes, long saltSeed) {
        this.index = index;
        this.idBytes = idBytes;
        this.saltSeed = saltSeed;
    }

    public String username() {
        return (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace("'", "") + "." + index;
    }

    public String displayName() {
        return first + " " + last;
    }

    public boolean hasFactor(int bit) {
        return (factors & bit) != 0;
    }
}
