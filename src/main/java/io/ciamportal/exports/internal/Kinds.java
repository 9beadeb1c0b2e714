package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every file kind the analyser reads, and the sniffing that picks one for a file. */
public final class Kinds {

    /** A kind must score at least this to be taken without the person naming the platform. */
    static final int CONFIDENT = 10;

    public static final List<FileKind> ALL = List.of(
            new Auth0Kinds.PasswordHashes(),
            new Auth0Kinds.ExportJson(),
            new Auth0Kinds.ExportCsv(),
            new ClerkKinds.Csv(),
            new ClerkKinds.Csv2024(),
            new ClerkKinds.Json(),
            new SupabaseKinds.UsersCsv(),
            new SupabaseKinds.UsersJson(),
            new SupabaseKinds.FactorsCsv(),
            new SupabaseKinds.FactorsJson(),
            new StytchKinds.Users(),
            new StytchKinds.PasswordHashes(),
            new FusionAuthKinds.Users(),
            new ZitadelKinds.Export(),
            new OryKinds.Identities(),
            new FirebaseKinds.CliJson(),
            new FirebaseKinds.RawJson(),
            new FirebaseKinds.CliCsv(),
            new FirebaseKinds.HashConfig(),
            new CognitoKinds.ListUsers(),
            new CognitoKinds.ImportCsv(),
            new KeycloakKinds.Realm(),
            new KeycloakKinds.Users(),
            new EntraKinds.GraphUsers(),
            new OktaKinds.Users(),
            // platform kinds go above this line; the generic readers come last
            new GenericKinds.Csv(),
            new GenericKinds.Json());

    private Kinds() {}

    /** The scores of every kind for this file, best first (zero scores left out). */
    public static List<Scored> rank(Sniff sniff) {
        return ALL.stream().map(k -> new Scored(k, k.sniff(sniff))).filter(s -> s.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed()).toList();
    }

    /** The best kind of a platform for this file, even with a low score. */
    public static Optional<FileKind> bestOf(Platform platform, Sniff sniff) {
        return rank(sniff).stream().filter(s -> s.kind().platform() == platform).map(Scored::kind).findFirst();
    }

    /** The kind a platform's files default to when nothing in the file matches (for a forced platform). */
    public static Optional<FileKind> anyOf(Platform platform, boolean json) {
        return ALL.stream().filter(k -> k.platform() == platform).filter(k -> (k instanceof JsonKind) == json).findFirst();
    }

    public record Scored(FileKind kind, int score) {
        public boolean confident() {
            return score >= CONFIDENT;
        }
    }
}
