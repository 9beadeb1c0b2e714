package io.ciamportal.exports;

import io.ciamportal.exports.rehearsal.Cast;
import io.ciamportal.exports.rehearsal.Format;
import io.ciamportal.exports.rehearsal.Formats;
import io.ciamportal.exports.rehearsal.Mix;
import io.ciamportal.exports.rehearsal.Person;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Rehearsal data from an analysis: a ZIP with a synthetic export in the analysed platform's own format that
 * reproduces the analysis's mix (password share and schemes with their parameters, second factors, verified,
 * blocked and inactive shares, the last-sign-in histogram, providers, attribute keys, duplicates), with made-up
 * people and real hashes of throwaway passwords; {@code answer-key.csv} with every password in clear text; and a
 * README saying what it is. Analysing the export again gives the source's mix within a rounding, so a team can
 * rehearse the import on a staging destination and sign in as the users afterwards. Pure: no Spring, no database.
 */
public final class RehearsalExport {

    public static final int MAX_USERS = Cast.MAX_USERS;
    static final String EXPORT_FOLDER = "export/";

    private RehearsalExport() {}

    /** What was written. */
    public record Result(List<String> files, int users, List<String> notes) {}

    /** The default size: the analysis's user count, at most 1,000. */
    public static int defaultUsers(ExportAnalysis analysis) {
        return (int) Math.clamp(analysis.users(), 1, 1000);
    }

    /**
     * Writes the ZIP to {@code out} (finished, not closed). {@code random} draws everything: pass a seeded
     * {@link Random} for a reproducible file, a {@link java.security.SecureRandom} for real use (the passwords).
     */
    public static Result write(ExportAnalysis analysis, int users, Random random, OutputStream out) throws IOException {
        return write(analysis, users, random, Instant.now(), out);
    }

    /** As {@link #write(ExportAnalysis, int, Random, OutputStream)}, with sign-in dates counted back from {@code asOf}. */
    public static Result write(ExportAnalysis analysis, int users, Random random, Instant asOf, OutputStream out) throws IOException {
        if (users < 1 || users > MAX_USERS) {
            throw new ExportFormatException("A rehearsal export has 1 to " + MAX_USERS + " users; " + users + " asked.");
        }
        Mix mix = Mix.of(analysis);
        Format format = Formats.of(mix);
        Cast cast = Cast.of(mix, format, users, random, asOf);
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        var files = new ArrayList<String>();
        long time = asOf.toEpochMilli();
        Format.Sink sink = name -> entry(zip, EXPORT_FOLDER + name, time, files);
        format.write(cast, sink);
        try (Writer w = new java.io.OutputStreamWriter(entry(zip, "answer-key.csv", time, files), StandardCharsets.UTF_8)) {
            answerKey(cast, w);
        }
        try (Writer w = new java.io.OutputStreamWriter(entry(zip, "README.txt", time, files), StandardCharsets.UTF_8)) {
            w.write(readme(analysis, cast, files));
        }
        zip.finish();
        out.flush();
        return new Result(List.copyOf(files), users, cast.notes());
    }

