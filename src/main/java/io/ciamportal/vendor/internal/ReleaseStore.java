package io.ciamportal.vendor.internal;

import io.ciamportal.vendor.DatasetFiles;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dataset releases an installation took, the conflicts they left with local curation, and the imports. */
@Component
public class ReleaseStore {

    /** Serializes release applications across portal instances on one database. */
    private static final long LOCK = 4242000010L;

    private final JdbcClient jdbc;

    ReleaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The release this installation holds, and what applying it did. */
    public record Installed(String version, String checksum, LocalDate publishedOn, OffsetDateTime appliedAt, Map<String, Object> summary) {}

    /** A field where the release and a local curator disagree, as stored (values as JSON text). */
    public record ConflictRow(String slug, String path, String releaseVersion, String releaseValue, @Nullable String localValue,
            OffsetDateTime detectedAt) {}

    /** Takes the release lock for the rest of the transaction. */
    public void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    }

    public Optional<Installed> installed() {
        return jdbc.sql("SELECT version, checksum, published_on, applied_at, summary::text AS summary FROM dataset_release "
                        + "ORDER BY applied_at DESC, version DESC LIMIT 1")
                .query((rs, n) -> new Installed(rs.getString("version"), rs.getString("checksum"),
                        rs.getObject("published_on", LocalDate.class), rs.getObject("applied_at", OffsetDateTime.class),
                        map(rs.getString("summary"))))
                .optional();
    }

    /** The whole document of an installed release, the base of the next three-way merge. */
    public String document(String version) {
        return jdbc.sql("SELECT document::text FROM dataset_release WHERE version = ?").param(version).query(String.class).single();
    }

    public void recordRelease(String version, String checksum, LocalDate publishedOn, String document, OffsetDateTime appliedAt,
            String summaryJson) {
        jdbc.sql("""
                INSERT INTO dataset_release (version, checksum, published_on, document, applied_at, summary)
                VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb)""")
                .params(version, checksum, publishedOn, document, appliedAt, summaryJson)
                .update();
    }

    public void saveConflict(String slug, String path, String releaseVersion, String releaseValue, @Nullable String localValue,
            OffsetDateTime detectedAt) {
        jdbc.sql("""
                INSERT INTO dataset_conflict (slug, path, release_version, release_value, local_value, detected_at)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT (slug, path) DO UPDATE SET release_version = EXCLUDED.release_version,
                    release_value = EXCLUDED.release_value, local_value = EXCLUDED.local_value, detected_at = EXCLUDED.detected_at""")
                .params(slug, path, releaseVersion, releaseValue, localValue, detectedAt)
                .update();
    }

    public List<ConflictRow> conflicts() {
        return jdbc.sql("""
                        SELECT slug, path, release_version, release_value::text AS release_value, local_value::text AS local_value,
                            detected_at
                        FROM dataset_conflict ORDER BY slug, path""")
                .query((rs, n) -> new ConflictRow(rs.getString("slug"), rs.getString("path"), rs.getString("release_version"),
                        rs.getString("release_value"), rs.getString("local_value"), rs.getObject("detected_at", OffsetDateTime.class)))
                .list();
    }

    public int conflictCount() {
        return jdbc.sql("SELECT count(*) FROM dataset_conflict").query(Integer.class).single();
    }

    /** The release's value of an open conflict, as JSON text. */
    public Optional<String> conflictValue(String slug, String path) {
        return jdbc.sql("SELECT release_value::text FROM dataset_conflict WHERE slug = ? AND path = ?").params(slug, path)
                .query(String.class).optional();
    }

    public void deleteConflict(String slug, String path) {
        jdbc.sql("DELETE FROM dataset_conflict WHERE slug = ? AND path = ?").params(slug, path).update();
    }

    public void updateConflictLocal(String slug, String path, @Nullable String localValue) {
        jdbc.sql("UPDATE dataset_conflict SET local_value = ?::jsonb WHERE slug = ? AND path = ?").params(localValue, slug, path).update();
    }

    /** {@code slug -> fields} an installation from before releases curated, as its audit log showed. */
    public Map<String, Set<String>> legacyCuration() {
        var curated = new HashMap<String, Set<String>>();
        jdbc.sql("SELECT slug, path FROM dataset_legacy_curation")
                .query(rs -> {
                    curated.computeIfAbsent(rs.getString("slug"), k -> new HashSet<>()).add(rs.getString("path"));
                });
        return curated;
    }

    public void clearLegacyCuration() {
        jdbc.sql("DELETE FROM dataset_legacy_curation").update();
    }

    /** Vendor names by slug and capability names by key, for showing conflicts. */
    public Map<String, String> vendorNames() {
        var names = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT slug, name FROM vendor").query(rs -> {
            names.put(rs.getString("slug"), rs.getString("name"));
        });
        return names;
    }

    public Map<String, String> capabilityNames() {
        var names = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT key, name FROM capability").query(rs -> {
            names.put(rs.getString("key"), rs.getString("name"));
        });
        return names;
    }

    public long vendorCount() {
        return jdbc.sql("SELECT count(*) FROM vendor").query(Long.class).single();
    }

    /** Remembers an imported file by its checksum (a second import of the same file updates the time). */
    public void recordImport(String checksum, OffsetDateTime at, int vendors) {
        jdbc.sql("""
                INSERT INTO dataset_import (checksum, imported_at, vendors, source) VALUES (?, ?, ?, 'import')
                ON CONFLICT (checksum) DO UPDATE SET imported_at = EXCLUDED.imported_at""")
                .params(checksum, at, vendors).update();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return DatasetFiles.JSON.readValue(json, Map.class);
    }
}
