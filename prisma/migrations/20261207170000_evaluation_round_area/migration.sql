-- A district 编办 runs the 双向考评 of its own district: a round belongs to a district (its streets
-- and departments) or, with no area, to the city. One round a year for each.
ALTER TABLE "evaluation_round" ADD COLUMN "area_unit_id" INTEGER;
ALTER TABLE "evaluation_round" ADD CONSTRAINT "evaluation_round_area_unit_id_fkey" FOREIGN KEY ("area_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "evaluation_round_year_key";
CREATE UNIQUE INDEX "evaluation_round_year_area_unit_id_key" ON "evaluation_round"("year", "area_unit_id");
CREATE INDEX "evaluation_round_area_unit_id_idx" ON "evaluation_round"("area_unit_id");
-- The city's rounds have no area: NULLs are distinct in the unique index above (PostgreSQL 14 has
-- no NULLS NOT DISTINCT), so a partial index keeps the city's to one a year too.
CREATE UNIQUE INDEX "evaluation_round_city_year_key" ON "evaluation_round"("year") WHERE "area_unit_id" IS NULL;
