-- Configurable list types (issue 13): 编办 defines a type's columns, sections and review stages;
-- each unit's list of a type is drafted, reviewed and published as immutable versions that keep
-- the type's field definitions as they were at publication.

-- CreateEnum
CREATE TYPE "TypedListStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED');

-- CreateTable
CREATE TABLE "list_type" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "unit_kinds" "OrgKind"[],
    "fields" JSONB NOT NULL,
    "sections" JSONB NOT NULL DEFAULT '[]',
    "stages" JSONB NOT NULL DEFAULT '[]',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "list_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "typed_list" (
    "id" SERIAL NOT NULL,
    "type_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "TypedListStatus" NOT NULL DEFAULT 'DRAFT',
    "rows" JSONB NOT NULL DEFAULT '[]',
    "next_row_key" INTEGER NOT NULL DEFAULT 1,
    "stage_index" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "current_version_id" INTEGER,
    "version_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "typed_list_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "typed_list_version" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "version_no" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "type_code" TEXT NOT NULL,
    "type_name" TEXT NOT NULL,
    "document_number" TEXT NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publisher_name" TEXT NOT NULL,
    "note" TEXT,
    "fields" JSONB NOT NULL,
    "sections" JSONB NOT NULL DEFAULT '[]',
    "rows" JSONB NOT NULL,
    "row_count" INTEGER NOT NULL,

    CONSTRAINT "typed_list_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "typed_list_opinion" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "stage_index" INTEGER NOT NULL,
    "stage_name" TEXT NOT NULL,
    "approve" BOOLEAN NOT NULL,
    "text" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "typed_list_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "list_type_code_key" ON "list_type"("code");

-- CreateIndex
CREATE UNIQUE INDEX "typed_list_current_version_id_key" ON "typed_list"("current_version_id");

-- CreateIndex
CREATE INDEX "typed_list_unit_id_idx" ON "typed_list"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "typed_list_type_id_unit_id_key" ON "typed_list"("type_id", "unit_id");

-- CreateIndex
CREATE INDEX "typed_list_version_published_at_idx" ON "typed_list_version"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "typed_list_version_list_id_version_no_key" ON "typed_list_version"("list_id", "version_no");

-- CreateIndex
CREATE INDEX "typed_list_opinion_list_id_created_at_idx" ON "typed_list_opinion"("list_id", "created_at");

-- AddForeignKey
ALTER TABLE "typed_list" ADD CONSTRAINT "typed_list_type_id_fkey" FOREIGN KEY ("type_id") REFERENCES "list_type"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "typed_list" ADD CONSTRAINT "typed_list_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "typed_list" ADD CONSTRAINT "typed_list_current_version_id_fkey" FOREIGN KEY ("current_version_id") REFERENCES "typed_list_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "typed_list_version" ADD CONSTRAINT "typed_list_version_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "typed_list"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "typed_list_opinion" ADD CONSTRAINT "typed_list_opinion_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "typed_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A published version never changes: the type's later edits and the next publication make new rows.
-- (qingdan_refuse_change() comes from the foundation migration.)
CREATE TRIGGER typed_list_version_immutable
  BEFORE UPDATE OR DELETE ON "typed_list_version"
  FOR EACH ROW EXECUTE FUNCTION qingdan_refuse_change();
CREATE TRIGGER typed_list_version_no_truncate
  BEFORE TRUNCATE ON "typed_list_version"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_refuse_change();
