-- 部分准入: 编办 decides per unit; a target unit whose objection is upheld does not receive the duty.
ALTER TABLE "admission_target" ADD COLUMN "excluded" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "admission_target" ADD COLUMN "excluded_reason" TEXT;
