package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.ExportAnalysis.Status;
import io.ciamportal.exports.internal.Sniff;
import io.ciamportal.vendor.HashSchemes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixture exports under {@code src/test/resources/exports/} and their answer keys ({@code *.expected.json},
 * written by the fixtures' generator), shared by every {@code *KindsTest}: runs the analyser on a key's files and
 * compares the analysis with the key, field by field. A test names the fields where the reader knowingly differs
 * from the key, and asserts those itself. Also gathers the values a fixture holds that could identify a person, to
 * show none of them reaches the output. CSV lines are split with the analyser's own {@link Sniff#cells}.
 */
final class KindAnswerKeys {

    static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KindAnswerKeys() {}

    static byte[] bytes(String resource) {
        try (InputStream in = KindAnswerKeys.class.getResourceAsStream("/exports/" + resource)) {
            assertThat(in).as("fixture %s", resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode key(String resource) {
        return JSON.readTree(text(resource));
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** The fixture files a key describes, as resource paths. */
    static List<String> files(String keyResource) {
        String dir = keyResource.substring(0, keyResource.lastIndexOf('/') + 1);
        String platformDir = keyResource.substring(0, keyResource.indexOf('/') + 1);
        var out = new ArrayList<String>();
        // paths are relative to the key's folder; a key in a subfolder may name them from the platform's folder
        key(keyResource).get("files").forEach(f -> out.add(
                KindAnswerKeys.class.getResource("/exports/" + dir + f.asString()) != null ? dir + f.asString() : platformDir + f.asString()));
        return out;
    }

    static ExportAnalysis analyse(@Nullable Platform platform, List<String> resources) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(AS_OF).withPlatform(platform), ExportLimits.defaults());
        for (String r : resources) {
            analyser.add(r.substring(r.lastIndexOf('/') + 1), new ByteArrayInputStream(bytes(r)));
        }
        return analyser.finish();
    }

    static ExportAnalysis analyse(@Nullable Platform platform, String... resources) {
        return analyse(platform, List.of(resources));
    }

    /** Analyses the key's files with the platform detected, and checks every field of the key but the skipped ones. */
    static ExportAnalysis check(String keyResource, String... skip) {
        ExportAnalysis a = analyse(null, files(keyResource));
        check(a, key(keyResource), Set.of(skip));
        return a;
    }

    /**
     * Compares the analysis with every field the key has, but the skipped ones. {@code warnings}: each warning of
     * the key is given; {@code unlistedWarnings}: no warning is given that the key does not list (a test that knows
     * of more skips this and asserts them itself).
     */
    static void check(ExportAnalysis a, JsonNode key, Set<String> skip) {
        var fields = new LinkedHashMap<String, Object[]>();
        long users = longOf(key, "users");
        fields.put("platform", pair(key.get("platform").asString(), a.platform()));
        fields.put("kind", pair(key.get("kind").asString(),
                String.join(" + ", new LinkedHashSet<>(a.files().stream().map(ExportAnalysis.FileInfo::kind).toList()))));
        fields.put("users", pair(users, a.users()));
        fields.put("serviceAccountsSkipped", pair(longOf(key, "serviceAccountsSkipped"), a.skipped().serviceAccounts()));
        fields.put("withPassword", pair(number(key, "withPassword"), a.passwords().withPassword()));
        fields.put("passwordWithoutHash", pair(number(key, "passwordWithoutHash"), a.passwords().hashNotInExport()));
        fields.put("schemes", pair(counts(key.path("schemes")), new TreeMap<>(a.passwords().schemes())));
        fields.put("bcryptCost", pair(counts(key.path("bcryptCost")), new TreeMap<>(a.passwords().bcryptCost())));
        var parameters = new TreeMap<String, Map<String, Long>>();
        key.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), counts(e.getValue())));
        var actualParameters = new TreeMap<String, Map<String, Long>>();
        a.passwords().parameters().forEach((scheme, p) -> actualParameters.put(scheme, new TreeMap<>(p)));
        fields.put("parameters", pair(parameters, actualParameters));
        fields.put("emailVerified", pair(number(key, "emailVerified"), a.emailVerified().count()));
        fields.put("duplicateEmails", pair(longOf(key, "duplicateEmails"), a.duplicateEmails().duplicates()));
        fields.put("duplicateEmailUsers", pair(longOf(key, "duplicateEmailUsers"), a.duplicateEmails().usersAffected()));
        fields.put("withoutEmail", pair(longOf(key, "withoutEmail"), a.duplicateEmails().withoutEmail()));
        fields.put("emptyIds", pair(longOf(key, "emptyIds"), a.sourceIds().empty()));
        fields.put("duplicateIds", pair(longOf(key, "duplicateIds"), a.sourceIds().duplicates()));
        fields.put("blocked", pair(number(key, "blocked"), a.blocked().count()));
        fields.put("mfaUsers", pair(number(key, "mfaUsers"), a.mfa().users()));
        fields.put("mfa", pair(counts(key.path("mfa")), new TreeMap<>(a.mfa().factors())));
        fields.put("totpSecretsInFile", pair(longOf(key, "totpSecretsInFile"), a.mfa().totpSecretsInFile()));
        fields.put("providers", pair(counts(key.path("providers")), new TreeMap<>(a.providers().counts())));
        fields.put("federatedUsers", pair(number(key, "federatedUsers"),
                a.providers().status() == Status.NOT_OBSERVABLE ? null : a.providers().federatedUsers()));
        // a key writes 0 where nothing could be counted (no users at all); the analysis says "not observable"
        fields.put("socialOnly", pair(zeroIfNoUsers(number(key, "socialOnly"), users), zeroIfNoUsers(a.socialOnly().count(), users)));
        fields.put("passwordless", pair(zeroIfNoUsers(number(key, "passwordless"), users),
                zeroIfNoUsers(a.passwordless().count(), users)));
        var l = a.lastSignIn();
        boolean lastObserved = key.path("lastSignInObserved").asBoolean(false);
        fields.put("lastSignInObserved", pair(lastObserved, l.status() != Status.NOT_OBSERVABLE));
        fields.put("neverSignedIn", pair(number(key, "neverSignedIn"), lastObserved ? Long.valueOf(l.never()) : null));
        long byYear = 0;
        for (var e : key.path("lastSignInByYear").properties()) {
            byYear += e.getValue().asLong();
        }
        fields.put("lastSignInByYear", pair(byYear, l.histogram().stream().mapToLong(ExportAnalysis.Bucket::users).sum()));
        var keys = new ArrayList<String>();
        key.path("customAttributeKeys").forEach(k -> keys.add(k.asString()));
        fields.put("customAttributeKeys", pair(keys, a.customAttributes().keys()));
        fields.put("tenants", pair(number(key, "tenants"), a.tenants().count()));
        fields.put("organizations", pair(number(key, "organizations"), a.organizations().count()));
        fields.put("groups", pair(number(key, "groups"), a.groups().count()));
        var statuses = new TreeMap<String, String>();
        key.path("observability").properties().forEach(e -> statuses.put(e.getKey(), e.getValue().asString()));
        fields.put("observability", pair(statuses, statuses(a, statuses.keySet())));
        var warnings = new HashSet<String>();
        key.path("warnings").forEach(w -> warnings.add(w.asString()));
        var listed = new HashSet<>(codes(a));
        listed.retainAll(warnings);
        fields.put("warnings", pair(warnings, listed));
        var unlisted = new HashSet<>(codes(a));
        unlisted.removeAll(warnings);
        fields.put("unlistedWarnings", pair(Set.of(), unlisted));
        var soft = new SoftAssertions();
        fields.forEach((name, p) -> {
            boolean inKey = key.has(name) || name.equals("unlistedWarnings") && key.has("warnings");
            if (inKey && !skip.contains(name)) {
                soft.assertThat(p[1]).as(name).isEqualTo(p[0]);
            }
        });
        soft.assertAll();
    }

    static Map<String, String> statuses(ExportAnalysis a, Set<String> wanted) {
        var out = new TreeMap<String, String>();
        out.put("passwords", a.passwords().status().json());
        out.put("emailVerified", a.emailVerified().status().json());
        out.put("blocked", a.blocked().status().json());
        out.put("mfa", a.mfa().status().json());
        out.put("lastSignIn", a.lastSignIn().status().json());
        out.put("providers", a.providers().status().json());
        out.put("customAttributes", a.customAttributes().status().json());
        out.keySet().retainAll(wanted);
        return out;
    }

    static List<String> codes(ExportAnalysis a) {
        return a.warnings().stream().map(ExportAnalysis.Warning::code).toList();
    }

    private static Object[] pair(@Nullable Object expected, @Nullable Object actual) {
        return new Object[] {expected, actual};
    }

    private static long longOf(JsonNode key, String field) {
        return key.path(field).asLong(0);
    }

    private static @Nullable Long number(JsonNode key, String field) {
        JsonNode n = key.get(field);
        return n == null || n.isNull() ? null : n.asLong();
    }

    private static @Nullable Long zeroIfNoUsers(@Nullable Long v, long users) {
        return v == null && users == 0 ? Long.valueOf(0) : v;
    }

    private static Map<String, Long> counts(JsonNode node) {
        var out = new TreeMap<String, Long>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static boolean looksLikeJson(String text) {
        String head = text.stripLeading();
        return head.startsWith("{") || head.startsWith("[");
    }

    // ---- personal values of a fixture, sieved two ways -------------------------------------------------------------

    /** Keys whose values are people's names. */
    private static final Set<String> NAME_KEYS = Set.of("displayName", "firstName", "lastName", "givenName", "surname", "name",
            "given_name", "family_name", "userName", "username");

    /**
     * Every value in the fixtures that could point at a person or a secret: JSON string and number leaves (strings
     * inside strings too), CSV cells and {@code key: value} lines, eight characters or longer, holding an {@code @} or
     * a digit, or sixteen characters or longer, or under a name key; less the names an analysis may show (see
     * {@link #shownNames}). Words of a format's vocabulary ("federated") are not personal.
     */
    static Set<String> personalValues(List<String> resources, Set<String> allowed) {
        var out = new LinkedHashSet<String>();
        for (String r : resources) {
            String text = text(r);
            if (looksLikeJson(text)) {
                leaves(JSON.readTree(text), "", out);
            } else {
                for (String line : text.split("\r?\n")) {
                    for (String cell : Sniff.cells(line)) {
                        add(cell, false, out);
                    }
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        add(line.substring(colon + 1).replaceAll(",\\s*$", ""), false, out);
                    }
                }
            }
        }
        out.removeAll(allowed);
        return out;
    }

    /** The names a key says an analysis shows: providers, custom attribute keys, scheme names. */
    static Set<String> shownNames(JsonNode key) {
        var out = new LinkedHashSet<String>(HashSchemes.ALL);
        key.path("providers").propertyNames().forEach(out::add);
        key.path("customAttributeKeys").forEach(k -> out.add(k.asString()));
        return out;
    }

    private static void add(String value, boolean name, Set<String> out) {
        String v = value.strip();
        if (v.length() >= 8 && (name || v.length() >= 16 || v.indexOf('@') >= 0 || v.chars().anyMatch(Character::isDigit))) {
            out.add(v);
        }
    }

    private static void leaves(JsonNode node, String key, Set<String> out) {
        if (node.isString()) {
            String s = node.asString();
            add(s, NAME_KEYS.contains(key), out);
            String t = s.strip();
            if (t.startsWith("{") || t.startsWith("[")) {
                try {
                    leaves(JSON.readTree(t), key, out);
                } catch (tools.jackson.core.JacksonException notJson) {
                    // a string that only starts like JSON
                }
            }
        } else if (node.isNumber()) {
            add(node.asString(), false, out);
        } else if (node.isObject()) {
            node.properties().forEach(e -> leaves(e.getValue(), e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(child -> leaves(child, key, out));
        }
    }

    /** Asserts that no personal value of the fixtures occurs in the analysis document (emails also lower-cased). */
    static void assertNoPersonalValues(ExportAnalysis a, List<String> resources, Set<String> allowed) {
        // the files' SHA-256 digests are random hex: a long digit run of a fixture could occur in one by chance
        String json = AnalysisJson.write(a);
        for (var f : a.files()) {
            json = json.replace(f.sha256(), "");
        }
        String lower = json.toLowerCase(Locale.ROOT);
        Set<String> values = personalValues(resources, allowed);
        assertThat(values).as("personal values found in the fixtures").isNotEmpty();
        var soft = new SoftAssertions();
        for (String v : values) {
            // an email might come out lower-cased; other values would come out as written
            boolean found = json.contains(v) || (v.indexOf('@') >= 0 && lower.contains(v.toLowerCase(Locale.ROOT)));
            soft.assertThat(found).as("output holds the fixture value %s", v).isFalse();
        }
        soft.assertAll();
    }

    /**
     * Every text value of one fixture ten characters or longer, that could identify a person or is a secret (ids,
     * emails, names, phones, hashes, salts, tokens, TOTP seeds), gathered from JSON string values and CSV cells (and
     * the JSON inside cells); snake_case words and the names the analysis rightly shows (providers, hash formats)
     * left out.
     */
    static Set<String> longTextValues(String resource, ExportAnalysis a) {
        String text = text(resource);
        var values = new HashSet<String>();
        if (looksLikeJson(text)) {
            strings(JSON.readTree(text), values);
        } else {
            for (String line : text.split("\r?\n")) {
                for (String cell : Sniff.cells(line)) {
                    values.add(cell);
                    if (cell.startsWith("{")) {
                        try {
                            strings(JSON.readTree(cell), values);
                        } catch (RuntimeException notJson) {
                            // a cell that only looks like JSON
                        }
                    }
                }
            }
        }
        // short values, and snake_case names (column names, enum values) are no one's data
        values.removeIf(v -> v.length() < 10 || v.matches("[a-z_]+"));
        values.removeAll(a.providers().counts().keySet());
        values.removeIf(v -> a.passwords().formats().keySet().stream().anyMatch(f -> f.contains(v)));
        return values;
    }

    private static void strings(JsonNode node, Set<String> out) {
        if (node.isString()) {
            out.add(node.asString());
        }
        node.forEach(child -> strings(child, out));
    }

    /**
     * Asserts that the analysis document and its text rendering hold none of the fixtures' {@link #longTextValues},
     * the planted marker, or an example email.
     */
    static void assertNoPersonalData(ExportAnalysis a, String... resources) {
        String document = AnalysisJson.write(a) + AnalysisText.render(a);
        assertThat(document).doesNotContain("MARKER-PII-7f3a").doesNotContain("@example.");
        for (String r : resources) {
            var values = longTextValues(r, a);
            assertThat(values).as("personal values of %s", r).hasSizeGreaterThan(5);
            for (String value : values) {
                assertThat(document).as("a value of %s", r).doesNotContain(value);
            }
        }
    }
}
