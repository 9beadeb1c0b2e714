-- Portal users: local accounts (username + password hash) and accounts from an OIDC provider (issuer + subject).
CREATE TABLE portal_user (
    id              uuid PRIMARY KEY,
    username        varchar(100)  NOT NULL,
    display_name    varchar(200)  NOT NULL,
    email           varchar(320),
    password_hash   varchar(255),
    auth_source     varchar(10)   NOT NULL CHECK (auth_source IN ('LOCAL', 'OIDC')),
    oidc_issuer     varchar(500),
    oidc_subject    varchar(255),
    enabled         boolean       NOT NULL,
    created_at      timestamptz   NOT NULL,
    last_sign_in_at timestamptz,
    version         bigint        NOT NULL,
    CONSTRAINT portal_user_local_needs_password CHECK (auth_source <> 'LOCAL' OR password_hash IS NOT NULL),
    CONSTRAINT portal_user_oidc_needs_subject CHECK (auth_source <> 'OIDC' OR (oidc_issuer IS NOT NULL AND oidc_subject IS NOT NULL))
);
CREATE UNIQUE INDEX portal_user_local_username_uq ON portal_user (lower(username)) WHERE auth_source = 'LOCAL';
CREATE UNIQUE INDEX portal_user_oidc_subject_uq ON portal_user (oidc_issuer, oidc_subject) WHERE auth_source = 'OIDC';

-- A role is granted in the portal (PORTAL) or comes from the identity provider's claim (IDP); both count.
CREATE TABLE portal_user_role (
    user_id uuid        NOT NULL REFERENCES portal_user (id) ON DELETE CASCADE,
    role    varchar(20) NOT NULL CHECK (role IN ('VIEWER', 'ANALYST', 'REVIEWER', 'ADMIN')),
    source  varchar(10) NOT NULL CHECK (source IN ('PORTAL', 'IDP')),
    PRIMARY KEY (user_id, role, source)
);
