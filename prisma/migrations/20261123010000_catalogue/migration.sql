-- CreateEnum
CREATE TYPE "CatalogueKind" AS ENUM ('GUIDANCE', 'GENERAL');

-- CreateEnum
CREATE TYPE "EditionStatus" AS ENUM ('DRAFT', 'ISSUED');

-- CreateEnum
CREATE TYPE "DictionaryKind" AS ENUM ('POWER_TYPE', 'DOMAIN');

-- CreateTable
CREATE TABLE "dictionary_entry" (
    "id" SERIAL NOT NULL,
    "kind" "DictionaryKind" NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "synonyms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dictionary_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalogue_edition" (
    "id" SERIAL NOT NULL,
    "kind" "CatalogueKind" NOT NULL,
    "title" TEXT NOT NULL,
    "status" "EditionStatus" NOT NULL DEFAULT 'DRAFT',
    "description" TEXT,
    "copied_from_id" INTEGER,
    "issued_at" TIMESTAMP(3),
    "issued_by_id" INTEGER,
    "issued_by_name" TEXT,
    "created_by_id" INTEGER,
    "created_by_name" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "catalogue_edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalogue_item" (
    "id" SERIAL NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "seq" TEXT,
    "seq_count" INTEGER NOT NULL DEFAULT 1,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "power_type_id" INTEGER,
    "power_type_raw" TEXT,
    "domain_id" INTEGER,
    "domain_raw" TEXT,
    "department_id" INTEGER,
    "department_name" TEXT,
    "legal_basis" TEXT,
    "exercise_subject" TEXT,
    "handling_section" TEXT,
    "implementation_level" TEXT,
    "department_duty" TEXT,
    "responsibilities" TEXT,
    "responsibility_basis" TEXT,
    "accountable_parties" TEXT,
    "accountability_grounds" TEXT,
    "statutory_time_limit" TEXT,
    "promised_time_limit" TEXT,
    "charges_fee" TEXT,
    "supervision_phone" TEXT,
    "remarks" TEXT,
    "extra" JSONB,
    "source_sheet" TEXT,
    "source_row" INTEGER,
    "match_key" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "search_text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "catalogue_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalogue_sub_item" (
    "id" SERIAL NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "power_type_id" INTEGER,
    "power_type_raw" TEXT,
    "fields" JSONB NOT NULL DEFAULT '{}',
    "source_row" INTEGER,

    CONSTRAINT "catalogue_sub_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_session" (
    "id" SERIAL NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalogue_import_report" (
    "id" SERIAL NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "format" TEXT,
    "item_count" INTEGER NOT NULL,
    "sub_item_count" INTEGER NOT NULL,
    "skipped_count" INTEGER NOT NULL DEFAULT 0,
    "excluded_count" INTEGER NOT NULL DEFAULT 0,
    "warning_count" INTEGER NOT NULL DEFAULT 0,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "created_by_id" INTEGER,
    "created_by_name" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalogue_import_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dictionary_entry_kind_sort_order_idx" ON "dictionary_entry"("kind", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "dictionary_entry_kind_name_key" ON "dictionary_entry"("kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "dictionary_entry_kind_code_key" ON "dictionary_entry"("kind", "code");

-- CreateIndex
CREATE INDEX "catalogue_edition_kind_status_idx" ON "catalogue_edition"("kind", "status");

-- CreateIndex
CREATE INDEX "catalogue_edition_copied_from_id_idx" ON "catalogue_edition"("copied_from_id");

-- CreateIndex
CREATE UNIQUE INDEX "catalogue_edition_kind_title_key" ON "catalogue_edition"("kind", "title");

-- CreateIndex
CREATE INDEX "catalogue_item_edition_id_power_type_id_idx" ON "catalogue_item"("edition_id", "power_type_id");

-- CreateIndex
CREATE INDEX "catalogue_item_edition_id_domain_id_idx" ON "catalogue_item"("edition_id", "domain_id");

-- CreateIndex
CREATE INDEX "catalogue_item_edition_id_department_id_idx" ON "catalogue_item"("edition_id", "department_id");

-- CreateIndex
CREATE UNIQUE INDEX "catalogue_item_edition_id_position_key" ON "catalogue_item"("edition_id", "position");

-- CreateIndex
CREATE INDEX "catalogue_sub_item_edition_id_idx" ON "catalogue_sub_item"("edition_id");

-- CreateIndex
CREATE UNIQUE INDEX "catalogue_sub_item_item_id_position_key" ON "catalogue_sub_item"("item_id", "position");

-- CreateIndex
CREATE INDEX "import_session_edition_id_idx" ON "import_session"("edition_id");

-- CreateIndex
CREATE INDEX "import_session_expires_at_idx" ON "import_session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "catalogue_import_report_edition_id_sha256_key" ON "catalogue_import_report"("edition_id", "sha256");

-- AddForeignKey
ALTER TABLE "catalogue_edition" ADD CONSTRAINT "catalogue_edition_copied_from_id_fkey" FOREIGN KEY ("copied_from_id") REFERENCES "catalogue_edition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalogue_item" ADD CONSTRAINT "catalogue_item_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "catalogue_edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalogue_item" ADD CONSTRAINT "catalogue_item_power_type_id_fkey" FOREIGN KEY ("power_type_id") REFERENCES "dictionary_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalogue_item" ADD CONSTRAINT "catalogue_item_domain_id_fkey" FOREIGN KEY ("domain_id") REFERENCES "dictionary_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalogue_item" ADD CONSTRAINT "catalogue_item_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalogue_sub_item" ADD CONSTRAINT "catalogue_sub_item_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "catalogue_edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalogue_sub_item" ADD CONSTRAINT "catalogue_sub_item_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "catalogue_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalogue_sub_item" ADD CONSTRAINT "catalogue_sub_item_power_type_id_fkey" FOREIGN KEY ("power_type_id") REFERENCES "dictionary_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_session" ADD CONSTRAINT "import_session_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "catalogue_edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalogue_import_report" ADD CONSTRAINT "catalogue_import_report_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "catalogue_edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- The managed dictionaries start with the power types every published list uses (行政监督 is
-- another province's word for 行政检查) and the usual domains of the guidance catalogues.
INSERT INTO "dictionary_entry" ("kind", "code", "name", "synonyms", "sort_order", "updated_at") VALUES
  ('POWER_TYPE', '行政许可', '行政许可', ARRAY['行政审批', '许可'], 1, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '行政处罚', '行政处罚', ARRAY['处罚'], 2, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '行政强制', '行政强制', ARRAY['行政强制措施', '行政强制执行'], 3, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '行政征收', '行政征收', ARRAY['行政征收征用'], 4, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '行政给付', '行政给付', ARRAY[]::TEXT[], 5, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '行政检查', '行政检查', ARRAY['行政监督', '行政监督检查', '监督检查'], 6, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '行政确认', '行政确认', ARRAY[]::TEXT[], 7, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '行政奖励', '行政奖励', ARRAY[]::TEXT[], 8, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '行政裁决', '行政裁决', ARRAY[]::TEXT[], 9, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '其他行政权力', '其他行政权力', ARRAY['其他职权', '其他权力', '其他行政职权'], 10, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '公共服务', '公共服务', ARRAY['公共服务事项'], 11, CURRENT_TIMESTAMP),
  ('POWER_TYPE', '其他', '其他', ARRAY['其它'], 12, CURRENT_TIMESTAMP),
  ('DOMAIN', '城管执法', '城管执法', ARRAY['城市管理', '综合执法', '城市管理综合执法'], 1, CURRENT_TIMESTAMP),
  ('DOMAIN', '卫生健康', '卫生健康', ARRAY['卫健', '卫生', '卫生计生'], 2, CURRENT_TIMESTAMP),
  ('DOMAIN', '应急管理', '应急管理', ARRAY['安全生产', '应急'], 3, CURRENT_TIMESTAMP),
  ('DOMAIN', '市场监管', '市场监管', ARRAY['市场监督管理', '市场监督'], 4, CURRENT_TIMESTAMP),
  ('DOMAIN', '农业农村', '农业农村', ARRAY['农业', '农村'], 5, CURRENT_TIMESTAMP),
  ('DOMAIN', '自然资源', '自然资源', ARRAY['自然资源和规划', '国土资源', '自然资源规划'], 6, CURRENT_TIMESTAMP),
  ('DOMAIN', '生态环境', '生态环境', ARRAY['环境保护', '环保'], 7, CURRENT_TIMESTAMP),
  ('DOMAIN', '住房建设', '住房建设', ARRAY['住房和城乡建设', '住建', '城乡建设'], 8, CURRENT_TIMESTAMP),
  ('DOMAIN', '民政', '民政', ARRAY[]::TEXT[], 9, CURRENT_TIMESTAMP),
  ('DOMAIN', '文化旅游', '文化旅游', ARRAY['文化和旅游', '文旅', '文化'], 10, CURRENT_TIMESTAMP),
  ('DOMAIN', '人力资源社会保障', '人力资源社会保障', ARRAY['人力资源和社会保障', '人社', '劳动保障'], 11, CURRENT_TIMESTAMP),
  ('DOMAIN', '水利', '水利', ARRAY['水务'], 12, CURRENT_TIMESTAMP),
  ('DOMAIN', '交通运输', '交通运输', ARRAY['交通'], 13, CURRENT_TIMESTAMP),
  ('DOMAIN', '林业', '林业', ARRAY['林业和草原', '园林绿化'], 14, CURRENT_TIMESTAMP),
  ('DOMAIN', '教育', '教育', ARRAY[]::TEXT[], 15, CURRENT_TIMESTAMP),
  ('DOMAIN', '公安', '公安', ARRAY['治安'], 16, CURRENT_TIMESTAMP),
  ('DOMAIN', '消防', '消防', ARRAY['消防救援'], 17, CURRENT_TIMESTAMP),
  ('DOMAIN', '人民防空', '人民防空', ARRAY['人防', '国防动员'], 18, CURRENT_TIMESTAMP),
  ('DOMAIN', '统计', '统计', ARRAY[]::TEXT[], 19, CURRENT_TIMESTAMP),
  ('DOMAIN', '商务', '商务', ARRAY[]::TEXT[], 20, CURRENT_TIMESTAMP),
  ('DOMAIN', '医疗保障', '医疗保障', ARRAY['医保'], 21, CURRENT_TIMESTAMP),
  ('DOMAIN', '科学技术', '科学技术', ARRAY['科技'], 22, CURRENT_TIMESTAMP),
  ('DOMAIN', '其他', '其他', ARRAY['其它', '综合'], 99, CURRENT_TIMESTAMP);


-- An issued edition never changes: the database refuses to un-issue, edit or delete it, and to
-- insert, update or delete items of it, whatever the application does. Only the link to the
-- edition it was copied from may be cleared (when that draft is deleted).
CREATE OR REPLACE FUNCTION qingdan_guard_edition() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'ISSUED' THEN
      RAISE EXCEPTION 'catalogue edition % is issued: % refused', OLD.id, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'ISSUED'
     AND (to_jsonb(NEW) - 'copied_from_id' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'copied_from_id' - 'updated_at') THEN
    RAISE EXCEPTION 'catalogue edition % is issued: % refused', OLD.id, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalogue_edition_guard
  BEFORE UPDATE OR DELETE ON "catalogue_edition"
  FOR EACH ROW EXECUTE FUNCTION qingdan_guard_edition();

-- Statement-level with transition tables: one check per statement, so a 5,000-row createMany
-- costs one join, not 5,000 lookups.
CREATE OR REPLACE FUNCTION qingdan_guard_items() RETURNS trigger AS $$
DECLARE
  issued integer;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT e.id INTO issued FROM new_rows r JOIN "catalogue_edition" e ON e.id = r.edition_id WHERE e.status = 'ISSUED' LIMIT 1;
    IF issued IS NOT NULL THEN
      RAISE EXCEPTION 'catalogue edition % is issued: % of its items refused', issued, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT e.id INTO issued FROM old_rows r JOIN "catalogue_edition" e ON e.id = r.edition_id WHERE e.status = 'ISSUED' LIMIT 1;
    IF issued IS NOT NULL THEN
      RAISE EXCEPTION 'catalogue edition % is issued: % of its items refused', issued, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalogue_item_guard_insert
  AFTER INSERT ON "catalogue_item" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_items();
CREATE TRIGGER catalogue_item_guard_update
  AFTER UPDATE ON "catalogue_item" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_items();
CREATE TRIGGER catalogue_item_guard_delete
  AFTER DELETE ON "catalogue_item" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_items();

-- Sub-items: checked through their own edition and their item's, which must be the same.
CREATE OR REPLACE FUNCTION qingdan_guard_sub_items() RETURNS trigger AS $$
DECLARE
  issued integer;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM new_rows r JOIN "catalogue_item" i ON i.id = r.item_id WHERE i.edition_id <> r.edition_id) THEN
      RAISE EXCEPTION 'catalogue sub-item must belong to the edition of its item' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT e.id INTO issued FROM new_rows r JOIN "catalogue_edition" e ON e.id = r.edition_id WHERE e.status = 'ISSUED' LIMIT 1;
    IF issued IS NOT NULL THEN
      RAISE EXCEPTION 'catalogue edition % is issued: % of its sub-items refused', issued, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT e.id INTO issued FROM old_rows r JOIN "catalogue_edition" e ON e.id = r.edition_id WHERE e.status = 'ISSUED' LIMIT 1;
    IF issued IS NOT NULL THEN
      RAISE EXCEPTION 'catalogue edition % is issued: % of its sub-items refused', issued, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalogue_sub_item_guard_insert
  AFTER INSERT ON "catalogue_sub_item" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_sub_items();
CREATE TRIGGER catalogue_sub_item_guard_update
  AFTER UPDATE ON "catalogue_sub_item" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_sub_items();
CREATE TRIGGER catalogue_sub_item_guard_delete
  AFTER DELETE ON "catalogue_sub_item" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_sub_items();

-- TRUNCATE fires no row triggers: refuse it while any edition is issued.
CREATE OR REPLACE FUNCTION qingdan_guard_catalogue_truncate() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "catalogue_edition" WHERE status = 'ISSUED') THEN
    RAISE EXCEPTION '% holds issued catalogue editions: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalogue_edition_no_truncate BEFORE TRUNCATE ON "catalogue_edition"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_catalogue_truncate();
CREATE TRIGGER catalogue_item_no_truncate BEFORE TRUNCATE ON "catalogue_item"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_catalogue_truncate();
CREATE TRIGGER catalogue_sub_item_no_truncate BEFORE TRUNCATE ON "catalogue_sub_item"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_catalogue_truncate();
