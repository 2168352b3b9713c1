-- Rows are looked up by letter only once they are in one; a new round's ~340,000 rows have no
-- letter, and a partial index takes no entry for them. Prisma cannot declare a partial index,
-- so schema.prisma leaves it out (and Prisma leaves it alone).
-- DropIndex
DROP INDEX "devolution_letter_id_idx";

-- CreateIndex
CREATE INDEX "devolution_letter_id_set_idx" ON "devolution"("letter_id") WHERE "letter_id" IS NOT NULL;
