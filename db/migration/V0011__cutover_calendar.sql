-- The cutover calendar: the date the team cuts over, how many days the old platform stays in read-only standby for a
-- rollback, and when it is decommissioned (NULL: derived from the rollback window and the final audit-log export).
-- All three NULL: no date is set yet. cutover_revision counts the changes of the schedule (the iCalendar SEQUENCE).
ALTER TABLE migration ADD COLUMN cutover_date date;
ALTER TABLE migration ADD COLUMN rollback_days smallint CHECK (rollback_days BETWEEN 1 AND 180);
ALTER TABLE migration ADD COLUMN decommission_date date;
ALTER TABLE migration ADD COLUMN cutover_revision integer NOT NULL DEFAULT 0 CHECK (cutover_revision >= 0);
ALTER TABLE migration ADD COLUMN cutover_set_at timestamptz;
ALTER TABLE migration ADD CONSTRAINT migration_cutover_complete
    CHECK ((cutover_date IS NULL AND rollback_days IS NULL AND decommission_date IS NULL)
        OR (cutover_date IS NOT NULL AND rollback_days IS NOT NULL));
ALTER TABLE migration ADD CONSTRAINT migration_cutover_before_decommission
    CHECK (decommission_date IS NULL OR decommission_date > cutover_date + rollback_days);

-- Which due dates a person set by hand: those stay when the cutover date moves; the others are the calendar's and
-- move with it. Every due date from before the calendar existed was set by hand.
ALTER TABLE plan_item ADD COLUMN due_by_hand boolean NOT NULL DEFAULT false;
UPDATE plan_item SET due_by_hand = true WHERE due_on IS NOT NULL;
ALTER TABLE plan_item ADD CONSTRAINT plan_item_due_by_hand_has_date CHECK (NOT due_by_hand OR due_on IS NOT NULL);
