-- Refused attempts (forbidden, not found, failed sign-ins) are recorded as security events in the
-- same append-only log; `outcome` tells them from changes.
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'NOT_FOUND', 'FAILED');

ALTER TABLE "audit_log" ADD COLUMN "outcome" "AuditOutcome" NOT NULL DEFAULT 'SUCCESS';

CREATE INDEX "audit_log_outcome_at_idx" ON "audit_log"("outcome", "at");
