-- Opening a province-wide round writes ~340,000 devolution rows in one INSERT … SELECT. With
-- per-row foreign keys PostgreSQL ran four key lookups for each row (round, street, item,
-- department): about 5 of the 8 seconds the statement took. The same references are now checked
-- once per statement, set-based, against the round's own tables (stricter than before: a row's
-- street must be one of the round's streets and its item one of the round's items), and the rows
-- they point at refuse to go while rows point at them. Prisma still declares the relations; see
-- the comment on `Devolution` in schema.prisma.
ALTER TABLE "devolution" DROP CONSTRAINT "devolution_round_id_fkey";
ALTER TABLE "devolution" DROP CONSTRAINT "devolution_street_id_fkey";
ALTER TABLE "devolution" DROP CONSTRAINT "devolution_item_id_fkey";
ALTER TABLE "devolution" DROP CONSTRAINT "devolution_department_id_fkey";

-- A street has a few hundred rows, read through (round_id, street_id, item_id); a department
-- filter on them needs no index of its own, and each index costs every inserted row.
-- DropIndex
DROP INDEX "devolution_round_id_street_id_department_id_idx";

-- New and changed rows, once per statement: the street is in the round, the item is in the round,
-- the department exists. Each distinct key is looked up once and its row locked as a foreign key
-- would lock it (FOR KEY SHARE), so a concurrent delete waits for this transaction and then sees
-- its rows; a key with no row is the error.
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
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER devolution_references_insert
  AFTER INSERT ON "devolution" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_devolution_references();
CREATE TRIGGER devolution_references_update
  AFTER UPDATE ON "devolution" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_devolution_references();

-- The other side: a round's street or item, or a unit, cannot go while devolution rows point at
-- it (what ON DELETE RESTRICT did). Deleting a round cascades to its streets and items, so it is
-- refused here too. Keys never change in the application; a change is refused like a delete.
CREATE OR REPLACE FUNCTION qingdan_devolution_referenced() RETURNS trigger AS $$
DECLARE
  used boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) -> TG_ARGV[0]) IS NOT DISTINCT FROM (to_jsonb(OLD) -> TG_ARGV[0])
     AND (TG_NARGS < 2 OR (to_jsonb(NEW) -> TG_ARGV[1]) IS NOT DISTINCT FROM (to_jsonb(OLD) -> TG_ARGV[1])) THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'devolution_round_street' THEN
    used := EXISTS (SELECT 1 FROM "devolution" d WHERE d.round_id = OLD.round_id AND d.street_id = OLD.street_id);
  ELSIF TG_TABLE_NAME = 'devolution_assignment' THEN
    used := EXISTS (SELECT 1 FROM "devolution" d WHERE d.round_id = OLD.round_id AND d.item_id = OLD.item_id);
  ELSE
    -- One index probe per round: (round_id, street_id, …) and (round_id, department_id, …).
    used := EXISTS (SELECT 1 FROM "devolution_round" r WHERE
              EXISTS (SELECT 1 FROM "devolution" d WHERE d.round_id = r.id AND d.street_id = OLD.id)
              OR EXISTS (SELECT 1 FROM "devolution" d WHERE d.round_id = r.id AND d.department_id = OLD.id));
  END IF;
  IF used THEN
    RAISE EXCEPTION '% is referenced by devolution rows: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER devolution_round_street_referenced
  BEFORE DELETE OR UPDATE OF "round_id", "street_id" ON "devolution_round_street"
  FOR EACH ROW EXECUTE FUNCTION qingdan_devolution_referenced('round_id', 'street_id');
CREATE TRIGGER devolution_assignment_referenced
  BEFORE DELETE OR UPDATE OF "round_id", "item_id" ON "devolution_assignment"
  FOR EACH ROW EXECUTE FUNCTION qingdan_devolution_referenced('round_id', 'item_id');
CREATE TRIGGER org_unit_devolution_referenced
  BEFORE DELETE OR UPDATE OF "id" ON "org_unit"
  FOR EACH ROW EXECUTE FUNCTION qingdan_devolution_referenced('id');
