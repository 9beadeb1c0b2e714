-- One append-only, hash-chained audit log for the whole portal (docs/decisions/0002-audit-chain.md).
-- Rows are denormalised on purpose: no foreign keys to what they describe, actor name and roles copied in.
CREATE TABLE audit_entry (
    id           bigint        PRIMARY KEY CHECK (id > 0),
    occurred_at  timestamptz   NOT NULL,
    actor_id     varchar(100)  NOT NULL,
    actor_name   varchar(200)  NOT NULL,
    actor_roles  varchar(200)  NOT NULL,
    action       varchar(100)  NOT NULL,
    target_type  varchar(100)  NOT NULL,
    target_id    varchar(200),
    before_state text,
    after_state  text,
    outcome      varchar(20)   NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    prev_hash    char(64)      NOT NULL,
    hash         char(64)      NOT NULL UNIQUE
);
CREATE INDEX audit_entry_occurred_at_idx ON audit_entry (occurred_at);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id);
CREATE INDEX audit_entry_action_idx ON audit_entry (action);
CREATE INDEX audit_entry_target_idx ON audit_entry (target_type, target_id);

-- The chain is kept linear by the database itself: every insert takes one transaction-scoped advisory lock
-- (the same key the application takes before it reads the head) and must extend the current head exactly.
CREATE FUNCTION audit_entry_extend_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_id   bigint;
    head_hash char(64);
BEGIN
    PERFORM pg_advisory_xact_lock(4242000001);
    SELECT id, hash INTO head_id, head_hash FROM audit_entry ORDER BY id DESC LIMIT 1;
    IF NEW.id <> COALESCE(head_id, 0) + 1 THEN
        RAISE EXCEPTION 'audit_entry % does not extend the chain head %', NEW.id, COALESCE(head_id, 0)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.prev_hash <> COALESCE(head_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'audit_entry % does not link to the hash of entry %', NEW.id, COALESCE(head_id, 0)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_extend_head BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_extend_head();
CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
