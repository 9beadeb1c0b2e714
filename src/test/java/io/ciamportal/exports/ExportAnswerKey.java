package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.ExportAnalysis.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
 * Runs the analyser on the fixture files under {@code src/test/resources/exports/} and compares the analysis with
 * the answer key next to them ({@code *.expected.json}, written by the fixtures' generator), field by field. A
 * test names the fields where the analyser knowingly differs from the key and asserts those apart. Also collects
 * every value a fixture holds that could identify a person, to show none of them reaches the output.
 */
final class ExportAnswerKey {

    static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportAnswerKey() {}

    static byte[] bytes(String resource) {
        try (InputStream in = ExportAnswerKey.class.getResourceAsStream("/exports/" + resource)) {
            assertThat(in).as("fixture %s", resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode key(String resource) {
        return JSON.readTree(new String(bytes(resource), StandardCharsets.UTF_8));
    }

    /** The fixture files a key describes, as resource paths. */
    static List<String> files(String keyResource) {
        String dir = keyResource.contains("/") ? keyResource.substring(0, keyResource.lastIndexOf('/') + 1) : "";
        String platformDir = keyResource.substring(0, keyResource.indexOf('/') + 1);
        var out = new ArrayList<String>();
        // paths are relative to the key's folder; a key in a subfolder may name them from the platform's folder
        key(keyResource).get("files").forEach(f -> out.add(
                ExportAnswerKey.class.getResource("/exports/" + dir + f.asString()) != null ? dir + f.asString() : platformDir + f.asString()));
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

    /** Analyses the key's files (platform detected) and checks every field of the key but the skipped ones. */
    static ExportAnalysis check(String keyResource, String... skip) {
        ExportAnalysis a = analyse(null, files(keyResource));
        check(a, key(keyResource), Set.of(skip));
        return a;
    }

    static void check(ExportAnalysis a, JsonNode key, Set<String> skip) {
        var soft = new SoftAssertions();
        var fields = new LinkedHashMap<String, Object[]>();
        long users = longOf(key, "users");
        fields.put("platform", new Object[] {key.get("platform").asString(), a.platform()});
        fields.put("kind", new Object[] {key.get("kind").asString(), String.join(" + ",
                new LinkedHashSet<>(a.files().stream().map(ExportAnalysis.FileInfo::kind).toList()))});
        fields.put("users", new Object[] {users, a.users()});
        fields.put("serviceAccountsSkipped", new Object[] {longOf(key, "serviceAccountsSkipped"), a.skipped().serviceAccounts()});
        fields.put("withPassword", new Object[] {number(key, "withPassword"), a.passwords().withPassword()});
        fields.put("passwordWithoutHash", new Object[] {number(key, "passwordWithoutHash"), a.passwords().hashNotInExport()});
        fields.put("schemes", new Object[] {counts(key.path("schemes")), new TreeMap<>(a.passwords().schemes())});
        fields.put("bcryptCost", new Object[] {counts(key.path("bcryptCost")), new TreeMap<>(a.passwords().bcryptCost())});
        var parameters = new TreeMap<String, Map<String, Long>>();
        key.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), counts(e.getValue())));
        var actualParameters = new TreeMap<String, Map<String, Long>>();
        a.passwords().parameters().forEach((scheme, p) -> actualParameters.put(scheme, new TreeMap<>(p)));
        fields.put("parameters", new Object[] {parameters, actualParameters});
        fields.put("emailVerified", new Object[] {number(key, "emailVerified"), a.emailVerified().count()});
        fields.put("duplicateEmails", new Object[] {longOf(key, "duplicateEmails"), a.duplicateEmails().duplicates()});
        fields.put("duplicateEmailUsers", new Object[] {longOf(key, "duplicateEmailUsers"), a.duplicateEmails().usersAffected()});
        fields.put("withoutEmail", new Object[] {longOf(key, "withoutEmail"), a.duplicateEmails().withoutEmail()});
        fields.put("emptyIds", new Object[] {longOf(key, "emptyIds"), a.sourceIds().empty()});
        fields.put("duplicateIds", new Object[] {longOf(key, "duplicateIds"), a.sourceIds().duplicates()});
        fields.put("blocked", new Object[] {number(key, "blocked"), a.blocked().count()});
        fields.put("mfaUsers", new Object[] {number(key, "mfaUsers"), a.mfa().users()});
        fields.put("mfa", new Object[] {counts(key.path("mfa")), new TreeMap<>(a.mfa().factors())});
        fields.put("totpSecretsInFile", new Object[] {longOf(key, "totpSecretsInFile"), a.mfa().totpSecretsInFile()});
        fields.put("providers", new Object[] {counts(key.path("providers")), new TreeMap<>(a.providers().counts())});
        Long federated = number(key, "federatedUsers");
        fields.put("federatedUsers", new Object[] {federated, a.providers().status() == Status.NOT_OBSERVABLE ? null
                : a.providers().federatedUsers()});
        // a key writes 0 where nothing could be counted (no users at all); the analysis says "not observable"
        fields.put("socialOnly", new Object[] {zeroIfNoUsers(number(key, "socialOnly"), users), zeroIfNoUsers(a.socialOnly().count(), users)});
        fields.put("passwordless", new Object[] {zeroIfNoUsers(number(key, "passwordless"), users),
                zeroIfNoUsers(a.passwordless().count(), users)});
        var l = a.lastSignIn();
        boolean lastObserved = key.path("lastSignInObserved").asBoolean(false);
        fields.put("lastSignInObserved", new Object[] {lastObserved, l.status() != Status.NOT_OBSERVABLE});
        fields.put("neverSignedIn", new Object[] {number(key, "neverSignedIn"), lastObserved ? Long.valueOf(l.never()) : null});
        long byYear = 0;
        for (var e : key.path("lastSignInByYear").properties()) {
            byYear += e.getValue().asLong();
        }
        fields.put("lastSignInByYear", new Object[] {byYear, l.histogram().stream().mapToLong(ExportAnalysis.Bucket::users).sum()});
        var keys = new ArrayList<String>();
        key.path("customAttributeKeys").forEach(k -> keys.add(k.asString()));
        fields.put("customAttributeKeys", new Object[] {keys, a.customAttributes().keys()});
        fields.put("tenants", new Object[] {number(key, "tenants"), a.tenants().count()});
        fields.put("organizations", new Object[] {number(key, "organizations"), a.organizations().count()});
        fields.put("groups", new Object[] {number(key, "groups"), a.groups().count()});
        var statuses = new TreeMap<String, String>();
        key.path("observability").properties().forEach(e -> statuses.put(e.getKey(), e.getValue().asString()));
        var actualStatuses = new TreeMap<String, String>();
        actualStatuses.put("passwords", a.passwords().status().json());
        actualStatuses.put("emailVerified", a.emailVerified().status().json());
        actualStatuses.put("blocked", a.blocked().status().json());
        actualStatuses.put("mfa", a.mfa().status().json());
        actualStatuses.put("lastSignIn", l.status().json());
        actualStatuses.put("providers", a.providers().status().json());
        actualStatuses.put("customAttributes", a.customAttributes().status().json());
        actualStatuses.keySet().retainAll(statuses.keySet());
        fields.put("observability", new Object[] {statuses, actualStatuses});
        var warnings = new ArrayList<String>();
        key.path("warnings").forEach(w -> warnings.add(w.asString()));
        fields.put("warnings", new Object[] {Set.copyOf(warnings), Set.copyOf(codes(a))});
        fields.forEach((name, pair) -> {
            if (!skip.contains(name) && key.has(name)) {
                soft.assertThat(pair[1]).as(name).isEqualTo(pair[0]);
            }
        });
        soft.assertAll();
    }

    static List<String> codes(ExportAnalysis a) {
        return a.warnings().stream().map(ExportAnalysis.Warning::code).toList();
    }

    private static long longOf(JsonNode key, String field) {
        return key.path(field).asLong(0);
    }

    private static @Nullable Long number(JsonNode key, String field) {
        JsonNode v = key.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static @Nullable Long zeroIfNoUsers(@Nullable Long v, long users) {
        return v == null && users == 0 ? Long.valueOf(0) : v;
    }

    private static Map<String, Long> counts(JsonNode node) {
        var out = new TreeMap<String, Long>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    // ---- personal values of a fixture --------------------------------------------------------------------------

    /** Keys whose values are people's names. */
    private static final Set<String> NAME_KEYS = Set.of("displayName", "firstName", "lastName", "givenName", "surname", "name",
            "given_name", "family_name", "userName", "username");

    /**
     * Every value in the fixtures that could point at a person or a secret: JSON string leaves (strings inside
     * strings too), CSV cells and {@code key: value} lines, eight characters or longer, holding an {@code @} or a
     * digit, or sixteen characters or longer, or under a name key; less the names an analysis may show (providers
     * and attribute keys the answer key lists). Words of a format's vocabulary ("federated") are not personal.
     */
    static Set<String> personalValues(List<String> resources, Set<String> allowed) {
        var out = new LinkedHashSet<String>();
        for (String r : resources) {
            String text = new String(bytes(r), StandardCharsets.UTF_8);
            String head = text.stripLeading();
            if (head.startsWith("{") || head.startsWith("[")) {
                leaves(JSON.readTree(text), "", out);
            } else {
                for (String line : text.split("\r?\n")) {
                    for (String cell : cells(line)) {
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
        var out = new LinkedHashSet<String>(io.ciamportal.vendor.HashSchemes.ALL);
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

    private static List<String> cells(String line) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
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
}
