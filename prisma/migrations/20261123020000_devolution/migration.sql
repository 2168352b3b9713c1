-- CreateEnum
CREATE TYPE "DevolutionRoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "DevolutionDecision" AS ENUM ('ACCEPT', 'DEFER', 'DECLINE');

-- CreateEnum
CREATE TYPE "DevolutionResponse" AS ENUM ('AGREE', 'DISAGREE');

-- CreateEnum
CREATE TYPE "CommentSide" AS ENUM ('BIANBAN', 'DEPARTMENT', 'STREET');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('PENDING', 'CONFIRMED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "devolution_round" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "status" "DevolutionRoundStatus" NOT NULL DEFAULT 'OPEN',
    "deadline" DATE NOT NULL,
    "note" TEXT,
    "document_prefix" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "created_by_name" TEXT,
    "closed_at" TIMESTAMP(3),
    "closed_by_name" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "devolution_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devolution_round_street" (
    "round_id" INTEGER NOT NULL,
    "street_id" INTEGER NOT NULL,

    CONSTRAINT "devolution_round_street_pkey" PRIMARY KEY ("round_id","street_id")
);

-- CreateTable
CREATE TABLE "devolution_assignment" (
    "round_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "department_id" INTEGER,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "devolution_assignment_pkey" PRIMARY KEY ("round_id","item_id")
);

-- CreateTable
CREATE TABLE "devolution" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "street_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "department_id" INTEGER,
    "position" INTEGER NOT NULL,
    "power_type_id" INTEGER,
    "domain_id" INTEGER,
    "proposal" "DevolutionDecision",
    "reason" TEXT,
    "street_duty" TEXT,
    "department_duty" TEXT,
    "proposed_at" TIMESTAMP(3),
    "proposed_by_id" INTEGER,
    "proposed_by_name" TEXT,
    "response" "DevolutionResponse",
    "response_reason" TEXT,
    "responded_at" TIMESTAMP(3),
    "responded_by_id" INTEGER,
    "responded_by_name" TEXT,
    "arbitrated_decision" "DevolutionDecision",
    "arbitration_note" TEXT,
    "arbitrated_at" TIMESTAMP(3),
    "arbitrated_by_id" INTEGER,
    "arbitrated_by_name" TEXT,
    "decision" "DevolutionDecision",
    "settled" BOOLEAN NOT NULL DEFAULT false,
    "settled_at" TIMESTAMP(3),
    "letter_id" INTEGER,
    "locked_at" TIMESTAMP(3),
    "comment_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "devolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devolution_comment" (
    "id" SERIAL NOT NULL,
    "devolution_id" INTEGER NOT NULL,
    "side" "CommentSide" NOT NULL,
    "author_id" INTEGER,
    "author_name" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "devolution_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "confirmation_letter" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "street_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "document_prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "document_number" TEXT NOT NULL,
    "status" "LetterStatus" NOT NULL DEFAULT 'PENDING',
    "content" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "item_count" INTEGER NOT NULL,
    "accepted_count" INTEGER NOT NULL,
    "deferred_count" INTEGER NOT NULL,
    "declined_count" INTEGER NOT NULL,
    "generated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "generated_by_id" INTEGER,
    "generated_by_name" TEXT,
    "department_confirmed_at" TIMESTAMP(3),
    "department_confirmed_by_id" INTEGER,
    "department_confirmed_by" TEXT,
    "street_confirmed_at" TIMESTAMP(3),
    "street_confirmed_by_id" INTEGER,
    "street_confirmed_by" TEXT,
    "withdrawn_at" TIMESTAMP(3),
    "withdrawn_by" TEXT,
    "withdraw_reason" TEXT,

    CONSTRAINT "confirmation_letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" SERIAL NOT NULL,
    "street_id" INTEGER NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "claimed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_by_id" INTEGER,
    "claimed_by_name" TEXT,
    "unclaimed_at" TIMESTAMP(3),
    "unclaimed_by_name" TEXT,
    "unclaim_reason" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "devolution_round_status_idx" ON "devolution_round"("status");

-- CreateIndex
CREATE INDEX "devolution_round_edition_id_idx" ON "devolution_round"("edition_id");

-- CreateIndex
CREATE INDEX "devolution_round_street_street_id_idx" ON "devolution_round_street"("street_id");

-- CreateIndex
CREATE INDEX "devolution_assignment_round_id_department_id_idx" ON "devolution_assignment"("round_id", "department_id");

-- CreateIndex
CREATE INDEX "devolution_round_id_street_id_department_id_idx" ON "devolution"("round_id", "street_id", "department_id");

-- CreateIndex
CREATE INDEX "devolution_round_id_department_id_street_id_idx" ON "devolution"("round_id", "department_id", "street_id");

-- CreateIndex
CREATE INDEX "devolution_round_id_item_id_idx" ON "devolution"("round_id", "item_id");

-- CreateIndex
CREATE INDEX "devolution_letter_id_idx" ON "devolution"("letter_id");

-- CreateIndex
CREATE UNIQUE INDEX "devolution_round_id_street_id_item_id_key" ON "devolution"("round_id", "street_id", "item_id");

-- CreateIndex
CREATE INDEX "devolution_comment_devolution_id_created_at_idx" ON "devolution_comment"("devolution_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "confirmation_letter_document_number_key" ON "confirmation_letter"("document_number");

-- CreateIndex
CREATE UNIQUE INDEX "confirmation_letter_content_hash_key" ON "confirmation_letter"("content_hash");

-- CreateIndex
CREATE INDEX "confirmation_letter_round_id_street_id_department_id_idx" ON "confirmation_letter"("round_id", "street_id", "department_id");

-- CreateIndex
CREATE INDEX "confirmation_letter_round_id_status_idx" ON "confirmation_letter"("round_id", "status");

-- CreateIndex
CREATE INDEX "confirmation_letter_street_id_idx" ON "confirmation_letter"("street_id");

-- CreateIndex
CREATE INDEX "confirmation_letter_department_id_idx" ON "confirmation_letter"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "confirmation_letter_document_prefix_year_serial_key" ON "confirmation_letter"("document_prefix", "year", "serial");

-- CreateIndex
CREATE INDEX "claim_edition_id_active_idx" ON "claim"("edition_id", "active");

-- CreateIndex
CREATE INDEX "claim_item_id_idx" ON "claim"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_street_id_item_id_key" ON "claim"("street_id", "item_id");

-- AddForeignKey
ALTER TABLE "devolution_round" ADD CONSTRAINT "devolution_round_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "catalogue_edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution_round_street" ADD CONSTRAINT "devolution_round_street_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "devolution_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution_round_street" ADD CONSTRAINT "devolution_round_street_street_id_fkey" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution_assignment" ADD CONSTRAINT "devolution_assignment_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "devolution_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution_assignment" ADD CONSTRAINT "devolution_assignment_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "catalogue_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution_assignment" ADD CONSTRAINT "devolution_assignment_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution" ADD CONSTRAINT "devolution_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "devolution_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution" ADD CONSTRAINT "devolution_street_id_fkey" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution" ADD CONSTRAINT "devolution_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "catalogue_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution" ADD CONSTRAINT "devolution_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution" ADD CONSTRAINT "devolution_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "confirmation_letter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution_comment" ADD CONSTRAINT "devolution_comment_devolution_id_fkey" FOREIGN KEY ("devolution_id") REFERENCES "devolution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confirmation_letter" ADD CONSTRAINT "confirmation_letter_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "devolution_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confirmation_letter" ADD CONSTRAINT "confirmation_letter_street_id_fkey" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confirmation_letter" ADD CONSTRAINT "confirmation_letter_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_street_id_fkey" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "catalogue_edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "catalogue_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- CreateTable
CREATE TABLE "devolution_pair_tally" (
    "round_id" INTEGER NOT NULL,
    "street_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "deferred" INTEGER NOT NULL DEFAULT 0,
    "declined" INTEGER NOT NULL DEFAULT 0,
    "settled" INTEGER NOT NULL DEFAULT 0,
    "disputed" INTEGER NOT NULL DEFAULT 0,
    "awaiting_proposal" INTEGER NOT NULL DEFAULT 0,
    "awaiting_response" INTEGER NOT NULL DEFAULT 0,
    "unassigned" INTEGER NOT NULL DEFAULT 0,
    "accepted_penalty" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "devolution_pair_tally_pkey" PRIMARY KEY ("round_id","street_id","department_id")
);

-- CreateTable
CREATE TABLE "devolution_item_tally" (
    "round_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "deferred" INTEGER NOT NULL DEFAULT 0,
    "declined" INTEGER NOT NULL DEFAULT 0,
    "settled" INTEGER NOT NULL DEFAULT 0,
    "disputed" INTEGER NOT NULL DEFAULT 0,
    "awaiting_proposal" INTEGER NOT NULL DEFAULT 0,
    "awaiting_response" INTEGER NOT NULL DEFAULT 0,
    "unassigned" INTEGER NOT NULL DEFAULT 0,
    "accepted_penalty" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "devolution_item_tally_pkey" PRIMARY KEY ("round_id","item_id")
);

-- CreateIndex
CREATE INDEX "devolution_pair_tally_round_id_department_id_idx" ON "devolution_pair_tally"("round_id", "department_id");


-- A decision is settled exactly when it has an outcome; an outcome the letter locked stays.
-- Once both sides have confirmed its letter a devolution row never changes again: later changes go
-- through a new round. The database refuses them whatever the application does.
CREATE OR REPLACE FUNCTION qingdan_guard_devolution() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.locked_at IS NOT NULL THEN
      RAISE EXCEPTION 'devolution % is locked by a confirmed letter: % refused', OLD.id, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.locked_at IS NOT NULL THEN
    RAISE EXCEPTION 'devolution % is locked by a confirmed letter: % refused', OLD.id, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF NEW.settled IS DISTINCT FROM (NEW.decision IS NOT NULL) THEN
    RAISE EXCEPTION 'devolution %: settled must match decision', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.locked_at IS NOT NULL AND (NEW.letter_id IS NULL OR NOT NEW.settled) THEN
    RAISE EXCEPTION 'devolution %: only a settled row in a letter can be locked', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER devolution_guard
  BEFORE UPDATE OR DELETE ON "devolution"
  FOR EACH ROW EXECUTE FUNCTION qingdan_guard_devolution();

-- Comments on a locked row are part of its record: never edited or deleted.
CREATE OR REPLACE FUNCTION qingdan_guard_devolution_comment() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM "devolution" d WHERE d.id = NEW.devolution_id AND d.locked_at IS NOT NULL) THEN
      RAISE EXCEPTION 'devolution % is locked by a confirmed letter: comment refused', NEW.devolution_id USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'devolution comments are append-only: % refused', TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER devolution_comment_guard
  BEFORE INSERT OR UPDATE OR DELETE ON "devolution_comment"
  FOR EACH ROW EXECUTE FUNCTION qingdan_guard_devolution_comment();

-- A letter is a record: never deleted; what it says (number, parties, content, hash, counts) never
-- changes; once confirmed by both sides nothing about it changes. Only one letter per street x
-- department of a round may be pending or confirmed at a time.
CREATE OR REPLACE FUNCTION qingdan_guard_letter() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'confirmation letter % is a record: DELETE refused', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'PENDING' OR NEW.department_confirmed_at IS NOT NULL OR NEW.street_confirmed_at IS NOT NULL THEN
      RAISE EXCEPTION 'a new confirmation letter starts unconfirmed' USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM "confirmation_letter" l
               WHERE l.round_id = NEW.round_id AND l.street_id = NEW.street_id AND l.department_id = NEW.department_id
                 AND l.status <> 'WITHDRAWN') THEN
      RAISE EXCEPTION 'street % and department % already have a letter in round %', NEW.street_id, NEW.department_id, NEW.round_id USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status <> 'PENDING' THEN
    RAISE EXCEPTION 'confirmation letter % is %: UPDATE refused', OLD.id, OLD.status USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF (to_jsonb(NEW) - ARRAY['status', 'department_confirmed_at', 'department_confirmed_by_id', 'department_confirmed_by',
                            'street_confirmed_at', 'street_confirmed_by_id', 'street_confirmed_by',
                            'withdrawn_at', 'withdrawn_by', 'withdraw_reason'])
     IS DISTINCT FROM
     (to_jsonb(OLD) - ARRAY['status', 'department_confirmed_at', 'department_confirmed_by_id', 'department_confirmed_by',
                            'street_confirmed_at', 'street_confirmed_by_id', 'street_confirmed_by',
                            'withdrawn_at', 'withdrawn_by', 'withdraw_reason']) THEN
    RAISE EXCEPTION 'confirmation letter % content is fixed: UPDATE refused', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF NEW.status = 'CONFIRMED' AND (NEW.department_confirmed_at IS NULL OR NEW.street_confirmed_at IS NULL) THEN
    RAISE EXCEPTION 'confirmation letter % needs both confirmations', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER confirmation_letter_guard
  BEFORE INSERT OR UPDATE OR DELETE ON "confirmation_letter"
  FOR EACH ROW EXECUTE FUNCTION qingdan_guard_letter();

