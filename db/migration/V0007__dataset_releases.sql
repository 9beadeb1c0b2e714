-- Dataset releases (docs/dataset.md). A fact's reviewed-on date is the day it was read at its source: a fact nobody
-- read has none, and a confirmed fact always has one.
ALTER TABLE capability_value ALTER COLUMN reviewed_on DROP NOT NULL;
ALTER TABLE capability_value ADD CONSTRAINT capability_value_confirmed_was_read CHECK (NOT confirmed OR reviewed_on IS NOT NULL);
ALTER TABLE vendor_fact ALTER COLUMN reviewed_on DROP NOT NULL;
ALTER TABLE vendor_fact ADD CONSTRAINT vendor_fact_confirmed_was_read CHECK (NOT confirmed OR reviewed_on IS NOT NULL);

-- The scheme a platform stores passwords in, where it says so.
ALTER TABLE vendor ADD COLUMN stored_scheme varchar(30);

-- Each release of the shipped dataset that reached this installation. The newest row is the installed release; its
-- document is the base of the three-way merge that tells a curator's local change from a value nobody touched.
CREATE TABLE dataset_release (
    version      varchar(20) PRIMARY KEY CHECK (version ~ '^\d{4}\.\d{2}\.\d{2}(-\d{1,3})?$'),
    checksum     char(64)    NOT NULL,
    published_on date        NOT NULL,
    document     jsonb       NOT NULL,
    applied_at   timestamptz NOT NULL,
    summary      jsonb       NOT NULL
);

-- Values a curator changed locally that a later release also changed: "the release says X, you say Y". The local
-- value stays until a curator accepts the release's value or keeps their own.
CREATE TABLE dataset_conflict (
    slug            varchar(60)  NOT NULL,
    path            varchar(100) NOT NULL,
    release_version varchar(20)  NOT NULL REFERENCES dataset_release (version),
    release_value   jsonb        NOT NULL,
    local_value     jsonb,
    detected_at     timestamptz  NOT NULL,
    PRIMARY KEY (slug, path)
);

-- Installations seeded before releases existed have no base to merge against. What their curators changed is in the
-- audit log: these rows, taken from it once, mark those fields as curated for the first release they receive
-- ('*' marks a vendor created in the portal: all of it is the curators').
CREATE TABLE dataset_legacy_curation (
    slug varchar(60)  NOT NULL,
    path varchar(100) NOT NULL,
    PRIMARY KEY (slug, path)
);
INSERT INTO dataset_legacy_curation (slug, path)
SELECT DISTINCT target_id, 'capabilities.' || (after_state::jsonb ->> 'capability')
FROM audit_entry
WHERE action = 'VENDOR_VALUE_CHANGED' AND outcome = 'SUCCESS' AND target_id IS NOT NULL
  AND after_state IS NOT NULL AND (after_state::jsonb ->> 'capability') IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO dataset_legacy_curation (slug, path)
SELECT DISTINCT target_id,
       CASE WHEN after_state::jsonb ->> 'fact' IN ('hashExport', 'hashImportSchemes', 'jitMigration', 'bulkImport', 'bulkExport')
            THEN 'migration.' ELSE 'facts.' END || (after_state::jsonb ->> 'fact')
FROM audit_entry
WHERE action = 'VENDOR_FACT_CHANGED' AND outcome = 'SUCCESS' AND target_id IS NOT NULL
  AND after_state IS NOT NULL AND (after_state::jsonb ->> 'fact') IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO dataset_legacy_curation (slug, path)
SELECT DISTINCT e.target_id,
       CASE k.key
           WHEN 'endOfSale' THEN 'lifecycle'
           WHEN 'endOfLife' THEN 'lifecycle'
           WHEN 'exportPolicy' THEN 'migration.hashExport'
           WHEN 'exportedScheme' THEN 'migration.hashExport'
           WHEN 'importedSchemes' THEN 'migration.hashImportSchemes'
           WHEN 'jitHookName' THEN 'migration.jitMigration'
           WHEN 'bulkImportFormat' THEN 'migration.bulkImport'
           WHEN 'bulkImportLimits' THEN 'migration.bulkImport'
           WHEN 'bulkExportFormat' THEN 'migration.bulkExport'
           WHEN 'bulkExportLimits' THEN 'migration.bulkExport'
           ELSE k.key
       END
FROM audit_entry e, LATERAL jsonb_object_keys(e.after_state::jsonb) AS k(key)
WHERE e.action = 'VENDOR_FACTS_CHANGED' AND e.outcome = 'SUCCESS' AND e.target_id IS NOT NULL
  AND e.after_state IS NOT NULL AND jsonb_typeof(e.after_state::jsonb) = 'object'
ON CONFLICT DO NOTHING;
INSERT INTO dataset_legacy_curation (slug, path)
SELECT DISTINCT target_id, '*' FROM audit_entry
WHERE action = 'VENDOR_CREATED' AND outcome = 'SUCCESS' AND target_id IS NOT NULL
ON CONFLICT DO NOTHING;
