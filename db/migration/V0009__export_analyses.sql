-- Export analyses: what a team's user export showed, as counts only (the analysis document; no personal data), with
-- where it came from (file names, sizes, SHA-256, platform, who, when). id_fingerprints holds 32-bit keyed
-- fingerprints of the source ids (packed), so a later export can say how many users were added and removed; the key
-- is the migration's export_key, and a fingerprint without it means nothing. NULL when a team uploaded only the
-- analysis document made on its own machine.
CREATE TABLE migration_export (
    id              uuid PRIMARY KEY,
    migration_id    uuid         NOT NULL REFERENCES migration (id),
    platform        varchar(20)  NOT NULL,
    content_sha256  char(64)     NOT NULL,
    total_bytes     bigint       NOT NULL CHECK (total_bytes >= 0),
    users           bigint       NOT NULL CHECK (users >= 0),
    analysis        jsonb        NOT NULL,
    id_fingerprints bytea,
    from_document   boolean      NOT NULL,
    diff            jsonb,
    uploaded_by     uuid         NOT NULL REFERENCES portal_user (id),
    uploaded_at     timestamptz  NOT NULL
);
CREATE INDEX migration_export_migration_idx ON migration_export (migration_id, uploaded_at DESC);

-- Which inventory fields the latest export set (field name -> export id); a field typed afterwards leaves the map.
ALTER TABLE migration ADD COLUMN inventory_sources jsonb NOT NULL DEFAULT '{}'::jsonb;
-- The key of this migration's id fingerprints (random, 16 bytes), made at the first export.
ALTER TABLE migration ADD COLUMN export_key bytea;
-- What the latest export of the source showed about password hashes and TOTP secrets (counts and scheme names), which
-- outranks the vendor's documented facts for this migration's scoring.
ALTER TABLE migration ADD COLUMN export_evidence jsonb;
