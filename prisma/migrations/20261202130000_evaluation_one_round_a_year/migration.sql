-- One evaluation round a year: a second round for the same year would split the year's ratings.
-- A database that already has two rounds for a year stops here and says which years; merge or
-- renumber them (UPDATE evaluation_round SET year = ...) before migrating again.
DO $$
DECLARE
  years text;
BEGIN
  SELECT string_agg(year::text || ' (' || n || ')', ', ' ORDER BY year) INTO years
  FROM (SELECT year, count(*) AS n FROM "evaluation_round" GROUP BY year HAVING count(*) > 1) d;
  IF years IS NOT NULL THEN
    RAISE EXCEPTION '以下年度有不止一轮双向考评，请先处理后再迁移 / more than one evaluation round for year(s): %', years
      USING ERRCODE = 'unique_violation';
  END IF;
END;
$$;

-- DropIndex
DROP INDEX "evaluation_round_year_idx";

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_round_year_key" ON "evaluation_round"("year");
