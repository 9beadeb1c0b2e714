-- Migrations: a source (a vendor slug or 'in-house') and a destination vendor, an owner, members with a role in the
-- migration, and the inventory (NULL means unknown, never zero). Vendors are referenced by slug, not by key, so the
-- vendor index can be re-imported without touching migrations.
CREATE TABLE migration (
    id                     uuid PRIMARY KEY,
    name                   varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
    source                 varchar(60)  NOT NULL,
    destination            varchar(60)  NOT NULL,
    owner_id               uuid         NOT NULL REFERENCES portal_user (id),
    total_users            bigint CHECK (total_users >= 0),
    monthly_active_users   bigint CHECK (monthly_active_users >= 0),
    password_share         double precision CHECK (password_share BETWEEN 0 AND 1),
    totp_share             double precision CHECK (totp_share BETWEEN 0 AND 1),
    otp_share              double precision CHECK (otp_share BETWEEN 0 AND 1),
    passkey_share          double precision CHECK (passkey_share BETWEEN 0 AND 1),
    inactive_share         double precision CHECK (inactive_share BETWEEN 0 AND 1),
    social_connections     integer CHECK (social_connections >= 0),
    enterprise_connections integer CHECK (enterprise_connections >= 0),
    custom_logic_units     integer CHECK (custom_logic_units >= 0),
    tenants                integer CHECK (tenants >= 0),
    consent_records        boolean,
    audit_retention_days   integer CHECK (audit_retention_days >= 0),
    residency_region       varchar(10),
    downtime_tolerance     varchar(10) CHECK (downtime_tolerance IN ('NONE', 'MINUTES', 'HOURS', 'DAY')),
    source_hash_scheme     varchar(30),
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    version                bigint       NOT NULL,
    CONSTRAINT migration_source_is_not_destination CHECK (source <> destination)
);

CREATE TABLE migration_member (
    migration_id uuid        NOT NULL REFERENCES migration (id),
    user_id      uuid        NOT NULL REFERENCES portal_user (id),
    role         varchar(20) NOT NULL CHECK (role IN ('OWNER', 'ANALYST', 'REVIEWER', 'VIEWER')),
    PRIMARY KEY (migration_id, user_id)
);
CREATE INDEX migration_member_user_idx ON migration_member (user_id);

-- The five-phase plan: generated items from the assessment, custom items, and the cutover item of phase 5.
CREATE TABLE plan_item (
    id           uuid PRIMARY KEY,
    migration_id uuid         NOT NULL REFERENCES migration (id),
    phase        smallint     NOT NULL CHECK (phase BETWEEN 1 AND 5),
    position     integer      NOT NULL,
    text         varchar(500) NOT NULL CHECK (length(btrim(text)) > 0),
    kind         varchar(20)  NOT NULL CHECK (kind IN ('GENERATED', 'CUSTOM', 'CUTOVER')),
    owner_id     uuid REFERENCES portal_user (id),
    due_on       date,
    done         boolean      NOT NULL,
    done_at      timestamptz,
    done_by      uuid REFERENCES portal_user (id),
    version      bigint       NOT NULL,
    CONSTRAINT plan_item_done_has_time CHECK (NOT done OR done_at IS NOT NULL)
);
CREATE INDEX plan_item_migration_idx ON plan_item (migration_id, phase, position);
