-- District editions of the catalogue: an edition belongs to a district (its DISTRICT unit) or,
-- with no area, to the city.
ALTER TABLE "catalogue_edition" ADD COLUMN "area_unit_id" INTEGER;
ALTER TABLE "catalogue_edition" ADD CONSTRAINT "catalogue_edition_area_unit_id_fkey"
  FOREIGN KEY ("area_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "catalogue_edition_area_unit_id_idx" ON "catalogue_edition"("area_unit_id");

-- 备案: a district 编办's decisions filed with the city 编办.
CREATE TYPE "FilingKind" AS ENUM ('CATALOGUE_EDITION', 'POWER_LIST', 'DEVOLUTION_ROUND');
CREATE TYPE "FilingStatus" AS ENUM ('PENDING', 'FILED', 'RETURNED');

CREATE TABLE "filing" (
    "id" SERIAL NOT NULL,
    "kind" "FilingKind" NOT NULL,
    "subject_id" INTEGER NOT NULL,
    "version_id" INTEGER,
    "title" TEXT NOT NULL,
    "district_id" INTEGER NOT NULL,
    "submitted_by_id" INTEGER,
    "submitted_by_name" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "FilingStatus" NOT NULL DEFAULT 'PENDING',
    "reviewed_by_id" INTEGER,
    "reviewed_by_name" TEXT,
    "reviewed_at" TIMESTAMP(3),
    "opinion" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "filing_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "filing_kind_subject_id_version_id_key" ON "filing"("kind", "subject_id", "version_id");
CREATE INDEX "filing_status_submitted_at_idx" ON "filing"("status", "submitted_at");
CREATE INDEX "filing_district_id_submitted_at_idx" ON "filing"("district_id", "submitted_at");

ALTER TABLE "filing" ADD CONSTRAINT "filing_district_id_fkey"
  FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
