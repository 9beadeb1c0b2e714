package io.ciamportal.bench;

import io.ciamportal.exports.Platform;
import io.ciamportal.exports.RehearsalExportTest;
import io.ciamportal.exports.RehearsalPlatformsTest;
import io.ciamportal.exports.SourceAnalysis;
import io.ciamportal.exports.internal.UserRecord;
import io.ciamportal.exports.rehearsal.Cast;
import io.ciamportal.exports.rehearsal.Format;
import io.ciamportal.exports.rehearsal.Formats;
import io.ciamportal.exports.rehearsal.Hashes;
import io.ciamportal.exports.rehearsal.Mix;
import io.ciamportal.exports.rehearsal.Person;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark exports of millions of users, written by the rehearsal formats (the same shapes the analyser's tests
 * read) from people made up on the fly, one at a time, so memory stays flat whatever the size. Unlike a rehearsal
 * export the hashes are shape-only (right prefix, parameters, alphabet and length, random bytes): the analyser
 * reads hashes by their text, and a real bcrypt per user would take days for ten million users.
 */
final class BenchExports {

    /** One file the benchmark reads: which platform's format, which file of it, gzipped or not. */
    enum Kind {
        AUTH0_NDJSON("auth0", "ndjson", Platform.AUTH0, false, "users.json"),
        AUTH0_NDJSON_GZ("auth0", "ndjson.gz", Platform.AUTH0, true, "users.json.gz"),
        FIREBASE_JSON("firebase", "json", Platform.FIREBASE, false, "users.json"),
        KEYCLOAK_JSON("keycloak", "json", Platform.KEYCLOAK, false, "rehearsal-realm.json"),
        CLERK_CSV("clerk", "csv", Platform.CLERK, false, "users.csv"),
        GENERIC_CSV("generic", "csv", Platform.GENERIC, false, "users.csv");

        final String name;
        final String extension;
        final Platform platform;
        final boolean gzip;
        /** the format's file that is kept (a format may write others, such as Auth0's hash file) */
        final String entry;

        Kind(String name, String extension, Platform platform, boolean gzip, String entry) {
            this.name = name;
            this.extension = extension;
            this.platform = platform;
            this.gzip = gzip;
            this.entry = entry;
        }

        String label() {
            return switch (this) {
                case AUTH0_NDJSON -> "Auth0 export job, NDJSON";
                case AUTH0_NDJSON_GZ -> "Auth0 export job, NDJSON gzipped";
                case FIREBASE_JSON -> "Firebase CLI JSON";
                case KEYCLOAK_JSON -> "Keycloak realm JSON";
                case CLERK_CSV -> "Clerk CSV (current columns)";
                case GENERIC_CSV -> "In-house CSV (generic)";
            };
        }

        Path file(Path dir, long users) {
            return dir.resolve(name + "-" + size(users) + "." + extension);
        }
    }

    static String size(long users) {
        return users % 1_000_000 == 0 ? users / 1_000_000 + "m" : users % 1000 == 0 ? users / 1000 + "k" : String.valueOf(users);
    }

    private BenchExports() {}

