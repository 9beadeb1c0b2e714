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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixture exports under {@code src/test/resources/exports/} and their answer keys ({@code *.expected.json},
 * written by the fixtures' generator): runs the analyser on a key's files and compares the analysis with the key,
 * field by field. A test names the fields where the reader knowingly differs from the key, and asserts those
 * itself. Also gathers every value a fixture holds that could identify a person, to show none reaches the output.
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
        return JSON.readTree(new String(bytes(resource), StandardCharsets.UTF_8));
    }

    /** The fixture files a key describes, as resource paths. */
    static List<String> files(String keyResource) {
        String dir = keyResource.substring(0, keyResource.lastIndexOf('/') + 1);
        var out = new ArrayList<String>();
        key(keyResource).get("files").forEach(f -> out.add(dir + f.asString()));
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

    static void check(ExportAnalysis a, JsonNode key, Set<String> skip) {
        var fields = new LinkedHashMap<String, Object[]>();
        fields.put("platform", pair(key.get("platform").asString(), a.platform()));
        fields.put("kind", pair(key.get("kind").asString(),
                String.join(" + ", new LinkedHashSet<>(a.files().stream().map(ExportAnalysis.FileInfo::kind).toList()))));
        fields.put("users", pair(key.get("users").asLong(), a.users()));
        fields.put("serviceAccountsSkipped", pair(key.get("serviceAccountsSkipped").asLong(), a.skipped().serviceAccounts()));
        fields.put("withPassword", pair(number(key, "withPassword"), a.passwords().withPassword()));
        fields.put("passwordWithoutHash", pair(number(key, "passwordWithoutHash"), a.passwords().hashNotInExport()));
        fields.put("schemes", pair(counts(key.get("schemes")), new TreeMap<>(a.passwords().schemes())));
        fields.put("bcryptCost", pair(counts(key.get("bcryptCost")), new TreeMap<>(a.passwords().bcryptCost())));
        var parameters = new TreeMap<String, Map<String, Long>>();
        key.get("parameters").properties().forEach(e -> parameters.put(e.getKey(), counts(e.getValue())));
        var actualParameters = new TreeMap<String, Map<String, Long>>();
        a.passwords().parameters().forEach((scheme, p) -> actualParameters.put(scheme, new TreeMap<>(p)));
        fields.put("parameters", pair(parameters, actualParameters));
        fields.put("emailVerified", pair(number(key, "emailVerified"), a.emailVerified().count()));
        fields.put("duplicateEmails", pair(key.get("duplicateEmails").asLong(), a.duplicateEmails().duplicates()));
        fields.put("duplicateEmailUsers", pair(key.get("duplicateEmailUsers").asLong(), a.duplicateEmails().usersAffected()));
        fields.put("withoutEmail", pair(key.get("withoutEmail").asLong(), a.duplicateEmails().withoutEmail()));
        fields.put("emptyIds", pair(key.get("emptyIds").asLong(), a.sourceIds().empty()));
        fields.put("duplicateIds", pair(key.get("duplicateIds").asLong(), a.sourceIds().duplicates()));
        fields.put("blocked", pair(number(key, "blocked"), a.blocked().count()));
        fields.put("mfaUsers", pair(number(key, "mfaUsers"), a.mfa().users()));
        fields.put("mfa", pair(counts(key.get("mfa")), new TreeMap<>(a.mfa().factors())));
        fields.put("totpSecretsInFile", pair(key.get("totpSecretsInFile").asLong(), a.mfa().totpSecretsInFile()));
        fields.put("providers", pair(counts(key.get("providers")), new TreeMap<>(a.providers().counts())));
        fields.put("federatedUsers", pair(number(key, "federatedUsers"),
                a.providers().status() == Status.NOT_OBSERVABLE ? null : a.providers().federatedUsers()));
        fields.put("socialOnly", pair(number(key, "socialOnly"), a.socialOnly().count()));
        fields.put("passwordless", pair(number(key, "passwordless"), a.passwordless().count()));
        var l = a.lastSignIn();
        boolean lastObserved = key.get("lastSignInObserved").asBoolean();
        fields.put("lastSignInObserved", pair(lastObserved, l.status() != Status.NOT_OBSERVABLE));
        fields.put("neverSignedIn", pair(number(key, "neverSignedIn"), lastObserved ? Long.valueOf(l.never()) : null));
        long byYear = 0;
        for (var e : key.get("lastSignInByYear").properties()) {
            byYear += e.getValue().asLong();
        }
        fields.put("lastSignInByYear", pair(byYear, l.histogram().stream().mapToLong(ExportAnalysis.Bucket::users).sum()));
        var keys = new ArrayList<String>();
        key.get("customAttributeKeys").forEach(k -> keys.add(k.asString()));
        fields.put("customAttributeKeys", pair(keys, a.customAttributes().keys()));
        fields.put("tenants", pair(number(key, "tenants"), a.tenants().count()));
        fields.put("organizations", pair(number(key, "organizations"), a.organizations().count()));
        fields.put("groups", pair(number(key, "groups"), a.groups().count()));
        var statuses = new TreeMap<String, String>();
        key.get("observability").properties().forEach(e -> statuses.put(e.getKey(), e.getValue().asString()));
        fields.put("observability", pair(statuses, statuses(a, statuses.keySet())));
        var warnings = new HashSet<String>();
        key.get("warnings").forEach(w -> warnings.add(w.asString()));
        // the key lists the warnings a reader must give; a reader may say more (asserted by the tests)
        var given = new HashSet<>(codes(a));
        given.retainAll(warnings);
        fields.put("warnings", pair(warnings, given));
        var soft = new SoftAssertions();
        fields.forEach((name, p) -> {
            if (!skip.contains(name)) {
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

    private static @Nullable Long number(JsonNode key, String field) {
        JsonNode n = key.get(field);
        return n == null || n.isNull() ? null : n.asLong();
    }

    private static Map<String, Long> counts(@Nullable JsonNode node) {
        var out = new TreeMap<String, Long>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        }
        return out;
    }

    /**
     * Every text value of a fixture that could identify a person or is a secret (ids, emails, names, phones,
     * hashes, salts, tokens, TOTP seeds), gathered from JSON string values and CSV cells (and the JSON inside
     * cells), ten characters or longer; the names the analysis rightly shows (providers, hash formats) left out.
     */
    static Set<String> personalValues(String resource, ExportAnalysis a) {
        String text = new String(bytes(resource), StandardCharsets.UTF_8);
        var values = new HashSet<String>();
        if (text.stripLeading().startsWith("[") || text.stripLeading().startsWith("{")) {
            strings(JSON.readTree(text), values);
        } else {
            for (String line : text.split("\r?\n")) {
                for (String cell : cells(line)) {
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

    /** Asserts that the analysis document holds none of the fixture's personal values, the marker, or an email. */
    static void assertNoPersonalData(ExportAnalysis a, String... resources) {
        String document = AnalysisJson.write(a) + AnalysisText.render(a);
        assertThat(document).doesNotContain("MARKER-PII-7f3a").doesNotContain("@example.");
        for (String r : resources) {
            var values = personalValues(r, a);
            assertThat(values).as("personal values of %s", r).hasSizeGreaterThan(5);
            for (String value : values) {
                assertThat(document).as("a value of %s", r).doesNotContain(value);
            }
        }
    }
}
