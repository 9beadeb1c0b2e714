package io.ciamportal.exports.rehearsal;

import io.ciamportal.exports.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;

/**
 * One platform's export format, written from made-up people: which files, which fields, how hashes are stored.
 * It also says what the platform's export can carry (hashes, TOTP secrets) and how the analyser reads its provider
 * names, so the cast puts each name on the right kind of user.
 */
public abstract class Format {

    /** What a provider or connection name stands for. */
    public enum Role { DATABASE, PASSWORDLESS, FEDERATED }

    /** Where the files go: entries of the ZIP, or files in a directory (benchmarks). */
    public interface Sink {
        /** A new file; the caller writes it and closes the stream before opening the next. */
        OutputStream open(String name) throws IOException;
    }

    public abstract Platform platform();

    /** Whether the platform's export carries password hashes at all (Okta, Cognito and Entra never do). */
    public boolean carriesHashes() {
        return true;
    }

    /** Whether this format stores a hash of the scheme (in its own encoding). */
    public boolean stores(Hashes.Spec spec) {
        return Hashes.supports(spec.scheme());
    }

    /** The scheme a user gets when the source's scheme cannot be written in this format. */
    public Hashes.Spec fallback() {
        return new Hashes.Spec("bcrypt", "cost=10", "Modular crypt");
    }

    /** The spec as this platform computes it (a key length, a format); the default keeps it. */
    public Hashes.Spec adapt(Hashes.Spec spec) {
        return spec;
    }

    /** Whether a TOTP secret of a user is written into the export. */
    public boolean carriesTotpSecrets() {
        return false;
    }

    /** The second factors this format can show (bits of {@link io.ciamportal.exports.internal.UserRecord}). */
    public int factors() {
        return 0;
    }

    public Role role(String provider) {
        return Role.FEDERATED;
    }

    /** The social provider a federated user gets when the analysis names none. */
    public String defaultSocial() {
        return "google";
    }

    /** The database connection of a password user when the analysis names none (null: the format needs none). */
    public String defaultDatabase() {
        return "database";
    }

    public String defaultPasswordless() {
        return "email";
    }

    /** Writes the export's files. */
    public abstract void write(Cast cast, Sink sink) throws IOException;

    /** The file names this format writes for the cast, for the README. */
    public abstract Set<String> files(Cast cast);

    static boolean socialName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("google") || n.contains("github") || n.contains("facebook") || n.contains("apple") || n.contains("twitter")
                || n.contains("linkedin") || n.contains("microsoft") || n.contains("windowslive") || n.contains("amazon")
                || n.contains("gitlab") || n.contains("discord") || n.contains("slack") || n.contains("saml") || n.contains("oidc")
                || n.contains("okta") || n.contains("azure") || n.contains("adfs") || n.contains("waad") || n.contains("sso")
                || n.contains("yahoo") || n.contains("bitbucket") || n.contains("paypal") || n.contains("salesforce");
    }
}