-- TRUNCATE fires no row triggers: refuse it while anything is locked or confirmed.
CREATE OR REPLACE FUNCTION qingdan_guard_devolution_truncate() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "confirmation_letter" WHERE status = 'CONFIRMED') THEN
    RAISE EXCEPTION '% holds confirmed devolution records: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER devolution_no_truncate BEFORE TRUNCATE ON "devolution"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_devolution_truncate();
CREATE TRIGGER devolution_comment_no_truncate BEFORE TRUNCATE ON "devolution_comment"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_devolution_truncate();
CREATE TRIGGER confirmation_letter_no_truncate BEFORE TRUNCATE ON "confirmation_letter"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_devolution_truncate();

-- The tallies: each statement on `devolution` adds its new rows and subtracts its old ones, per
-- street x department and per item, in key order (so concurrent statements lock tally rows in
-- the same order). The classification is the one `countRows` and the dashboard use.
CREATE OR REPLACE FUNCTION qingdan_devolution_tally() RETURNS trigger AS $$
DECLARE
  penalty integer := (SELECT id FROM "dictionary_entry" WHERE kind = 'POWER_TYPE' AND code = '行政处罚' LIMIT 1);
  source text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT r.*, 1 AS sign FROM new_rows r'
    WHEN 'DELETE' THEN 'SELECT r.*, -1 AS sign FROM old_rows r'
    ELSE 'SELECT r.*, 1 AS sign FROM new_rows r UNION ALL SELECT r.*, -1 AS sign FROM old_rows r' END;
  counts text := $c$
    sum(sign) AS total,
    sum(sign * coalesce(settled AND decision = 'ACCEPT', false)::int) AS accepted,
    sum(sign * coalesce(settled AND decision = 'DEFER', false)::int) AS deferred,
    sum(sign * coalesce(settled AND decision = 'DECLINE', false)::int) AS declined,
    sum(sign * settled::int) AS settled,
    sum(sign * coalesce(NOT settled AND department_id IS NOT NULL AND proposal IS NOT NULL AND response = 'DISAGREE', false)::int) AS disputed,
    sum(sign * coalesce(NOT settled AND department_id IS NOT NULL AND proposal IS NULL, false)::int) AS awaiting_proposal,
    sum(sign * coalesce(NOT settled AND department_id IS NOT NULL AND proposal IS NOT NULL AND response IS NULL, false)::int) AS awaiting_response,
    sum(sign * coalesce(NOT settled AND department_id IS NULL, false)::int) AS unassigned,
    sum(sign * coalesce(settled AND decision = 'ACCEPT' AND power_type_id = $1, false)::int) AS accepted_penalty$c$;
  changed text := 'NOT (d.total = 0 AND d.accepted = 0 AND d.deferred = 0 AND d.declined = 0 AND d.settled = 0 AND d.disputed = 0
    AND d.awaiting_proposal = 0 AND d.awaiting_response = 0 AND d.unassigned = 0 AND d.accepted_penalty = 0)';
  add text := 'total = t.total + EXCLUDED.total, accepted = t.accepted + EXCLUDED.accepted, deferred = t.deferred + EXCLUDED.deferred,
    declined = t.declined + EXCLUDED.declined, settled = t.settled + EXCLUDED.settled, disputed = t.disputed + EXCLUDED.disputed,
    awaiting_proposal = t.awaiting_proposal + EXCLUDED.awaiting_proposal, awaiting_response = t.awaiting_response + EXCLUDED.awaiting_response,
    unassigned = t.unassigned + EXCLUDED.unassigned, accepted_penalty = t.accepted_penalty + EXCLUDED.accepted_penalty';
  columns text := 'total, accepted, deferred, declined, settled, disputed, awaiting_proposal, awaiting_response, unassigned, accepted_penalty';
