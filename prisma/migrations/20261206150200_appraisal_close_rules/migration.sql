-- 年度评议: every flagged duty is revoked or kept (with a reason) before a round closes; a survey
-- may carry a comment; a round records 编办's exclusion rule for recently admitted duties.
CREATE TYPE "AppraisalOutcome" AS ENUM ('REVOKED', 'KEPT');
ALTER TABLE "appraisal_revocation" ADD COLUMN "outcome" "AppraisalOutcome" NOT NULL DEFAULT 'REVOKED';
ALTER TABLE "appraisal_survey_link" ADD COLUMN "comment" TEXT;
ALTER TABLE "appraisal_round" ADD COLUMN "exclusion_months" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "appraisal_round" ADD COLUMN "admitted_before" DATE;
