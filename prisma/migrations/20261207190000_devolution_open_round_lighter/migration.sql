-- Opening a province-wide round (3,100 streets x 263 items = 815,300 rows in one INSERT … SELECT)
-- took 8.4 s on a quiet machine and 21.5 s on a loaded one, against < 10 s (issue 14 §2). Most of
-- it is per-row work: the heap, five index entries and one foreign-key trigger call per row.
-- Measured on that round, A/B in rolled-back transactions on the same machine at the same time
-- (CPU of the database backend, the figure a busy machine disturbs least): 9.6-10.0 s before,
-- 6.3-6.7 s after the two changes below (about 1 s each), a ratio of 0.66.

-- 1. The (round_id, item_id) index: 815,300 entries per province round for one reader, assigning
-- an item to another department (编办, a few times a round) and the reference check when a
-- round's item is deleted (never, while rows point at it). Both still find their rows through
-- the unique (round_id, street_id, item_id) index, scanning one round's entries (~100 ms at
-- province scale) instead of one item's: rare actions pay, the once-a-round open does not.
-- DropIndex
DROP INDEX "devolution_round_id_item_id_idx";

-- 2. The letter foreign key: PostgreSQL queued and ran its check trigger for each of the 815,300
-- new rows (0.5 s in EXPLAIN ANALYZE), although a new row never has a letter. The statement-level reference
-- trigger now checks letter ids too, once per distinct letter, locking the letter as the foreign
-- key would (FOR KEY SHARE). The other side needs nothing new: a letter is never deleted and its
-- id never changes (qingdan_guard_letter refuses both), and TRUNCATE is refused below while rows
-- point at a letter. Prisma still declares the relation; scripts/migration-drift.ts lists it.
ALTER TABLE "devolution" DROP CONSTRAINT "devolution_letter_id_fkey";

CREATE OR REPLACE FUNCTION qingdan_devolution_references() RETURNS trigger AS $$
DECLARE
  bad record;
BEGIN
  SELECT k.round_id, k.street_id INTO bad
    FROM (SELECT DISTINCT n.round_id, n.street_id FROM new_rows n) k
    LEFT JOIN LATERAL (SELECT true AS found FROM "devolution_round_street" s
                       WHERE s.round_id = k.round_id AND s.street_id = k.street_id FOR KEY SHARE) s ON true
    WHERE s.found IS NULL
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'devolution: street % is not in round %', bad.street_id, bad.round_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT k.round_id, k.item_id INTO bad
    FROM (SELECT DISTINCT n.round_id, n.item_id FROM new_rows n) k
    LEFT JOIN LATERAL (SELECT true AS found FROM "devolution_assignment" a
                       WHERE a.round_id = k.round_id AND a.item_id = k.item_id FOR KEY SHARE) a ON true
    WHERE a.found IS NULL
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'devolution: item % is not in round %', bad.item_id, bad.round_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT k.department_id INTO bad
    FROM (SELECT DISTINCT n.department_id FROM new_rows n WHERE n.department_id IS NOT NULL) k
    LEFT JOIN LATERAL (SELECT true AS found FROM "org_unit" u WHERE u.id = k.department_id FOR KEY SHARE) u ON true
    WHERE u.found IS NULL
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'devolution: department % does not exist', bad.department_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT k.letter_id INTO bad
    FROM (SELECT DISTINCT n.letter_id FROM new_rows n WHERE n.letter_id IS NOT NULL) k
    LEFT JOIN LATERAL (SELECT true AS found FROM "confirmation_letter" l WHERE l.id = k.letter_id FOR KEY SHARE) l ON true
    WHERE l.found IS NULL
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'devolution: letter % does not exist', bad.letter_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- TRUNCATE fires no row triggers, and without the foreign key nothing else stops it.
CREATE OR REPLACE FUNCTION qingdan_confirmation_letter_truncate() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "devolution" WHERE letter_id IS NOT NULL) THEN
    RAISE EXCEPTION 'devolution rows point at confirmation letters: TRUNCATE refused' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER confirmation_letter_referenced_truncate BEFORE TRUNCATE ON "confirmation_letter"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_confirmation_letter_truncate();
