-- 费随事转 ledger: disbursements per admitted duty (one unit's local_duty row) and budget year,
-- in integer fen. Append-only for the app's role (lib/db/roles.ts): corrections are negative entries.
CREATE TABLE "funding_disbursement" (
    "id" SERIAL NOT NULL,
    "local_duty_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "paid_on" DATE NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "document_number" TEXT NOT NULL,
    "note" TEXT,
    "recorded_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "funding_disbursement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "funding_disbursement_amount_nonzero" CHECK ("amount_fen" <> 0),
    CONSTRAINT "funding_disbursement_year_range" CHECK ("year" BETWEEN 2000 AND 2100)
);

CREATE INDEX "funding_disbursement_local_duty_id_year_idx" ON "funding_disbursement"("local_duty_id", "year");
CREATE INDEX "funding_disbursement_year_idx" ON "funding_disbursement"("year");

ALTER TABLE "funding_disbursement" ADD CONSTRAINT "funding_disbursement_local_duty_id_fkey" FOREIGN KEY ("local_duty_id") REFERENCES "local_duty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