    /** Writes the file unless it is there (a file is written under a temporary name and moved when complete). */
    static Path ensure(Kind kind, long users, Path dir) throws IOException {
        Path file = kind.file(dir, users);
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path part = dir.resolve(file.getFileName() + ".part");
        long start = System.nanoTime();
        write(kind, users, part);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "  wrote %s: %,d users, %.1f MB in %.0f s%n", file, users, Files.size(file) / 1e6,
                (System.nanoTime() - start) / 1e9);
        return file;
    }

    static void write(Kind kind, long users, Path target) throws IOException {
        var source = switch (kind) {
            case AUTH0_NDJSON -> SourceAnalysis.of(Platform.AUTH0, 20_000, "auth0-export-json");
            case AUTH0_NDJSON_GZ -> SourceAnalysis.of(Platform.AUTH0, 20_000, "auth0-export-json").gzip();
            default -> null;
        };
        // the Auth0 files are the export job alone (its hash file is a separate, smaller file); the others are typical
        var analysis = source == null ? (kind == Kind.GENERIC_CSV ? RehearsalExportTest.genericCsv() : RehearsalPlatformsTest.typical(kind.platform))
                : withMixOf(source, RehearsalExportTest.auth0WithHashes());
        Mix mix = Mix.of(analysis);
        Format format = Formats.of(mix);
        var people = new Streamed(mix, format, (int) users, 20261201L + users);
        var cast = new Cast(mix, format, people, SourceAnalysis.AS_OF, "bench1", new Hashes(null),
                new Hashes.FirebaseKey(new byte[64], new byte[] {7}, 8, 14), List.of());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            format.write(cast, name -> name.equals(kind.entry) ? new NonClosing(out) : OutputStream.nullOutputStream());
        }
    }

    /** The Auth0 export job's own fields of the typical Auth0 mix (no hash file: those users have a hash not in the export). */
    private static io.ciamportal.exports.ExportAnalysis withMixOf(SourceAnalysis job, io.ciamportal.exports.ExportAnalysis typical) {
        var t = typical;
        long users = t.users();
        job.hashNotInExport(t.passwords().withPassword() + t.passwords().hashNotInExport())
                .access(t.passwordless().count(), t.socialOnly().count()).verified(t.emailVerified().count(), t.emailVerified().observedUsers())
                .blocked(t.blocked().count());
        var m = t.mfa();
        var factors = new ArrayList<Object>();
        m.factors().forEach((k, v) -> {
            factors.add(k);
            factors.add(v);
        });
        job.mfa(m.users(), 0, factors.toArray());
        var h = t.lastSignIn().histogram();
        job.lastSignIn(t.lastSignIn().never(), h.get(0).users(), h.get(1).users(), h.get(2).users(), h.get(3).users(), h.get(4).users(),
                h.get(5).users());
        var providers = new ArrayList<Object>();
        t.providers().counts().forEach((k, v) -> {
            providers.add(k);
            providers.add(v);
        });
        job.providers(t.providers().federatedUsers(), providers.toArray());
        job.keys(t.customAttributes().keys().toArray(String[]::new));
        job.duplicates(t.duplicateEmails().duplicates(), t.duplicateEmails().usersAffected(), t.duplicateEmails().withoutEmail());
        assert users > 0;
        return job.build();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * People made up one at a time from the index: each user's traits drawn at random with the mix's shares (so a
     * large file shows the mix to within a fraction of a point), nothing kept between users.
     */
    static final class Streamed extends AbstractList<Person> {
        private static final String[] FIRST = {"Amara", "Bram", "Chen", "Dalia", "Emeka", "Freya", "Goran", "Hana", "Idris", "Jonas", "Keiko",
            "Lars", "Mira", "Nikhil", "Oona", "Pavel", "Qiu", "Rosa", "Sami", "Tomas", "Ugo", "Vera", "Wanjiru", "Xavier", "Yusuf", "Zofia"};
        private static final String[] LAST = {"Okafor", "de Vries", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Silva", "Kowalski",
            "Nair", "Schmidt", "Rossi", "Mbeki", "Larsen", "Costa", "Ivanova", "Yilmaz", "Garcia", "Nguyen", "Brown"};
        private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        private static final String BCRYPT64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private static final long DAY = 86_400_000L;

        private final Mix mix;
        private final Format format;
        private final int size;
        private final long seed;
        private final double[] access;
        private final List<Hashes.Spec> specs = new ArrayList<>();
        private final double[] specWeights;
        private final List<String> federated = new ArrayList<>();
        private final double[] federatedWeights;
        private final String database;
        private final List<String> passwordless = new ArrayList<>();
        private final double[] passwordlessWeights;
        private final int[] factorBits;
        private final double[] factorWeights;
        private final double[] signIn;
        private final long now = SourceAnalysis.AS_OF.toEpochMilli();

        Streamed(Mix mix, Format format, int size, long seed) {
            this.mix = mix;
            this.format = format;
            this.size = size;
            this.seed = seed;
            double withHash = format.carriesHashes() ? mix.withHash() : 0;
            this.access = cumulative(withHash, mix.withoutHash() + mix.withHash() - withHash, mix.socialOnly(), mix.passwordless());
            var weights = new ArrayList<Double>();
            for (var w : mix.schemes()) {
                specs.add(format.adapt(format.stores(w.value()) ? w.value() : format.fallback()));
                weights.add(w.weight());
            }
            if (specs.isEmpty()) {
                specs.add(format.adapt(format.fallback()));
                weights.add(1.0);
            }
            this.specWeights = cumulative(weights.stream().mapToDouble(Double::doubleValue).toArray());
            var fw = new ArrayList<Double>();
            var pw = new ArrayList<Double>();
            String db = null;
            for (Map.Entry<String, Double> e : mix.providers().entrySet()) {
                switch (format.role(e.getKey())) {
                    case FEDERATED -> {
                        federated.add(e.getKey());
                        fw.add(e.getValue());
                    }
                    case PASSWORDLESS -> {
                        passwordless.add(e.getKey());
                        pw.add(e.getValue());
                    }
                    case DATABASE -> db = db == null ? e.getKey() : db;
                }
            }
            this.database = db == null ? format.defaultDatabase() : db;
            if (federated.isEmpty()) {
                federated.add(format.defaultSocial());
                fw.add(1.0);
            }
            this.federatedWeights = cumulative(fw.stream().mapToDouble(Double::doubleValue).toArray());
            this.passwordlessWeights = cumulative(pw.stream().mapToDouble(Double::doubleValue).toArray());
            this.factorBits = mix.factors().keySet().stream().mapToInt(Integer::intValue).toArray();
            this.factorWeights = cumulative(mix.factors().values().stream().mapToDouble(Double::doubleValue).toArray());
            double[] s = new double[1 + mix.buckets().length];
            s[0] = mix.never();
            System.arraycopy(mix.buckets(), 0, s, 1, mix.buckets().length);
            this.signIn = cumulative(s);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Person get(int i) {
            var r = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
            byte[] id = new byte[16];
            r.nextBytes(id);
            var p = new Person(i, id, 0);
            p.first = FIRST[Math.floorMod(i * 31 + 7, FIRST.length)];
            p.last = LAST[Math.floorMod(i * 17 + 3, LAST.length)];
            p.email = email(i);
            if (i > 0 && r.nextDouble() < mix.duplicateUsers() / 2) {
                String e = email(i - 1);
                p.email = Character.toUpperCase(e.charAt(0)) + e.substring(1);
            }
            p.access = Person.Access.values()[pick(access, r.nextDouble())];
            if (p.access == Person.Access.PASSWORD) {
                p.spec = specs.get(pick(specWeights, r.nextDouble()));
                p.hash = shape(p.spec, r);
            }
            if (p.access.password()) {
                p.database = database;
                double both = mix.federatedWithPassword() / Math.max(1e-9, mix.withHash() + mix.withoutHash());
                if (r.nextDouble() < both) {
                    p.federated.add(federated.get(pick(federatedWeights, r.nextDouble())));
                }
            } else if (p.access == Person.Access.SOCIAL) {
                p.federated.add(federated.get(pick(federatedWeights, r.nextDouble())));
            } else if (!passwordless.isEmpty()) {
                p.passwordlessVia = passwordless.get(pick(passwordlessWeights, r.nextDouble()));
            }
            if (r.nextDouble() < mix.withoutEmail()) {
                p.email = null;
                p.phone = "+447700900" + String.format(Locale.ROOT, "%03d", i % 1000);
            }
            if (mix.mfaObserved() && factorBits.length > 0 && r.nextDouble() < mix.mfaUsers()) {
                p.factors = factorBits[pick(factorWeights, r.nextDouble())];
                if (p.hasFactor(UserRecord.TOTP)) {
                    var sb = new StringBuilder(32);
                    for (int k = 0; k < 32; k++) {
                        sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(r.nextInt(32)));
                    }
                    p.totpSecret = sb.toString();
                }
            }
            p.emailVerified = p.email != null && r.nextDouble() < mix.verified() / Math.max(1e-9, 1 - mix.withoutEmail());
            p.blocked = mix.blockedObserved() && r.nextDouble() < mix.blocked();
            if (mix.lastSignInObserved() && r.nextDouble() < mix.lastSignInShare()) {
                int k = pick(signIn, r.nextDouble());
                if (k == 0) {
                    p.lastSignIn = Person.NEVER;
                } else {
                    int from = Mix.BUCKETS[k - 1][0];
                    int to = Mix.BUCKETS[k - 1][1] < 0 ? from + 3 * 365 : Mix.BUCKETS[k - 1][1];
                    p.lastSignIn = now - (from + 1 + r.nextInt(Math.max(1, to - from - 2))) * DAY - r.nextInt((int) (DAY / 2));
                }
            }
            p.createdAt = (p.lastSignIn > 0 ? p.lastSignIn : now) - r.nextInt(3 * 365) * DAY - r.nextInt((int) DAY);
            for (String key : mix.attributeKeys()) {
                if (r.nextDouble() < 0.6) {
                    p.attributes.put(key, key.contains("plan") || key.contains("tier") ? new String[] {"free", "pro", "team"}[r.nextInt(3)]
                            : "bench-" + (1000 + r.nextInt(9000)));
                }
            }
            if (mix.tenants() > 0) {
                p.tenant = i % mix.tenants();
            }
            if (mix.organizations() > 0) {
                p.organization = i % mix.organizations();
            }
            if (mix.groups() > 0) {
                p.groups.add("group-" + (1 + i % mix.groups()));
            }
            return p;
        }

        private String email(int i) {
            String first = FIRST[Math.floorMod(i * 31 + 7, FIRST.length)];
            String last = LAST[Math.floorMod(i * 17 + 3, LAST.length)];
            return (first + "." + last).toLowerCase(Locale.ROOT).replace(" ", "") + "." + (i + 1) + ".bench1@example.test";
        }

        /** A hash of the right shape for the spec: the analyser names it as the real one; it verifies nothing. */
        private static Hashes.Hash shape(Hashes.Spec spec, SplittableRandom r) {
            byte[] salt = new byte[16];
            byte[] digest = new byte[spec.scheme().equals("firebase-scrypt") ? 64 : 32];
            r.nextBytes(salt);
            r.nextBytes(digest);
            var params = spec.parameters();
            String text = switch (spec.scheme()) {
                case "bcrypt" -> "$2a$" + String.format(Locale.ROOT, "%02d", Integer.parseInt(params.getOrDefault("cost", "10"))) + "$" + chars(r, BCRYPT64, 53);
                case "argon2id", "argon2i", "argon2d" -> "$" + spec.scheme() + "$v=19$" + spec.params().replace(",l=64", "") + "$"
                        + Base64.getEncoder().withoutPadding().encodeToString(salt) + "$" + Base64.getEncoder().withoutPadding().encodeToString(digest);
                case "pbkdf2-sha256", "pbkdf2-sha512", "pbkdf2-sha1" -> spec.format().equals("Django")
                        ? "pbkdf2_" + spec.scheme().substring(7) + "$" + params.getOrDefault("iterations", "1000") + "$" + chars(r, B64.substring(0, 62), 22)
                        + "$" + Base64.getEncoder().encodeToString(digest)
                        : "$" + spec.scheme() + "$i=" + params.getOrDefault("iterations", "1000") + ",l=32$"
                        + Base64.getEncoder().withoutPadding().encodeToString(salt) + "$" + Base64.getEncoder().withoutPadding().encodeToString(digest);
                case "phpass" -> "$P$" + "5" + chars(r, BCRYPT64, 30);
                case "ssha" -> "{SSHA}" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(digest, 28));
                case "sha512-crypt" -> "$6$rounds=" + params.getOrDefault("rounds", "5000") + "$" + chars(r, BCRYPT64, 16) + "$" + chars(r, BCRYPT64, 86);
                case "firebase-scrypt" -> Base64.getEncoder().encodeToString(digest);
                default -> spec.scheme().startsWith("unknown digest") ? java.util.HexFormat.of().formatHex(digest).substring(0, 32)
                        : Base64.getEncoder().encodeToString(digest);
            };
            return new Hashes.Hash(spec, text, spec.scheme().equals("firebase-scrypt") ? java.util.Arrays.copyOf(salt, 10) : salt, digest);
        }

        private static String chars(SplittableRandom r, String alphabet, int n) {
            char[] c = new char[n];
            for (int k = 0; k < n; k++) {
                c[k] = alphabet.charAt(r.nextInt(alphabet.length()));
            }
            return new String(c);
        }

        private static double[] cumulative(double... weights) {
            double[] out = new double[weights.length];
            double sum = 0;
            for (double w : weights) {
                sum += Math.max(0, w);
            }
            double acc = 0;
            for (int k = 0; k < weights.length; k++) {
                acc += Math.max(0, weights[k]) / (sum <= 0 ? 1 : sum);
                out[k] = acc;
            }
            return out;
        }

        private static int pick(double[] cumulative, double u) {
            for (int k = 0; k < cumulative.length; k++) {
                if (u < cumulative[k]) {
                    return k;
                }
            }
            return Math.max(0, cumulative.length - 1);
        }
    }

    static Instant asOf() {
        return SourceAnalysis.AS_OF;
    }
}
