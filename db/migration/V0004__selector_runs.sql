-- Saved selector runs: a run is its answers (as the URL query the wizard uses), named and dated, owned by one user.
-- The id is random and unguessable; it is also the share link, which any signed-in user may open.
CREATE TABLE selector_run (
    id          uuid PRIMARY KEY,
    owner_id    uuid          NOT NULL REFERENCES portal_user (id),
    name        varchar(120)  NOT NULL CHECK (length(btrim(name)) > 0),
    answers     varchar(4000) NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL
);
CREATE INDEX selector_run_owner_idx ON selector_run (owner_id, updated_at DESC);
