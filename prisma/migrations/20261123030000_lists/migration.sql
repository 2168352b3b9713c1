-- CreateEnum
CREATE TYPE "PowerListForm" AS ENUM ('POWER', 'DUTY');

-- CreateEnum
CREATE TYPE "PowerListStatus" AS ENUM ('DRAFTING', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DutySection" AS ENUM ('BASIC', 'COOPERATING', 'RECLAIMED');

-- CreateEnum
CREATE TYPE "ListItemSource" AS ENUM ('GENERAL', 'DEVOLVED', 'OWN', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "ReviewOpinion" AS ENUM ('AGREE', 'AGREE_WITH_CHANGES', 'DISAGREE');

-- CreateEnum
CREATE TYPE "ListStageStatus" AS ENUM ('PENDING', 'ACTIVE', 'DONE');

-- CreateEnum
CREATE TYPE "AdjustmentStatus" AS ENUM ('REVIEWING', 'APPROVED', 'REJECTED', 'FILED', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AdjustmentAction" AS ENUM ('ADD', 'REMOVE', 'MODIFY');

-- CreateTable
CREATE TABLE "power_list_category" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "power_list_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "form" "PowerListForm" NOT NULL DEFAULT 'POWER',
    "title" TEXT NOT NULL,
    "status" "PowerListStatus" NOT NULL DEFAULT 'DRAFTING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "next_item_key" INTEGER NOT NULL DEFAULT 1,
    "review_round" INTEGER NOT NULL DEFAULT 1,
    "current_version_id" INTEGER,
    "version_count" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMP(3),
    "created_by_id" INTEGER,
    "created_by_name" TEXT,
    "updated_by_name" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "power_list_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_item" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "item_key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "category_id" INTEGER,
    "section" "DutySection" NOT NULL DEFAULT 'BASIC',
    "source" "ListItemSource" NOT NULL,
    "source_item_id" INTEGER,
    "source_label" TEXT,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "sub_item_name" TEXT,
    "power_type" TEXT,
    "legal_basis" TEXT,
    "exercise_subject" TEXT,
    "handling_section" TEXT,
    "department_name" TEXT,
    "department_duty" TEXT,
    "street_duty" TEXT,
    "responsibilities" TEXT,
    "accountability" TEXT,
    "reclaim_method" TEXT,
    "remarks" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" INTEGER,
    "updated_by_name" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "power_list_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_stage" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT,
    "name" TEXT NOT NULL,
    "status" "ListStageStatus" NOT NULL DEFAULT 'PENDING',
    "started_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "power_list_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_stage_assignee" (
    "stage_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,

    CONSTRAINT "power_list_stage_assignee_pkey" PRIMARY KEY ("stage_id","unit_id")
);

-- CreateTable
CREATE TABLE "power_list_opinion" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "stage_id" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "opinion" "ReviewOpinion" NOT NULL,
    "body" TEXT,
    "draft_version" INTEGER NOT NULL,
    "author_id" INTEGER,
    "author_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "power_list_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_item_comment" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "item_id" INTEGER,
    "item_name" TEXT NOT NULL,
    "opinion_id" INTEGER NOT NULL,
    "stage_name" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "power_list_item_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_event" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "stage_name" TEXT,
    "actor_id" INTEGER,
    "actor_name" TEXT,
    "unit_name" TEXT,
    "note" TEXT,
    "data" JSONB,

    CONSTRAINT "power_list_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_version" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "version_no" INTEGER NOT NULL,
    "form" "PowerListForm" NOT NULL,
    "title" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "document_number" TEXT NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,
    "effective_at" DATE NOT NULL,
    "publisher_id" INTEGER,
    "publisher_name" TEXT NOT NULL,
    "publisher_unit" TEXT NOT NULL,
    "note" TEXT,
    "adjustment_id" INTEGER,
    "item_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "power_list_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_version_item" (
    "id" SERIAL NOT NULL,
    "version_id" INTEGER NOT NULL,
    "list_id" INTEGER NOT NULL,
    "item_key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "category" TEXT,
    "category_order" INTEGER NOT NULL DEFAULT 0,
    "section" "DutySection" NOT NULL DEFAULT 'BASIC',
    "source" "ListItemSource" NOT NULL,
    "source_label" TEXT,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "sub_item_name" TEXT,
    "power_type" TEXT,
    "legal_basis" TEXT,
    "exercise_subject" TEXT,
    "handling_section" TEXT,
    "department_name" TEXT,
    "department_duty" TEXT,
    "street_duty" TEXT,
    "responsibilities" TEXT,
    "accountability" TEXT,
    "reclaim_method" TEXT,
    "remarks" TEXT,
    "search_text" TEXT NOT NULL,

    CONSTRAINT "power_list_version_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_search" (
    "item_id" INTEGER NOT NULL,
    "list_id" INTEGER NOT NULL,
    "version_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "power_list_search_pkey" PRIMARY KEY ("item_id")
);

-- CreateTable
CREATE TABLE "power_list_adjustment" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "base_version_id" INTEGER NOT NULL,
    "status" "AdjustmentStatus" NOT NULL DEFAULT 'REVIEWING',
    "applicant_unit_id" INTEGER NOT NULL,
    "applicant_unit_name" TEXT NOT NULL,
    "applicant_id" INTEGER,
    "applicant_name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "decision_note" TEXT,
    "decided_at" TIMESTAMP(3),
    "decided_by_name" TEXT,
    "filing_number" TEXT,
    "filed_at" TIMESTAMP(3),
    "filed_by_name" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "power_list_adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_adjustment_change" (
    "id" SERIAL NOT NULL,
    "adjustment_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "action" "AdjustmentAction" NOT NULL,
    "item_key" TEXT,
    "item_name" TEXT NOT NULL,
    "fields" JSONB NOT NULL DEFAULT '{}',
    "note" TEXT,

    CONSTRAINT "power_list_adjustment_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "power_list_adjustment_opinion" (
    "id" SERIAL NOT NULL,
    "adjustment_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "author_id" INTEGER,
    "author_name" TEXT NOT NULL,
    "opinion" "ReviewOpinion" NOT NULL,
    "body" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "power_list_adjustment_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "power_list_category_name_key" ON "power_list_category"("name");

-- CreateIndex
CREATE INDEX "power_list_category_sort_order_idx" ON "power_list_category"("sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "power_list_current_version_id_key" ON "power_list"("current_version_id");

-- CreateIndex
CREATE INDEX "power_list_status_idx" ON "power_list"("status");

-- CreateIndex
CREATE UNIQUE INDEX "power_list_unit_id_form_key" ON "power_list"("unit_id", "form");

-- CreateIndex
CREATE INDEX "power_list_item_list_id_position_idx" ON "power_list_item"("list_id", "position");

-- CreateIndex
CREATE INDEX "power_list_item_category_id_idx" ON "power_list_item"("category_id");

-- CreateIndex
CREATE INDEX "power_list_item_source_item_id_idx" ON "power_list_item"("source_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "power_list_item_list_id_item_key_key" ON "power_list_item"("list_id", "item_key");

-- CreateIndex
CREATE INDEX "power_list_stage_list_id_position_idx" ON "power_list_stage"("list_id", "position");

-- CreateIndex
CREATE INDEX "power_list_stage_assignee_unit_id_idx" ON "power_list_stage_assignee"("unit_id");

-- CreateIndex
CREATE INDEX "power_list_opinion_stage_id_round_idx" ON "power_list_opinion"("stage_id", "round");

-- CreateIndex
CREATE INDEX "power_list_opinion_list_id_created_at_idx" ON "power_list_opinion"("list_id", "created_at");

-- CreateIndex
CREATE INDEX "power_list_item_comment_list_id_idx" ON "power_list_item_comment"("list_id");

-- CreateIndex
CREATE INDEX "power_list_item_comment_item_id_idx" ON "power_list_item_comment"("item_id");

-- CreateIndex
CREATE INDEX "power_list_event_list_id_at_idx" ON "power_list_event"("list_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "power_list_version_adjustment_id_key" ON "power_list_version"("adjustment_id");

-- CreateIndex
CREATE INDEX "power_list_version_published_at_idx" ON "power_list_version"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "power_list_version_list_id_version_no_key" ON "power_list_version"("list_id", "version_no");

-- CreateIndex
CREATE INDEX "power_list_version_item_version_id_position_idx" ON "power_list_version_item"("version_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "power_list_version_item_version_id_item_key_key" ON "power_list_version_item"("version_id", "item_key");

-- CreateIndex
CREATE INDEX "power_list_search_list_id_idx" ON "power_list_search"("list_id");

-- CreateIndex
CREATE INDEX "power_list_adjustment_list_id_status_idx" ON "power_list_adjustment"("list_id", "status");

-- CreateIndex
CREATE INDEX "power_list_adjustment_status_idx" ON "power_list_adjustment"("status");

-- CreateIndex
CREATE INDEX "power_list_adjustment_applicant_unit_id_idx" ON "power_list_adjustment"("applicant_unit_id");

-- CreateIndex
CREATE INDEX "power_list_adjustment_change_adjustment_id_position_idx" ON "power_list_adjustment_change"("adjustment_id", "position");

-- CreateIndex
CREATE INDEX "power_list_adjustment_opinion_adjustment_id_created_at_idx" ON "power_list_adjustment_opinion"("adjustment_id", "created_at");

-- CreateIndex
CREATE INDEX "power_list_adjustment_opinion_unit_id_idx" ON "power_list_adjustment_opinion"("unit_id");

-- AddForeignKey
ALTER TABLE "power_list" ADD CONSTRAINT "power_list_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list" ADD CONSTRAINT "power_list_current_version_id_fkey" FOREIGN KEY ("current_version_id") REFERENCES "power_list_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_item" ADD CONSTRAINT "power_list_item_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "power_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_item" ADD CONSTRAINT "power_list_item_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "power_list_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_item" ADD CONSTRAINT "power_list_item_source_item_id_fkey" FOREIGN KEY ("source_item_id") REFERENCES "catalogue_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_stage" ADD CONSTRAINT "power_list_stage_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "power_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_stage_assignee" ADD CONSTRAINT "power_list_stage_assignee_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "power_list_stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_stage_assignee" ADD CONSTRAINT "power_list_stage_assignee_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_opinion" ADD CONSTRAINT "power_list_opinion_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "power_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_opinion" ADD CONSTRAINT "power_list_opinion_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "power_list_stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_opinion" ADD CONSTRAINT "power_list_opinion_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_item_comment" ADD CONSTRAINT "power_list_item_comment_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "power_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_item_comment" ADD CONSTRAINT "power_list_item_comment_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "power_list_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_item_comment" ADD CONSTRAINT "power_list_item_comment_opinion_id_fkey" FOREIGN KEY ("opinion_id") REFERENCES "power_list_opinion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_event" ADD CONSTRAINT "power_list_event_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "power_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_version" ADD CONSTRAINT "power_list_version_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "power_list"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_version" ADD CONSTRAINT "power_list_version_adjustment_id_fkey" FOREIGN KEY ("adjustment_id") REFERENCES "power_list_adjustment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_version_item" ADD CONSTRAINT "power_list_version_item_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "power_list_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_adjustment" ADD CONSTRAINT "power_list_adjustment_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "power_list"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_adjustment" ADD CONSTRAINT "power_list_adjustment_base_version_id_fkey" FOREIGN KEY ("base_version_id") REFERENCES "power_list_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_adjustment" ADD CONSTRAINT "power_list_adjustment_applicant_unit_id_fkey" FOREIGN KEY ("applicant_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_adjustment_change" ADD CONSTRAINT "power_list_adjustment_change_adjustment_id_fkey" FOREIGN KEY ("adjustment_id") REFERENCES "power_list_adjustment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_adjustment_opinion" ADD CONSTRAINT "power_list_adjustment_opinion_adjustment_id_fkey" FOREIGN KEY ("adjustment_id") REFERENCES "power_list_adjustment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "power_list_adjustment_opinion" ADD CONSTRAINT "power_list_adjustment_opinion_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The six function categories of a street power list (利川); 编办 can rename, add or retire them.
INSERT INTO "power_list_category" ("name", "sort_order", "updated_at") VALUES
  ('统筹区域发展', 1, now()),
  ('组织公共服务', 2, now()),
  ('实施综合管理', 3, now()),
  ('维护公共安全', 4, now()),
  ('指导基层自治', 5, now()),
  ('加强行政执法', 6, now());

-- A published version and its items never change: a new version is published instead.
-- (qingdan_refuse_change() comes from the foundation migration.)
CREATE TRIGGER power_list_version_immutable
  BEFORE UPDATE OR DELETE ON "power_list_version"
  FOR EACH ROW EXECUTE FUNCTION qingdan_refuse_change();
CREATE TRIGGER power_list_version_no_truncate
  BEFORE TRUNCATE ON "power_list_version"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_refuse_change();
CREATE TRIGGER power_list_version_item_immutable
  BEFORE UPDATE OR DELETE ON "power_list_version_item"
  FOR EACH ROW EXECUTE FUNCTION qingdan_refuse_change();
CREATE TRIGGER power_list_version_item_no_truncate
  BEFORE TRUNCATE ON "power_list_version_item"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_refuse_change();

-- Search across all published lists: Chinese substring search.
-- pg_trgm cannot serve it here: under the C locale (the embedded server's, and common
-- elsewhere) it extracts no trigrams from CJK text (show_trgm('城市管理') = {}), so a trigram
-- index is never used for a Chinese pattern. Instead each text is split into its distinct
-- character bigrams and a GIN index on that array finds the candidates (every bigram of the
-- query must occur); LIKE then checks the exact substring. Queries need at least 2 characters.
CREATE OR REPLACE FUNCTION qingdan_bigrams(t text) RETURNS text[] AS $$
  SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}')
  FROM generate_series(1, char_length(t) - 1) AS i
  WHERE substr(t, i, 2) !~ '\s'
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;

CREATE INDEX "power_list_search_bigrams_idx" ON "power_list_search" USING gin (qingdan_bigrams("text"));