    private static OutputStream entry(ZipOutputStream zip, String name, long time, List<String> files) throws IOException {
        var entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        files.add(name);
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
                zip.closeEntry();
            }
        };
    }

    static void answerKey(Cast cast, Writer w) throws IOException {
        w.write("email,password,scheme,mfa,totp_secret\n");
        for (Person p : cast.people()) {
            String login = p.email != null ? p.email : p.phone != null ? p.phone : p.username();
            String scheme = p.hash != null ? p.hash.spec().scheme() : p.access == Person.Access.PASSWORD_WITHOUT_HASH
                    ? "none (the export has no hash)" : "";
            w.write(csv(login) + "," + csv(p.password == null ? "" : p.password) + "," + csv(scheme) + "," + csv(factors(p.factors)) + ","
                    + (p.totpSecret == null ? "" : p.totpSecret) + "\n");
        }
    }

    static String factors(int bits) {
        var names = new ArrayList<String>();
        String[] all = {"totp", "sms", "email", "webauthn", "push", "recovery-codes", "other"};
        for (int i = 0; i < all.length; i++) {
            if ((bits & (1 << i)) != 0) {
                names.add(all[i]);
            }
        }
        return String.join("+", names);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String readme(ExportAnalysis a, Cast cast, List<String> files) {
        var people = cast.people();
        int n = people.size();
        var sb = new StringBuilder();
        sb.append("SYNTHETIC REHEARSAL DATA - NOT REAL PEOPLE\n\n");
        sb.append("Generated by the CIAM migration portal on ").append(DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(cast.asOf()))
                .append(" from the analysis of an export of ").append(a.platformName()).append(" (").append(a.users()).append(" users, analysed ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(a.analysedAt())).append(").\n\n");
        sb.append("""
                Every user in this archive is made up: names come from a short built-in list, and every email address is at
                example.test, a domain reserved by RFC 2606 that no mail can reach, tagged '%s' for this run. The passwords
                are random and throwaway: they protect nothing real, and answer-key.csv lists them in clear text so the team
                can sign in as these users on a staging destination after a rehearsal import. Do not load this data into
                production; delete it after the rehearsal.

                """.formatted(cast.tag()));
        sb.append("Files\n");
        for (String f : files) {
            String what = f.startsWith(EXPORT_FOLDER) ? "the synthetic export, in " + a.platformName() + "'s own format"
                    : f.equals("answer-key.csv") ? "email,password,scheme,mfa,totp_secret of every user, in clear text "
                    + "(users without an email are listed by their phone number or username)" : "this file";
            sb.append(String.format(Locale.ROOT, "  %-32s %s%n", f, what));
        }
        sb.append("\nThe mix it reproduces (source analysis -> this export)\n");
        sb.append(String.format(Locale.ROOT, "  users: %d -> %d%n", a.users(), n));
        Map<String, long[]> mine = counts(cast);
        Map<String, Double> source = sourceShares(a);
        source.forEach((label, share) -> {
            long[] c = mine.get(label);
            sb.append(String.format(Locale.ROOT, "  %-36s %6.1f %% -> %6.1f %%%n", label + ":", 100 * share, c == null ? 0.0 : 100.0 * c[0] / n));
        });
        var schemes = new LinkedHashMap<String, Long>();
        people.stream().filter(p -> p.hash != null).forEach(p -> schemes.merge(p.hash.spec().label() + ", " + p.hash.spec().format(), 1L, Long::sum));
        if (!schemes.isEmpty()) {
            sb.append("  hashes written (real hashes of the passwords in answer-key.csv):\n");
            schemes.forEach((s, c) -> sb.append(String.format(Locale.ROOT, "    %s: %d users%n", s, c)));
        }
        if (!a.providers().counts().isEmpty()) {
            sb.append("  providers and connections: ").append(String.join(", ", a.providers().counts().keySet())).append('\n');
        }
        if (!cast.mix().attributeKeys().isEmpty()) {
            sb.append("  custom attribute keys (made-up values): ").append(String.join(", ", cast.mix().attributeKeys())).append('\n');
        }
        if (cast.format().carriesTotpSecrets() && people.stream().anyMatch(p -> p.totpSecret != null)) {
            sb.append("  TOTP secrets are in the export (and in answer-key.csv, base32): an authenticator app can be set up from them.\n");
        } else if (people.stream().anyMatch(p -> p.totpSecret != null)) {
            sb.append("  TOTP secrets are only in answer-key.csv: this platform's export does not carry them.\n");
        }
        if (!cast.notes().isEmpty()) {
            sb.append("\nNot reproduced exactly\n");
            new java.util.LinkedHashSet<>(cast.notes()).forEach(note -> sb.append("  - ").append(note).append('\n'));
        }
        sb.append("\nWhat the source analysis could not observe is not observable here either: this export has the same files.\n");
        return sb.toString();
    }

    /** The README's shares of the source, by label; {@link #counts} gives this export's. */
    private static Map<String, Double> sourceShares(ExportAnalysis a) {
        double u = Math.max(1, a.users());
        var out = new LinkedHashMap<String, Double>();
        var p = a.passwords();
        if (p.withPassword() != null) {
            out.put("password hash in the export", p.withPassword() / u);
        }
        if (a.socialOnly().count() != null) {
            out.put("social or enterprise only", a.socialOnly().count() / u);
        }
        if (a.passwordless().count() != null) {
            out.put("passwordless", a.passwordless().count() / u);
        }
        if (a.mfa().users() != null) {
            out.put("second factor", a.mfa().users() / u);
        }
        if (a.emailVerified().count() != null && a.emailVerified().observedUsers() > 0) {
            out.put("email verified (of those showing it)", (double) a.emailVerified().count() / a.emailVerified().observedUsers());
        }
        if (a.blocked().count() != null) {
            out.put("blocked", a.blocked().count() / u);
        }
        if (a.lastSignIn().inactive() != null && a.lastSignIn().observedUsers() > 0) {
            out.put("inactive (of those showing it)", (double) a.lastSignIn().inactive() / a.lastSignIn().observedUsers());
        }
        out.put("without an email", a.duplicateEmails().withoutEmail() / u);
        return out;
    }

    private static Map<String, long[]> counts(Cast cast) {
        var out = new LinkedHashMap<String, long[]>();
        long day = 86_400_000L;
        long now = cast.asOf().toEpochMilli();
        int inactiveDays = cast.mix().inactiveDays();
        for (Person p : cast.people()) {
            if (p.hash != null) {
                out.computeIfAbsent("password hash in the export", k -> new long[1])[0]++;
            }
            if (p.access == Person.Access.SOCIAL) {
                out.computeIfAbsent("social or enterprise only", k -> new long[1])[0]++;
            }
            if (p.access == Person.Access.PASSWORDLESS) {
                out.computeIfAbsent("passwordless", k -> new long[1])[0]++;
            }
            if (p.factors != 0) {
                out.computeIfAbsent("second factor", k -> new long[1])[0]++;
            }
            if (p.blocked) {
                out.computeIfAbsent("blocked", k -> new long[1])[0]++;
            }
            if (p.email == null) {
                out.computeIfAbsent("without an email", k -> new long[1])[0]++;
            }
        }
        long withEmail = cast.people().stream().filter(p -> p.email != null).count();
        long verified = cast.people().stream().filter(p -> p.email != null && p.emailVerified).count();
        // shares "of those showing it" are scaled to the user count for the README's one-column arithmetic
        out.put("email verified (of those showing it)", new long[] {withEmail == 0 ? 0 : verified * cast.people().size() / withEmail});
        long observed = cast.people().stream().filter(p -> p.lastSignIn != Person.UNKNOWN).count();
        long inactive = cast.people().stream().filter(p -> p.lastSignIn == Person.NEVER || (p.lastSignIn > 0 && (now - p.lastSignIn) / day >= inactiveDays))
                .count();
        out.put("inactive (of those showing it)", new long[] {observed == 0 ? 0 : inactive * cast.people().size() / observed});
        return out;
    }
}
