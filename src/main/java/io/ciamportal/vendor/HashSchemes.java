package io.ciamportal.vendor;

import java.util.List;
import java.util.Set;

/** The fixed vocabulary of password-hash schemes; extend with care (the selector and the scorer use it). */
public final class HashSchemes {

    public static final List<String> ALL = List.of("bcrypt", "scrypt", "firebase-scrypt", "pbkdf2-sha1", "pbkdf2-sha256",
            "pbkdf2-sha512", "argon2i", "argon2id", "argon2d", "md4", "md5", "sha1", "sha256", "sha512", "sha256-crypt", "sha512-crypt",
            "ssha", "phpass", "hmac", "ldap", "crypt");

    /** Schemes that most destinations import: a hash in one of these is portable in practice. */
    public static final Set<String> WIDELY_IMPORTED = Set.of("bcrypt", "argon2id", "argon2i", "pbkdf2-sha256", "pbkdf2-sha512", "scrypt");

    private HashSchemes() {}

    public static boolean known(String scheme) {
        return ALL.contains(scheme);
    }
}
