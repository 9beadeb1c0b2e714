package io.ciamportal.exports.rehearsal;

import io.ciamportal.exports.internal.UserRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Made-up people cast onto a {@link Mix}: every share becomes an exact number of users (largest remainder), and
 * the users who get each trait are drawn at random, so the re-analysed export shows the source's mix to within a
 * rounding. Names come from a short built-in list, addresses are at {@code example.test} (RFC 2606) with a tag
 * unique to the run, passwords are random and thrown away. Hashes are computed in parallel, each user with their
 * own seeded salts, so the same seed gives the same file.
 *
 * @param tag   a run-unique tag in every address
 * @param notes what the rehearsal export could not reproduce, said in the README
 */
public record Cast(Mix mix, Format format, List<Person> people, Instant asOf, String tag, Hashes hashes,
        Hashes.FirebaseKey firebaseKey, List<String> notes) {

    static final String[] FIRST = {"Amara", "Bram", "Chen", "Dalia", "Emeka", "Freya", "Goran", "Hana", "Idris", "Jonas", "Keiko", "Lars",
        "Mira", "Nikhil", "Oona", "Pavel", "Qiu", "Rosa", "Sami", "Tomas", "Ugo", "Vera", "Wanjiru", "Xavier", "Yusuf", "Zofia", "Ines",
        "Matteo", "Leila", "Kofi", "Anouk", "Dmitri", "Elif", "Farah", "Hugo", "Aiko", "Bruno", "Carmen", "Diego", "Esme"};
    static final String[] LAST = {"Okafor", "de Vries", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Silva", "Kowalski", "Nair",
        "Schmidt", "Rossi", "Mbeki", "Larsen", "Costa", "Ivanova", "Yilmaz", "Garcia", "Nguyen", "Brown", "O'Neill", "Fischer", "Dubois",
        "Sato", "Mensah", "Petrov", "Jensen", "Alvarez", "Kim", "Osei"};
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public static final int MAX_USERS = 100_000;
    /** Passwordless connections that sign in by phone. */
    static final java.util.Set<String> PHONE = java.util.Set.of("sms", "phone");

    /** Casts {@code n} users onto the mix for the format, and hashes their passwords. */
    public static Cast of(Mix mix, Format format, int n, Random random, Instant asOf) {
        if (n < 1 || n > MAX_USERS) {
            throw new IllegalArgumentException("A rehearsal export has 1 to " + MAX_USERS + " users.");
        }
        var notes = new ArrayList<String>();
        String tag = base32(random, 6).toLowerCase(Locale.ROOT);
        var people = new ArrayList<Person>(n);
        for (int i = 0; i < n; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            var p = new Person(i, id, random.nextLong());
            p.first = FIRST[random.nextInt(FIRST.length)];
            p.last = LAST[random.nextInt(LAST.length)];
            p.email = (p.first + "." + p.last).toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "") + "." + (i + 1) + "." + tag
                    + "@example.test";
            people.add(p);
        }
        var firebaseKey = Hashes.FirebaseKey.random(random, 8, 14);
        for (var w : mix.schemes()) {
            if (w.value().scheme().equals("firebase-scrypt")) {
                var params = w.value().parameters();
                firebaseKey = Hashes.FirebaseKey.random(random, intOr(params.get("rounds"), 8), intOr(params.get("mem_cost"), 14));
                break;
            }
        }
        var cast = new Cast(mix, format, List.copyOf(people), asOf, tag, new Hashes(firebaseKey), firebaseKey, notes);
        cast.access(random);
        cast.providers(random);
        cast.factors(random);
        cast.facts(random);
        cast.hashAll();
        return cast;
    }

    private void access(Random random) {
        int n = people.size();
        double withHash = format.carriesHashes() ? mix.withHash() : 0;
        double withoutHash = mix.withoutHash() + (format.carriesHashes() ? 0 : mix.withHash());
        if (!format.carriesHashes() && mix.withHash() > 0) {
            notes.add("This platform's export carries no password hashes: the users with a password are written without one.");
        }
        int[] counts = apportion(new double[] {withHash, withoutHash, mix.socialOnly(), mix.passwordless()}, n);
        int[] order = shuffled(n, random);
        int at = 0;
        Person.Access[] kinds = Person.Access.values();
        for (int k = 0; k < kinds.length; k++) {
            for (int j = 0; j < counts[k]; j++) {
                people.get(order[at++]).access = kinds[k];
            }
        }
        // the hash schemes, among the users whose hash is in the export
        List<Person> hashed = people.stream().filter(p -> p.access == Person.Access.PASSWORD).toList();
        var specs = new ArrayList<Hashes.Spec>();
        var weights = new ArrayList<Double>();
        for (var w : mix.schemes()) {
            Hashes.Spec spec = w.value();
            if (!format.stores(spec)) {
                notes.add(spec.label() + " cannot be written as a real hash in this format; those users have " + format.fallback().label()
                        + " instead.");
                spec = format.fallback();
            }
            specs.add(format.adapt(spec));
            weights.add(w.weight());
        }
        if (specs.isEmpty() && !hashed.isEmpty()) {
            specs.add(format.adapt(format.fallback()));
            weights.add(1.0);
            notes.add("The analysis names no hash scheme; the users with a password have " + format.fallback().label() + ".");
        }
        int[] schemeCounts = apportion(weights.stream().mapToDouble(Double::doubleValue).toArray(), hashed.size());
        int[] hashOrder = shuffled(hashed.size(), random);
        at = 0;
        for (int s = 0; s < specs.size(); s++) {
            for (int j = 0; j < schemeCounts[s]; j++) {
                hashed.get(hashOrder[at++]).spec = specs.get(s);
            }
        }
        for (Person p : people) {
            if (p.access.password()) {
                p.password = password(random);
            }
        }
    }

    private void providers(Random random) {
        int n = people.size();
        var federatedUsers = new ArrayList<Person>();
        people.stream().filter(p -> p.access == Person.Access.SOCIAL).forEach(federatedUsers::add);
        List<Person> withPassword = people.stream().filter(p -> p.access.password()).toList();
        int both = (int) Math.min(withPassword.size(), Math.round(mix.federatedWithPassword() * n));
        for (int i : Arrays.copyOf(shuffled(withPassword.size(), random), both)) {
            federatedUsers.add(withPassword.get(i));
        }
        var byRole = new LinkedHashMap<Format.Role, Map<String, Integer>>();
        mix.providers().forEach((name, share) -> byRole.computeIfAbsent(format.role(name), r -> new LinkedHashMap<>())
                .put(name, (int) Math.round(share * n)));
        List<Person> passwordless = people.stream().filter(p -> p.access == Person.Access.PASSWORDLESS).toList();
        spread(federatedUsers, byRole.getOrDefault(Format.Role.FEDERATED, Map.of()), random, (p, name) -> p.federated.add(name));
        for (Person p : federatedUsers) {
            if (p.federated.isEmpty()) {
                p.federated.add(byRole.getOrDefault(Format.Role.FEDERATED, Map.of()).keySet().stream().findFirst().orElse(format.defaultSocial()));
            }
        }
        // passwordless names over the passwordless users, database names over the password users, and database names
        // left over (Supabase's "email", Okta's "OKTA") over the passwordless users still without one
        spread(passwordless, byRole.getOrDefault(Format.Role.PASSWORDLESS, Map.of()), random, (p, name) -> p.passwordlessVia = name);
        var database = byRole.getOrDefault(Format.Role.DATABASE, Map.of());
        var left = spread(withPassword, database, random, (p, name) -> p.database = name);
        spread(passwordless.stream().filter(p -> p.passwordlessVia == null).toList(), left, random, (p, name) -> p.passwordlessVia = name);
        String firstDatabase = database.keySet().stream().findFirst().orElse(format.defaultDatabase());
        for (Person p : withPassword) {
            if (p.database == null) {
                p.database = firstDatabase;
            }
        }
    }

    private void factors(Random random) {
        if (!mix.mfaObserved() || mix.mfaUsers() <= 0) {
            return;
        }
        int n = people.size();
        int m = (int) Math.min(n, Math.round(mix.mfaUsers() * n));
        // second factors mostly sit on password users: take them first, in random order
        var candidates = new ArrayList<Person>();
        for (int i : shuffled(n, random)) {
            if (people.get(i).access.password()) {
                candidates.add(people.get(i));
            }
        }
        for (int i : shuffled(n, random)) {
            if (!people.get(i).access.password()) {
                candidates.add(people.get(i));
            }
        }
        List<Person> enrolled = candidates.subList(0, m);
        var tokens = new ArrayList<Integer>();
        mix.factors().entrySet().stream().sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()).forEach(e -> {
            int count = (int) Math.min(m, Math.round(e.getValue() * n));
            for (int j = 0; j < count; j++) {
                tokens.add(e.getKey());
            }
        });
        for (int t = 0; t < tokens.size() && m > 0; t++) {
            enrolled.get(t % m).factors |= tokens.get(t);
        }
        int top = tokens.isEmpty() ? UserRecord.OTHER : tokens.getFirst();
        for (Person p : enrolled) {
            if (p.factors == 0) {
                p.factors = top;
            }
            if (p.hasFactor(UserRecord.TOTP)) {
                p.totpSecret = base32(random, 32);
            }
            if ((p.hasFactor(UserRecord.SMS)) && p.phone == null) {
                p.phone = phone(p.index);
            }
        }
    }

    private void facts(Random random) {
        int n = people.size();
        // users without an email: passwordless users by phone first, then other passwordless, then social ones, then anyone
        int without = (int) Math.min(n, Math.round(mix.withoutEmail() * n));
        var order = new ArrayList<Person>();
        var phoneFirst = new ArrayList<Person>();
        for (Person.Access a : new Person.Access[] {Person.Access.PASSWORDLESS, Person.Access.SOCIAL, Person.Access.PASSWORD_WITHOUT_HASH,
            Person.Access.PASSWORD}) {
            for (int i : shuffled(n, random)) {
                Person p = people.get(i);
                if (p.access == a) {
                    (a == Person.Access.PASSWORDLESS && p.passwordlessVia != null && PHONE.contains(p.passwordlessVia) ? phoneFirst : order).add(p);
                }
            }
        }
        order.addAll(0, phoneFirst);
        for (Person p : order.subList(0, without)) {
            p.email = null;
            p.phone = phone(p.index);
        }
        List<Person> withEmail = people.stream().filter(p -> p.email != null).toList();
        // duplicate emails: groups of two (and more when the source had larger groups), the copy differs in case
        int groups = (int) Math.min(withEmail.size() / 2, Math.round(mix.duplicateGroups() * n));
        int affected = (int) Math.min(withEmail.size(), Math.max(2L * groups, Math.round(mix.duplicateUsers() * n)));
        int[] dup = shuffled(withEmail.size(), random);
        int at = 0;
        for (int g = 0; g < groups; g++) {
            int size = 2 + (g < affected - 2 * groups ? 1 : 0);
            Person leader = withEmail.get(dup[at++]);
            for (int k = 1; k < size && at < dup.length; k++) {
                Person copy = withEmail.get(dup[at++]);
                String e = leader.email;
                copy.email = Character.toUpperCase(e.charAt(0)) + e.substring(1);
                copy.first = leader.first;
                copy.last = leader.last;
            }
        }
        // verified users as a share of all users, placed on users with an email
        double verified = mix.verifiedObserved() ? Math.min(1.0, mix.verified() * n / Math.max(1, withEmail.size())) : 1.0;
        pick(withEmail, verified, random).forEach(p -> p.emailVerified = true);
        if (mix.blockedObserved()) {
            pick(people, mix.blocked(), random).forEach(p -> p.blocked = true);
        }
        lastSignIn(random);
        attributes(random);
        int tenants = Math.min(n, mix.tenants());
        int orgs = Math.min(n, mix.organizations());
        int groupCount = Math.min(n, mix.groups());
        int[] t = shuffled(n, random);
        for (int i = 0; i < n; i++) {
            Person p = people.get(t[i]);
            if (tenants > 0) {
                p.tenant = i % tenants;
            }
            if (orgs > 0) {
                p.organization = i % orgs;
            }
            if (groupCount > 0) {
                p.groups.add("group-" + (1 + i % groupCount));
            }
        }
    }

    private void lastSignIn(Random random) {
        int n = people.size();
        long day = Duration.ofDays(1).toMillis();
        long now = asOf.toEpochMilli();
        if (!mix.lastSignInObserved()) {
            for (Person p : people) {
                p.createdAt = now - (30 + random.nextInt(4 * 365)) * day - random.nextInt((int) day);
            }
            return;
        }
        int observed = (int) Math.min(n, Math.round(mix.lastSignInShare() * n));
        double[] shares = new double[1 + Mix.BUCKETS.length];
        shares[0] = mix.never();
        System.arraycopy(mix.buckets(), 0, shares, 1, Mix.BUCKETS.length);
        int[] counts = apportion(shares, observed);
        int[] order = shuffled(n, random);
        int at = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int j = 0; j < counts[k]; j++) {
                Person p = people.get(order[at++]);
                if (k == 0) {
                    p.lastSignIn = Person.NEVER;
                    p.createdAt = now - (1 + random.nextInt(3 * 365)) * day - random.nextInt((int) day);
                    continue;
                }
                int from = Mix.BUCKETS[k - 1][0];
                int to = Mix.BUCKETS[k - 1][1] < 0 ? from + 3 * 365 : Mix.BUCKETS[k - 1][1];
                // a day inside the bucket, a day away from its edges, so a re-analysis a day later counts the same
                int days = from + 1 + random.nextInt(Math.max(1, to - from - 2));
                p.lastSignIn = now - days * day - random.nextInt((int) (day / 2));
                p.createdAt = p.lastSignIn - random.nextInt(3 * 365) * day - random.nextInt((int) day);
            }
        }
        for (Person p : people) {
            if (p.createdAt == 0) {
                p.createdAt = now - (30 + random.nextInt(4 * 365)) * day;
            }
        }
    }

    private void attributes(Random random) {
        List<String> keys = mix.attributeKeys();
        if (keys.isEmpty()) {
            return;
        }
        int n = people.size();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            // every key on some users (at least one), the first ones on most
            double share = k < 2 ? 0.9 : 0.3 + 0.5 * random.nextDouble();
            List<Person> holders = pick(people, share, random);
            if (holders.isEmpty()) {
                holders = List.of(people.get(random.nextInt(n)));
            }
            for (Person p : holders) {
                p.attributes.put(key, value(key, p, random));
            }
        }
    }

    /** A made-up value that looks like what the key suggests. */
    static String value(String key, Person p, Random random) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("locale") || k.contains("lang")) {
            return new String[] {"en-GB", "fr-FR", "de-DE", "nl-NL", "ja-JP", "pt-BR"}[random.nextInt(6)];
        }
        if (k.contains("plan") || k.contains("tier")) {
            return new String[] {"free", "pro", "team", "enterprise"}[random.nextInt(4)];
        }
        if (k.contains("role")) {
            return new String[] {"member", "admin", "viewer"}[random.nextInt(3)];
        }
        if (k.contains("newsletter") || k.contains("beta") || k.contains("verified") || k.startsWith("is_") || k.contains("enabled")) {
            return String.valueOf(random.nextBoolean());
        }
        if (k.contains("department")) {
            return new String[] {"Engineering", "Sales", "Support", "Finance"}[random.nextInt(4)];
        }
        if (k.contains("zone")) {
            return new String[] {"Europe/Paris", "Asia/Tokyo", "America/Chicago", "UTC"}[random.nextInt(4)];
        }
        if (k.contains("name")) {
            return p.displayName();
        }
        return "rehearsal-" + (1000 + random.nextInt(9000));
    }

    /** Computes every hash, in parallel; each user's salts come from their own seed. */
    private void hashAll() {
        IntStream.range(0, people.size()).parallel().forEach(i -> {
            Person p = people.get(i);
            if (p.access == Person.Access.PASSWORD && p.spec != null && p.password != null) {
                p.hash = hashes.hash(p.spec, p.password, new SplittableRandom(p.saltSeed));
            }
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Whole numbers for shares of a total: largest remainder, summing to the total when the shares sum to 1. */
    static int[] apportion(double[] shares, int total) {
        double sum = Arrays.stream(shares).map(s -> Math.max(0, s)).sum();
        int[] out = new int[shares.length];
        if (sum <= 0 || total <= 0) {
            return out;
        }
        double scale = sum > 1 ? total / sum : total;
        int target = (int) Math.min(total, Math.round(Math.min(1, sum) * total));
        double[] rest = new double[shares.length];
        int given = 0;
        for (int i = 0; i < shares.length; i++) {
            double exact = Math.max(0, shares[i]) * scale;
            out[i] = (int) Math.floor(exact);
            rest[i] = exact - out[i];
            given += out[i];
        }
        while (given < target) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            out[best]++;
            rest[best] = -1;
            given++;
        }
        return out;
    }

    static int[] shuffled(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static List<Person> pick(List<Person> from, double share, Random random) {
        int count = (int) Math.min(from.size(), Math.round(Math.max(0, share) * from.size()));
        var out = new ArrayList<Person>(count);
        for (int i : Arrays.copyOf(shuffled(from.size(), random), count)) {
            out.add(from.get(i));
        }
        return out;
    }

    /**
     * Hands out names by count: each name to that many users (round robin over the users in random order, so no
     * user gets a name twice while names remain); returns the counts that found no user.
     */
    private static Map<String, Integer> spread(List<Person> users, Map<String, Integer> counts, Random random,
            java.util.function.BiConsumer<Person, String> give) {
        var left = new LinkedHashMap<String, Integer>();
        if (users.isEmpty()) {
            left.putAll(counts);
            return left;
        }
        int[] order = shuffled(users.size(), random);
        int at = 0;
        for (var e : counts.entrySet()) {
            int c = Math.min(e.getValue(), users.size());
            for (int j = 0; j < c; j++) {
                give.accept(users.get(order[at % order.length]), e.getKey());
                at++;
            }
            if (e.getValue() > c) {
                left.put(e.getKey(), e.getValue() - c);
            }
        }
        return left;
    }

    private static String password(Random random) {
        var sb = new StringBuilder(19);
        for (int g = 0; g < 4; g++) {
            if (g > 0) {
                sb.append('-');
            }
            for (int i = 0; i < 4; i++) {
                sb.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
            }
        }
        // one of each kind, whatever the draw: a policy that asks for a digit and an upper-case letter is met
        sb.setCharAt(0, "ABCDEFGHJKLMNPQRSTUVWXYZ".charAt(random.nextInt(24)));
        sb.setCharAt(18, "23456789".charAt(random.nextInt(8)));
        sb.setCharAt(5, "abcdefghijkmnpqrstuvwxyz".charAt(random.nextInt(24)));
        return sb.toString();
    }

    static String base32(Random random, int n) {
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(BASE32.charAt(random.nextInt(32)));
        }
        return sb.toString();
    }

    /** Numbers reserved for fiction: 555-0100 to 555-0199 (North America), then Ofcom's drama range 07700 900xxx. */
    static String phone(int index) {
        int i = index % 1100;
        return i < 100 ? String.format(Locale.ROOT, "+120255501%02d", i) : String.format(Locale.ROOT, "+447700900%03d", i - 100);
    }

    private static int intOr(String s, int fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
