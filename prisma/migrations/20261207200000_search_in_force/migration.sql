-- The cross-list search holds the items of each list's version in force (现行), not of the latest
-- one published: a version published today that takes effect next month must not be found until
-- then (its items' pages answer with the version in force). Which version the search rows hold is
-- recorded on the list, so the scheduled check (lib/lists/search-schedule.ts) finds in one cheap
-- query the lists whose version in force has changed since they were indexed.
ALTER TABLE "power_list" ADD COLUMN "indexed_version_id" INTEGER;

UPDATE "power_list" l
SET "indexed_version_id" = s."version_id"
FROM (SELECT DISTINCT ON ("list_id") "list_id", "version_id" FROM "power_list_search" ORDER BY "list_id", "version_id") s
WHERE s."list_id" = l."id";
