-- The yearly 评议 is "appraisal"; "review" stays with the lists' 审核 stages (issue 11 #6).
-- Renames keep the data, the grants of the runtime role, and the triggers (which follow their
-- table; their function qingdan_refuse_change() names no table). Index, constraint, sequence and
-- trigger names follow so that the schema matches what Prisma would generate.
-- Audit rows written under the old action names (review.*) are records and stay as written: the
-- audit log is append-only, and lib/audit/events.ts labels the old names as their new events.

ALTER TYPE "ReviewRoundStatus" RENAME TO "AppraisalRoundStatus";
ALTER TYPE "ReviewRatingValue" RENAME TO "AppraisalRatingValue";

ALTER TABLE "review_round" RENAME TO "appraisal_round";
ALTER TABLE "review_survey_link" RENAME TO "appraisal_survey_link";
ALTER TABLE "review_rating" RENAME TO "appraisal_rating";
ALTER TABLE "review_revocation" RENAME TO "appraisal_revocation";

ALTER SEQUENCE "review_round_id_seq" RENAME TO "appraisal_round_id_seq";
ALTER SEQUENCE "review_survey_link_id_seq" RENAME TO "appraisal_survey_link_id_seq";
ALTER SEQUENCE "review_rating_id_seq" RENAME TO "appraisal_rating_id_seq";
ALTER SEQUENCE "review_revocation_id_seq" RENAME TO "appraisal_revocation_id_seq";

ALTER TABLE "appraisal_round" RENAME CONSTRAINT "review_round_pkey" TO "appraisal_round_pkey";
ALTER TABLE "appraisal_survey_link" RENAME CONSTRAINT "review_survey_link_pkey" TO "appraisal_survey_link_pkey";
ALTER TABLE "appraisal_rating" RENAME CONSTRAINT "review_rating_pkey" TO "appraisal_rating_pkey";
ALTER TABLE "appraisal_revocation" RENAME CONSTRAINT "review_revocation_pkey" TO "appraisal_revocation_pkey";

ALTER INDEX "review_round_year_key" RENAME TO "appraisal_round_year_key";
ALTER INDEX "review_survey_link_token_hash_key" RENAME TO "appraisal_survey_link_token_hash_key";
ALTER INDEX "review_survey_link_round_id_unit_id_idx" RENAME TO "appraisal_survey_link_round_id_unit_id_idx";
ALTER INDEX "review_rating_round_id_local_duty_id_idx" RENAME TO "appraisal_rating_round_id_local_duty_id_idx";
ALTER INDEX "review_rating_round_id_local_duty_id_user_id_key" RENAME TO "appraisal_rating_round_id_local_duty_id_user_id_key";
ALTER INDEX "review_rating_round_id_local_duty_id_link_id_key" RENAME TO "appraisal_rating_round_id_local_duty_id_link_id_key";
ALTER INDEX "review_revocation_round_id_local_duty_id_key" RENAME TO "appraisal_revocation_round_id_local_duty_id_key";

ALTER TABLE "appraisal_survey_link" RENAME CONSTRAINT "review_survey_link_round_id_fkey" TO "appraisal_survey_link_round_id_fkey";
ALTER TABLE "appraisal_survey_link" RENAME CONSTRAINT "review_survey_link_unit_id_fkey" TO "appraisal_survey_link_unit_id_fkey";
ALTER TABLE "appraisal_rating" RENAME CONSTRAINT "review_rating_round_id_fkey" TO "appraisal_rating_round_id_fkey";
ALTER TABLE "appraisal_rating" RENAME CONSTRAINT "review_rating_local_duty_id_fkey" TO "appraisal_rating_local_duty_id_fkey";
ALTER TABLE "appraisal_rating" RENAME CONSTRAINT "review_rating_link_id_fkey" TO "appraisal_rating_link_id_fkey";
ALTER TABLE "appraisal_revocation" RENAME CONSTRAINT "review_revocation_round_id_fkey" TO "appraisal_revocation_round_id_fkey";
ALTER TABLE "appraisal_revocation" RENAME CONSTRAINT "review_revocation_local_duty_id_fkey" TO "appraisal_revocation_local_duty_id_fkey";

ALTER TRIGGER "review_rating_append_only" ON "appraisal_rating" RENAME TO "appraisal_rating_append_only";
ALTER TRIGGER "review_rating_no_truncate" ON "appraisal_rating" RENAME TO "appraisal_rating_no_truncate";
