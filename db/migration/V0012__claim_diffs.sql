-- Dual-run claim diffs: a member compared the old platform's token of a flow with the new platform's. Only claim names,
-- verdicts and details from a fixed vocabulary (JSON types, value formats, algorithm names, lifetimes) are kept: never
-- a token, never a claim's value. Every comparison is kept; the latest per flow is the evidence.
CREATE TABLE migration_claim_diff (
    id           uuid         PRIMARY KEY,
    migration_id uuid         NOT NULL REFERENCES migration (id),
    flow         varchar(30)  NOT NULL,
    old_kind     varchar(10)  NOT NULL CHECK (old_kind IN ('ID', 'ACCESS', 'UNKNOWN')),
    new_kind     varchar(10)  NOT NULL CHECK (new_kind IN ('ID', 'ACCESS', 'UNKNOWN')),
    sub_changed  boolean      NOT NULL,
    -- [{"name": ..., "verdict": ..., "newName": ..., "detail": ...}]
    claims       jsonb        NOT NULL CHECK (jsonb_typeof(claims) = 'array'),
    compared_by  uuid         NOT NULL REFERENCES portal_user (id),
    compared_at  timestamptz  NOT NULL
);
CREATE INDEX migration_claim_diff_flow_idx ON migration_claim_diff (migration_id, flow, compared_at DESC);
