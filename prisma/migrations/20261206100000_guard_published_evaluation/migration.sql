-- A published evaluation round is a record: its results (snapshotted by publishRound in the same
-- transaction that marks the round PUBLISHED) and the round itself never change again, whatever the
-- application does. Results are written before the status flips, so publishing still works.
CREATE OR REPLACE FUNCTION qingdan_guard_evaluation_result() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1 FROM "evaluation_round" r WHERE r.id = OLD.round_id AND r.status = 'PUBLISHED') THEN
    RAISE EXCEPTION 'evaluation round % is published: % of its results refused', OLD.round_id, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM "evaluation_round" r WHERE r.id = NEW.round_id AND r.status = 'PUBLISHED') THEN
    RAISE EXCEPTION 'evaluation round % is published: % of its results refused', NEW.round_id, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluation_result_guard
  BEFORE INSERT OR UPDATE OR DELETE ON "evaluation_result"
  FOR EACH ROW EXECUTE FUNCTION qingdan_guard_evaluation_result();

-- Without this, setting a published round back to CLOSED would reopen its results.
CREATE OR REPLACE FUNCTION qingdan_guard_evaluation_round() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'PUBLISHED' THEN
    RAISE EXCEPTION 'evaluation round % is published: % refused', OLD.id, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluation_round_guard
  BEFORE UPDATE OR DELETE ON "evaluation_round"
  FOR EACH ROW EXECUTE FUNCTION qingdan_guard_evaluation_round();

-- TRUNCATE fires no row triggers: refuse it while any round is published.
CREATE OR REPLACE FUNCTION qingdan_guard_evaluation_truncate() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "evaluation_round" WHERE status = 'PUBLISHED') THEN
    RAISE EXCEPTION '% holds published evaluation results: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluation_round_no_truncate BEFORE TRUNCATE ON "evaluation_round"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_evaluation_truncate();
CREATE TRIGGER evaluation_result_no_truncate BEFORE TRUNCATE ON "evaluation_result"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_guard_evaluation_truncate();

-- A rating is a vote on record (review_rating_append_only refuses UPDATE and DELETE); TRUNCATE,
-- which fires no row triggers, is refused too, as for the audit log.
CREATE TRIGGER review_rating_no_truncate
  BEFORE TRUNCATE ON "review_rating"
  FOR EACH STATEMENT EXECUTE FUNCTION qingdan_refuse_change();
