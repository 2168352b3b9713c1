-- A district 编办 runs the 年度评议 of its own district: a round belongs to a district (the duties of
-- its units) or, with no area, to the city. One round a year for each.
ALTER TABLE "appraisal_round" ADD COLUMN "area_unit_id" INTEGER;
ALTER TABLE "appraisal_round" ADD CONSTRAINT "appraisal_round_area_unit_id_fkey" FOREIGN KEY ("area_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "appraisal_round_year_key";
CREATE UNIQUE INDEX "appraisal_round_year_area_unit_id_key" ON "appraisal_round"("year", "area_unit_id");
CREATE INDEX "appraisal_round_area_unit_id_idx" ON "appraisal_round"("area_unit_id");
-- NULLs are distinct in the index above (PostgreSQL 14 has no NULLS NOT DISTINCT): the city's rounds.
CREATE UNIQUE INDEX "appraisal_round_city_year_key" ON "appraisal_round"("year") WHERE "area_unit_id" IS NULL;
