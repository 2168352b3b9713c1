-- CreateEnum
CREATE TYPE "EvaluationRoundStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "EvaluationSide" AS ENUM ('STREET', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "IndicatorSource" AS ENUM ('RATED', 'DISPATCH');

-- CreateEnum
CREATE TYPE "EvaluationSheetStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "DispatchDirection" AS ENUM ('UP', 'DOWN');

-- CreateEnum
CREATE TYPE "DispatchStatus" AS ENUM ('REPORTED', 'FORWARDED', 'ESCALATED', 'ACCEPTED', 'HANDLED', 'REPLIED');

-- CreateTable
CREATE TABLE "evaluation_round" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "EvaluationRoundStatus" NOT NULL DEFAULT 'DRAFT',
    "closes_on" DATE NOT NULL,
    "trimmed" BOOLEAN NOT NULL DEFAULT false,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "opened_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),

    CONSTRAINT "evaluation_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_indicator" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "scale_min" INTEGER NOT NULL DEFAULT 0,
    "scale_max" INTEGER NOT NULL DEFAULT 100,
    "source" "IndicatorSource" NOT NULL DEFAULT 'RATED',
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "evaluation_indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_pair" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "rater_unit_id" INTEGER NOT NULL,
    "ratee_unit_id" INTEGER NOT NULL,
    "side" "EvaluationSide" NOT NULL,
    "comment" TEXT,

    CONSTRAINT "evaluation_pair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_sheet" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "rater_unit_id" INTEGER NOT NULL,
    "side" "EvaluationSide" NOT NULL,
    "status" "EvaluationSheetStatus" NOT NULL DEFAULT 'DRAFT',
    "extended_to" DATE,
    "reminded_at" TIMESTAMP(3),
    "submitted_at" TIMESTAMP(3),
    "submitted_by_name" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evaluation_sheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_score" (
    "round_id" INTEGER NOT NULL,
    "rater_unit_id" INTEGER NOT NULL,
    "ratee_unit_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "evaluation_score_pkey" PRIMARY KEY ("round_id","rater_unit_id","ratee_unit_id","indicator_id")
);

-- CreateTable
CREATE TABLE "evaluation_result" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "side" "EvaluationSide" NOT NULL,
    "total" DECIMAL(7,2) NOT NULL,
    "rank" INTEGER NOT NULL,
    "rank_of" INTEGER NOT NULL,
    "rater_count" INTEGER NOT NULL,
    "indicators" JSONB NOT NULL,

    CONSTRAINT "evaluation_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "direction" "DispatchDirection" NOT NULL,
    "status" "DispatchStatus" NOT NULL,
    "street_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "local_duty_id" INTEGER,
    "title" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "found_at" TIMESTAMP(3) NOT NULL,
    "reported_at" TIMESTAMP(3) NOT NULL,
    "report_late" BOOLEAN NOT NULL DEFAULT false,
    "accept_due_on" DATE,
    "accepted_at" TIMESTAMP(3),
    "reply_due_on" DATE,
    "replied_at" TIMESTAMP(3),
    "escalated_at" TIMESTAMP(3),
    "handled_at" TIMESTAMP(3),
    "result" TEXT,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_event" (
    "id" SERIAL NOT NULL,
    "dispatch_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "actor_name" TEXT NOT NULL,
    "actor_unit_name" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_attachment" (
    "id" SERIAL NOT NULL,
    "dispatch_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploaded_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evaluation_round_year_idx" ON "evaluation_round"("year");

-- CreateIndex
CREATE INDEX "evaluation_round_status_idx" ON "evaluation_round"("status");

-- CreateIndex
CREATE INDEX "evaluation_indicator_round_id_idx" ON "evaluation_indicator"("round_id");

-- CreateIndex
CREATE INDEX "evaluation_pair_round_id_ratee_unit_id_idx" ON "evaluation_pair"("round_id", "ratee_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_pair_round_id_rater_unit_id_ratee_unit_id_key" ON "evaluation_pair"("round_id", "rater_unit_id", "ratee_unit_id");

-- CreateIndex
CREATE INDEX "evaluation_sheet_round_id_status_idx" ON "evaluation_sheet"("round_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_sheet_round_id_rater_unit_id_key" ON "evaluation_sheet"("round_id", "rater_unit_id");

-- CreateIndex
CREATE INDEX "evaluation_score_round_id_ratee_unit_id_idx" ON "evaluation_score"("round_id", "ratee_unit_id");

-- CreateIndex
CREATE INDEX "evaluation_score_indicator_id_idx" ON "evaluation_score"("indicator_id");

-- CreateIndex
CREATE INDEX "evaluation_result_round_id_side_rank_idx" ON "evaluation_result"("round_id", "side", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_result_round_id_unit_id_key" ON "evaluation_result"("round_id", "unit_id");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_code_key" ON "dispatch"("code");

-- CreateIndex
CREATE INDEX "dispatch_street_id_status_idx" ON "dispatch"("street_id", "status");

-- CreateIndex
CREATE INDEX "dispatch_department_id_status_idx" ON "dispatch"("department_id", "status");

-- CreateIndex
CREATE INDEX "dispatch_status_accept_due_on_idx" ON "dispatch"("status", "accept_due_on");

-- CreateIndex
CREATE INDEX "dispatch_reported_at_idx" ON "dispatch"("reported_at");

-- CreateIndex
CREATE INDEX "dispatch_event_dispatch_id_at_idx" ON "dispatch_event"("dispatch_id", "at");

-- CreateIndex
CREATE INDEX "dispatch_attachment_dispatch_id_idx" ON "dispatch_attachment"("dispatch_id");

-- AddForeignKey
ALTER TABLE "evaluation_indicator" ADD CONSTRAINT "evaluation_indicator_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "evaluation_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_pair" ADD CONSTRAINT "evaluation_pair_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "evaluation_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_pair" ADD CONSTRAINT "evaluation_pair_rater_unit_id_fkey" FOREIGN KEY ("rater_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_pair" ADD CONSTRAINT "evaluation_pair_ratee_unit_id_fkey" FOREIGN KEY ("ratee_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_sheet" ADD CONSTRAINT "evaluation_sheet_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "evaluation_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_sheet" ADD CONSTRAINT "evaluation_sheet_rater_unit_id_fkey" FOREIGN KEY ("rater_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_score" ADD CONSTRAINT "evaluation_score_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "evaluation_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_score" ADD CONSTRAINT "evaluation_score_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "evaluation_indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_result" ADD CONSTRAINT "evaluation_result_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "evaluation_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_result" ADD CONSTRAINT "evaluation_result_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_street_id_fkey" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_local_duty_id_fkey" FOREIGN KEY ("local_duty_id") REFERENCES "local_duty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_event" ADD CONSTRAINT "dispatch_event_dispatch_id_fkey" FOREIGN KEY ("dispatch_id") REFERENCES "dispatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_attachment" ADD CONSTRAINT "dispatch_attachment_dispatch_id_fkey" FOREIGN KEY ("dispatch_id") REFERENCES "dispatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

