-- Vendor index and capability matrix. Every fact carries its note, sources, confirmed flag and reviewed-on date.
CREATE TABLE capability_group (
    key      varchar(40)  PRIMARY KEY,
    name     varchar(100) NOT NULL,
    position int          NOT NULL
);

CREATE TABLE capability (
    key         varchar(40)  PRIMARY KEY,
    group_key   varchar(40)  NOT NULL REFERENCES capability_group (key),
    name        varchar(100) NOT NULL,
    description varchar(500) NOT NULL,
    position    int          NOT NULL
);

CREATE TABLE vendor (
    id                       uuid         PRIMARY KEY,
    slug                     varchar(60)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                     varchar(120) NOT NULL,
    full_name                varchar(200) NOT NULL,
    website                  varchar(500),
    docs_url                 varchar(500),
    tier                     varchar(20)  NOT NULL CHECK (tier IN ('HERITAGE_SUITE', 'DEVELOPER_FIRST')),
    deployment               varchar(20)  NOT NULL CHECK (deployment IN ('MANAGED', 'SELF_HOSTED', 'BOTH')),
    license                  varchar(100) NOT NULL,
    open_source              boolean      NOT NULL,
    pricing_models           text[]       NOT NULL,
    audiences                text[]       NOT NULL,
    regions                  text[]       NOT NULL,
    attestations             text[]       NOT NULL,
    lifecycle_status         varchar(20)  NOT NULL CHECK (lifecycle_status IN ('ACTIVE', 'END_OF_SALE', 'END_OF_LIFE')),
    end_of_sale              date,
    end_of_life              date,
    hash_export_policy       varchar(20)  NOT NULL
        CHECK (hash_export_policy IN ('SELF_SERVE', 'SUPPORT_TICKET', 'PAID_TIER', 'NONE', 'UNKNOWN')),
    hash_export_scheme       varchar(30),
    hash_import_schemes      text[]       NOT NULL,
    jit_hook_name            varchar(300),
    bulk_import_format       varchar(300),
    bulk_import_limits       varchar(300),
    bulk_export_format       varchar(300),
    bulk_export_limits       varchar(300),
    outbound_override        smallint     CHECK (outbound_override BETWEEN 1 AND 5),
    outbound_override_reason text,
    inbound_override         smallint     CHECK (inbound_override BETWEEN 1 AND 5),
    inbound_override_reason  text,
    version                  bigint       NOT NULL,
    CONSTRAINT vendor_override_needs_reason CHECK (
        (outbound_override IS NULL OR length(trim(outbound_override_reason)) > 0)
        AND (inbound_override IS NULL OR length(trim(inbound_override_reason)) > 0))
);

-- Sourcing of the vendor's own facts (deployment, licence, pricing, lifecycle, migration facts, ...).
CREATE TABLE vendor_fact (
    vendor_id   uuid        NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    fact_key    varchar(40) NOT NULL,
    note        text        NOT NULL,
    sources     text[]      NOT NULL,
    confirmed   boolean     NOT NULL,
    reviewed_on date        NOT NULL,
    PRIMARY KEY (vendor_id, fact_key),
    CONSTRAINT vendor_fact_confirmed_needs_source CHECK (NOT confirmed OR cardinality(sources) > 0)
);

CREATE TABLE capability_value (
    vendor_id      uuid        NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    capability_key varchar(40) NOT NULL REFERENCES capability (key),
    support        varchar(12) NOT NULL CHECK (support IN ('YES', 'PARTIAL', 'PAID_ADDON', 'NO', 'UNKNOWN')),
    note           text        NOT NULL,
    sources        text[]      NOT NULL,
    confirmed      boolean     NOT NULL,
    reviewed_on    date        NOT NULL,
    PRIMARY KEY (vendor_id, capability_key),
    CONSTRAINT capability_value_confirmed_needs_source CHECK (NOT confirmed OR cardinality(sources) > 0)
);
CREATE INDEX capability_value_capability_idx ON capability_value (capability_key, support);

-- Which version of the reviewable dataset (db/dataset/) was loaded, and when.
CREATE TABLE dataset_import (
    checksum    char(64)    PRIMARY KEY,
    imported_at timestamptz NOT NULL,
    vendors     int         NOT NULL,
    source      varchar(40) NOT NULL
);
