-- The sign-in throttle's counts, shared by every portal instance on this database (it was in each instance's memory).
-- A row is keyed by the SHA-256 of its scope and key, never by the clear username or address. Rows past expires_at say
-- nothing any more; the portal deletes them as it goes.
CREATE TABLE sign_in_throttle (
    key_hash      char(64)    PRIMARY KEY CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    failures      integer     NOT NULL CHECK (failures >= 0),
    first_failure timestamptz NOT NULL,
    blocked_until timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX sign_in_throttle_expires_idx ON sign_in_throttle (expires_at);
