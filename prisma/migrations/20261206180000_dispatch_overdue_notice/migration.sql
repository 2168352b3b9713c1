-- Overdue reminders of dispatched cases: the step and due day a case was last reminded about
-- ("REPORTED:2026-12-09"), so each case is reminded once per overdue transition, not per check.
ALTER TABLE "dispatch" ADD COLUMN "overdue_notice_key" TEXT;