BEGIN
  EXECUTE format($q$
    WITH d AS (SELECT round_id, street_id, COALESCE(department_id, 0) AS department_id, %2$s FROM (%1$s) x GROUP BY 1, 2, 3)
    INSERT INTO "devolution_pair_tally" AS t (round_id, street_id, department_id, %4$s)
    SELECT round_id, street_id, department_id, %4$s FROM d WHERE %3$s ORDER BY 1, 2, 3
    ON CONFLICT (round_id, street_id, department_id) DO UPDATE SET %5$s$q$, source, counts, changed, columns, add) USING penalty;
  EXECUTE format($q$
    WITH d AS (SELECT round_id, item_id, %2$s FROM (%1$s) x GROUP BY 1, 2)
    INSERT INTO "devolution_item_tally" AS t (round_id, item_id, %4$s)
    SELECT round_id, item_id, %4$s FROM d WHERE %3$s ORDER BY 1, 2
    ON CONFLICT (round_id, item_id) DO UPDATE SET %5$s$q$, source, counts, changed, columns, add) USING penalty;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER devolution_tally_insert
  AFTER INSERT ON "devolution" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_devolution_tally();
CREATE TRIGGER devolution_tally_update
  AFTER UPDATE ON "devolution" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_devolution_tally();
CREATE TRIGGER devolution_tally_delete
  AFTER DELETE ON "devolution" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_devolution_tally();

CREATE OR REPLACE FUNCTION qingdan_devolution_tally_truncate() RETURNS trigger AS $$
BEGIN
  DELETE FROM "devolution_pair_tally";
  DELETE FROM "devolution_item_tally";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER devolution_tally_truncate AFTER TRUNCATE ON "devolution"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_devolution_tally_truncate();
