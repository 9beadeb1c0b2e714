-- Who changed a thing last, so a refused stale edit can say "changed by NAME at TIME".
ALTER TABLE migration ADD COLUMN updated_by uuid REFERENCES portal_user (id);
ALTER TABLE plan_item ADD COLUMN changed_by uuid REFERENCES portal_user (id);
ALTER TABLE plan_item ADD COLUMN changed_at timestamptz;
ALTER TABLE vendor ADD COLUMN changed_by varchar(200);
ALTER TABLE vendor ADD COLUMN changed_at timestamptz;

-- A gate that went back to open for a reason the reviewers should see (the pair changed, say).
ALTER TABLE gate ADD COLUMN reopened_reason varchar(500);
ALTER TABLE gate ADD COLUMN reopened_at timestamptz;

-- Why a sign-off stopped counting, and the assessment it was given on (item verdicts and strategy, canonical JSON),
-- so a later change of vendor facts can be shown next to it.
ALTER TABLE gate_sign_off ADD COLUMN outdated_reason varchar(300);
ALTER TABLE gate_sign_off ADD COLUMN assessment text;

-- Each gate knows how many approvals it needs (kept in step with its migration by the gates feature), so approvals
-- can be re-counted when a reviewer leaves, whoever triggers it.
ALTER TABLE gate ADD COLUMN required_approvals smallint NOT NULL DEFAULT 2 CHECK (required_approvals BETWEEN 1 AND 5);
UPDATE gate g SET required_approvals = m.required_approvals FROM migration m WHERE m.id = g.migration_id;
