-- CreateEnum
CREATE TYPE "AdmissionKind" AS ENUM ('DUTY', 'SERVICE', 'POWER', 'SIGNBOARD', 'CERTIFICATE');

-- CreateEnum
CREATE TYPE "AdmissionLevel" AS ENUM ('STREET', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "AdmissionStatus" AS ENUM ('SUBMITTED', 'RETURNED', 'JOINT_REVIEW', 'CONSULTING', 'DECIDING', 'FILING', 'ADMITTED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AdmissionStage" AS ENUM ('INITIAL_REVIEW', 'REVISION', 'JOINT_REVIEW', 'CONSULTATION', 'DECISION', 'FILING');

-- CreateEnum
CREATE TYPE "AdmissionOpinionKind" AS ENUM ('AGREE', 'CONDITIONAL', 'DISAGREE');

-- CreateEnum
CREATE TYPE "ConsultationResponse" AS ENUM ('AGREE', 'OBJECT');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "TaskCheckResult" AS ENUM ('ADMITTED', 'NOT_ADMITTED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('REGISTERED', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ReviewRoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReviewRatingValue" AS ENUM ('SATISFIED', 'BASIC', 'DISSATISFIED');

-- CreateTable
CREATE TABLE "admission" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "applicant_unit_id" INTEGER NOT NULL,
    "applicant_unit_name" TEXT NOT NULL,
    "applicant_id" INTEGER,
    "applicant_name" TEXT NOT NULL,
    "kind" "AdmissionKind" NOT NULL,
    "level" "AdmissionLevel" NOT NULL,
    "title" TEXT NOT NULL,
    "duty_type" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "time_limit" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "department_duty" TEXT NOT NULL,
    "local_duty" TEXT NOT NULL,
    "lead_responsibility" TEXT NOT NULL,
    "support_responsibility" TEXT NOT NULL,
    "funding_amount" DECIMAL(14,2) NOT NULL,
    "funding_source" TEXT NOT NULL,
    "staffing" TEXT NOT NULL,
    "workload" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "status" "AdmissionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "stage" "AdmissionStage",
    "stage_started_at" TIMESTAMP(3),
    "stage_due_on" DATE,
    "revision_count" INTEGER NOT NULL DEFAULT 0,
    "decision_note" TEXT,
    "approval_doc_no" TEXT,
    "decided_at" TIMESTAMP(3),
    "decided_by_name" TEXT,
    "filing_number" TEXT,
    "filing_authority" TEXT,
    "filed_on" DATE,
    "filed_by_name" TEXT,
    "admitted_at" TIMESTAMP(3),
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "admission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admission_target" (
    "admission_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "response" "ConsultationResponse",
    "reason" TEXT,
    "responded_at" TIMESTAMP(3),
    "responded_by_name" TEXT,

    CONSTRAINT "admission_target_pkey" PRIMARY KEY ("admission_id","unit_id")
);

-- CreateTable
CREATE TABLE "admission_step" (
    "id" SERIAL NOT NULL,
    "admission_id" INTEGER NOT NULL,
    "stage" "AdmissionStage" NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_on" DATE NOT NULL,
    "completed_at" TIMESTAMP(3),
    "outcome" TEXT,
    "actor_name" TEXT,
    "actor_unit_name" TEXT,
    "note" TEXT,

    CONSTRAINT "admission_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admission_opinion" (
    "id" SERIAL NOT NULL,
    "admission_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "opinion" "AdmissionOpinionKind" NOT NULL,
    "body" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "entered_by_name" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admission_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admission_attachment" (
    "id" SERIAL NOT NULL,
    "admission_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploaded_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admission_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "local_duty" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "admission_id" INTEGER,
    "department_id" INTEGER,
    "department_name" TEXT NOT NULL,
    "duty_type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "department_duty" TEXT NOT NULL,
    "local_duty" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "lead_responsibility" TEXT NOT NULL,
    "support_responsibility" TEXT NOT NULL,
    "funding_amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "funding_source" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "admitted_on" DATE NOT NULL,
    "revoked_on" DATE,
    "revoked_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "local_duty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "local_duty_list_version" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "version_no" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publisher_name" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "item_count" INTEGER NOT NULL,
    "items" JSONB NOT NULL,

    CONSTRAINT "local_duty_list_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_register_entry" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "department_id" INTEGER,
    "department_name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "description" TEXT,
    "received_on" DATE NOT NULL,
    "check_result" "TaskCheckResult" NOT NULL,
    "matched_duty_id" INTEGER,
    "matched_duty_name" TEXT,
    "status" "TaskStatus" NOT NULL DEFAULT 'REGISTERED',
    "refusal_reason" TEXT,
    "decided_at" TIMESTAMP(3),
    "decided_by_name" TEXT,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_register_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_round" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ReviewRoundStatus" NOT NULL DEFAULT 'OPEN',
    "closes_on" DATE NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "review_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_survey_link" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_survey_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_rating" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "local_duty_id" INTEGER NOT NULL,
    "value" "ReviewRatingValue" NOT NULL,
    "user_id" INTEGER,
    "link_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_revocation" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "local_duty_id" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "basic" INTEGER NOT NULL,
    "dissatisfied" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "confirmed_by_name" TEXT NOT NULL,
    "confirmed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_revocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_calendar_day" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "updated_by_name" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "work_calendar_day_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE UNIQUE INDEX "admission_code_key" ON "admission"("code");

-- CreateIndex
CREATE INDEX "admission_status_stage_due_on_idx" ON "admission"("status", "stage_due_on");

-- CreateIndex
CREATE INDEX "admission_applicant_unit_id_status_idx" ON "admission"("applicant_unit_id", "status");

-- CreateIndex
CREATE INDEX "admission_created_at_idx" ON "admission"("created_at");

-- CreateIndex
CREATE INDEX "admission_target_unit_id_idx" ON "admission_target"("unit_id");

-- CreateIndex
CREATE INDEX "admission_step_admission_id_started_at_idx" ON "admission_step"("admission_id", "started_at");

-- CreateIndex
CREATE INDEX "admission_step_stage_completed_at_due_on_idx" ON "admission_step"("stage", "completed_at", "due_on");

-- CreateIndex
CREATE INDEX "admission_opinion_unit_id_idx" ON "admission_opinion"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "admission_opinion_admission_id_unit_id_key" ON "admission_opinion"("admission_id", "unit_id");

-- CreateIndex
CREATE INDEX "admission_attachment_admission_id_idx" ON "admission_attachment"("admission_id");

-- CreateIndex
CREATE INDEX "local_duty_unit_id_active_idx" ON "local_duty"("unit_id", "active");

-- CreateIndex
CREATE INDEX "local_duty_department_id_idx" ON "local_duty"("department_id");

-- CreateIndex
CREATE INDEX "local_duty_admission_id_idx" ON "local_duty"("admission_id");

-- CreateIndex
CREATE INDEX "local_duty_list_version_published_at_idx" ON "local_duty_list_version"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "local_duty_list_version_unit_id_version_no_key" ON "local_duty_list_version"("unit_id", "version_no");

-- CreateIndex
CREATE INDEX "task_register_entry_unit_id_created_at_idx" ON "task_register_entry"("unit_id", "created_at");

-- CreateIndex
CREATE INDEX "task_register_entry_status_department_id_idx" ON "task_register_entry"("status", "department_id");

-- CreateIndex
CREATE INDEX "task_register_entry_department_id_idx" ON "task_register_entry"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_round_year_key" ON "review_round"("year");

-- CreateIndex
CREATE UNIQUE INDEX "review_survey_link_token_hash_key" ON "review_survey_link"("token_hash");

-- CreateIndex
CREATE INDEX "review_survey_link_round_id_unit_id_idx" ON "review_survey_link"("round_id", "unit_id");

-- CreateIndex
CREATE INDEX "review_rating_round_id_local_duty_id_idx" ON "review_rating"("round_id", "local_duty_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_rating_round_id_local_duty_id_user_id_key" ON "review_rating"("round_id", "local_duty_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_rating_round_id_local_duty_id_link_id_key" ON "review_rating"("round_id", "local_duty_id", "link_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_revocation_round_id_local_duty_id_key" ON "review_revocation"("round_id", "local_duty_id");

-- CreateIndex
CREATE INDEX "work_calendar_day_kind_date_idx" ON "work_calendar_day"("kind", "date");

-- AddForeignKey
ALTER TABLE "admission" ADD CONSTRAINT "admission_applicant_unit_id_fkey" FOREIGN KEY ("applicant_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_target" ADD CONSTRAINT "admission_target_admission_id_fkey" FOREIGN KEY ("admission_id") REFERENCES "admission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_target" ADD CONSTRAINT "admission_target_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_step" ADD CONSTRAINT "admission_step_admission_id_fkey" FOREIGN KEY ("admission_id") REFERENCES "admission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_opinion" ADD CONSTRAINT "admission_opinion_admission_id_fkey" FOREIGN KEY ("admission_id") REFERENCES "admission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_opinion" ADD CONSTRAINT "admission_opinion_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_attachment" ADD CONSTRAINT "admission_attachment_admission_id_fkey" FOREIGN KEY ("admission_id") REFERENCES "admission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_duty" ADD CONSTRAINT "local_duty_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_duty" ADD CONSTRAINT "local_duty_admission_id_fkey" FOREIGN KEY ("admission_id") REFERENCES "admission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_duty" ADD CONSTRAINT "local_duty_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_duty_list_version" ADD CONSTRAINT "local_duty_list_version_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_register_entry" ADD CONSTRAINT "task_register_entry_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_register_entry" ADD CONSTRAINT "task_register_entry_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_survey_link" ADD CONSTRAINT "review_survey_link_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "review_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_survey_link" ADD CONSTRAINT "review_survey_link_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_rating" ADD CONSTRAINT "review_rating_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "review_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_rating" ADD CONSTRAINT "review_rating_local_duty_id_fkey" FOREIGN KEY ("local_duty_id") REFERENCES "local_duty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_rating" ADD CONSTRAINT "review_rating_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "review_survey_link"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_revocation" ADD CONSTRAINT "review_revocation_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "review_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_revocation" ADD CONSTRAINT "review_revocation_local_duty_id_fkey" FOREIGN KEY ("local_duty_id") REFERENCES "local_duty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A published local-management list version never changes: revocation publishes a new one.
-- (qingdan_refuse_change() comes from the foundation migration.)
CREATE TRIGGER local_duty_list_version_immutable
  BEFORE UPDATE OR DELETE ON "local_duty_list_version"
  FOR EACH ROW EXECUTE FUNCTION qingdan_refuse_change();
CREATE TRIGGER local_duty_list_version_no_truncate
  BEFORE TRUNCATE ON "local_duty_list_version"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_refuse_change();

-- A rating is a vote on record; the review keeps every one.
CREATE TRIGGER review_rating_append_only
  BEFORE UPDATE OR DELETE ON "review_rating"
  FOR EACH ROW EXECUTE FUNCTION qingdan_refuse_change();
