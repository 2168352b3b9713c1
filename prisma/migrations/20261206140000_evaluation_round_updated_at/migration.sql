-- Edit stamp of an evaluation round (its details and indicators): a stale save is refused.
ALTER TABLE "evaluation_round" ADD COLUMN "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "evaluation_round" ALTER COLUMN "updated_at" DROP DEFAULT;
