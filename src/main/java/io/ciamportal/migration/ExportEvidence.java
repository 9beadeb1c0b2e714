package io.ciamportal.migration;

import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.vendor.HashSchemes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the migration's latest export showed about the facts a vendor's documentation also speaks to: whether the
 * file holds password hashes and in which schemes, and whether it holds TOTP secrets. For this migration it outranks
 * the dataset: a file of bcrypt digests makes the hashes portable whatever the vendor's pages say.
 *
 * @param schemes scheme -> users, vocabulary schemes only
 */
public record ExportEvidence(UUID exportId, String platform, String fileName, String sha256, Instant analysedAt, long users,
        long withPassword, Map<String, Long> schemes, long totpSecretsInFile) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ExportEvidence of(UUID exportId, ExportAnalysis a) {
        var schemes = new LinkedHashMap<String, Long>();
        a.passwords().schemes().forEach((scheme, n) -> {
            if (HashSchemes.known(scheme)) {
                schemes.put(scheme, n);
            }
        });
        var first = a.files().getFirst();
        String name = a.files().size() == 1 ? first.name() : first.name() + " and " + (a.files().size() - 1) + " more";
        long with = a.passwords().withPassword() == null ? 0 : a.passwords().withPassword();
        return new ExportEvidence(exportId, a.platform(), name, first.sha256(), a.analysedAt(), a.users(), with, Map.copyOf(schemes),
                a.mfa().totpSecretsInFile());
    }

    /** The scheme most hashed users have, when the file holds hashes in a scheme of the vocabulary. */
    public @Nullable String dominantScheme() {
        return schemes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static @Nullable ExportEvidence fromJson(@Nullable String json) {
        return json == null ? null : JSON.readValue(json, ExportEvidence.class);
    }

    /** Where the evidence comes from, as a source line: the file and its SHA-256. */
    String source() {
        return "export " + fileName + " (SHA-256 " + sha256.substring(0, 12) + "…, analysed " + analysedAt.toString().substring(0, 10) + ")";
    }
}
