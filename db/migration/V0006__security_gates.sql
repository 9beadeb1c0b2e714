-- Security gates: six per migration, with criteria, evidence and sign-offs. A sign-off keeps the hash of the gate's
-- evidence, criteria and the migration's inventory as they were when it was given; a later change outdates it.
ALTER TABLE migration ADD COLUMN required_approvals smallint NOT NULL DEFAULT 2
    CHECK (required_approvals BETWEEN 1 AND 5);

CREATE TABLE gate (
    id           uuid PRIMARY KEY,
    migration_id uuid        NOT NULL REFERENCES migration (id),
    gate_key     varchar(40) NOT NULL CHECK (gate_key IN ('credential-transit', 'audit-continuity', 'rollback',
                     'downtime-blast-radius', 'residency-compliance', 'reauth-mfa-reenrollment')),
    status       varchar(20) NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED', 'REJECTED')),
    owner_id     uuid REFERENCES portal_user (id),
    submitted_by uuid REFERENCES portal_user (id),
    submitted_at timestamptz,
    state_hash   varchar(64),
    changes      bigint      NOT NULL,
    version      bigint      NOT NULL,
    CONSTRAINT gate_one_per_key UNIQUE (migration_id, gate_key),
    CONSTRAINT gate_submitted_has_submitter CHECK (status = 'OPEN' OR submitted_by IS NOT NULL)
);

CREATE TABLE gate_criterion (
    id       uuid PRIMARY KEY,
    gate_id  uuid         NOT NULL REFERENCES gate (id),
    position integer      NOT NULL,
    text     varchar(500) NOT NULL CHECK (length(btrim(text)) > 0),
    custom   boolean      NOT NULL
);
CREATE INDEX gate_criterion_gate_idx ON gate_criterion (gate_id, position);

CREATE TABLE gate_evidence (
    id           uuid PRIMARY KEY,
    gate_id      uuid          NOT NULL REFERENCES gate (id),
    kind         varchar(10)   NOT NULL CHECK (kind IN ('TEXT', 'LINK', 'FILE')),
    title        varchar(200)  NOT NULL CHECK (length(btrim(title)) > 0),
    body         varchar(10000),
    url          varchar(1000),
    file_name    varchar(255),
    content_type varchar(100),
    size_bytes   bigint,
    sha256       varchar(64),
    added_by     uuid          NOT NULL REFERENCES portal_user (id),
    added_at     timestamptz   NOT NULL,
    CONSTRAINT gate_evidence_file_complete CHECK (kind <> 'FILE' OR (file_name IS NOT NULL AND sha256 IS NOT NULL AND size_bytes IS NOT NULL)),
    CONSTRAINT gate_evidence_link_has_url CHECK (kind <> 'LINK' OR url IS NOT NULL)
);
CREATE INDEX gate_evidence_gate_idx ON gate_evidence (gate_id);

-- File contents apart from the metadata, so reading a gate never loads the files.
CREATE TABLE gate_evidence_file (
    evidence_id uuid PRIMARY KEY REFERENCES gate_evidence (id),
    content     bytea NOT NULL
);

CREATE TABLE gate_sign_off (
    id          uuid PRIMARY KEY,
    gate_id     uuid          NOT NULL REFERENCES gate (id),
    signer_id   uuid          NOT NULL REFERENCES portal_user (id),
    signer_name varchar(200)  NOT NULL,
    signer_role varchar(100)  NOT NULL,
    meaning     varchar(100)  NOT NULL,
    decision    varchar(20)   NOT NULL CHECK (decision IN ('APPROVE', 'REQUEST_CHANGES', 'REJECT', 'REVOKE')),
    comment     varchar(2000),
    state_hash  varchar(64)   NOT NULL,
    signed_at   timestamptz   NOT NULL,
    outdated    boolean       NOT NULL,
    revoked     boolean       NOT NULL
);
CREATE INDEX gate_sign_off_gate_idx ON gate_sign_off (gate_id, signed_at);
-- One live approval per reviewer and gate: two concurrent approvals by the same person cannot both count.
CREATE UNIQUE INDEX gate_sign_off_one_live_approval ON gate_sign_off (gate_id, signer_id)
    WHERE decision = 'APPROVE' AND NOT outdated AND NOT revoked;
