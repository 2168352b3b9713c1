-- The cross-list search (/search) finds rows of typed lists too: one row per row of each typed
-- list's current version, rewritten when the list publishes, with the same bigram GIN index as
-- power_list_search (qingdan_bigrams() comes from the lists migration).

-- CreateTable
CREATE TABLE "typed_list_search" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "version_id" INTEGER NOT NULL,
    "row_key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "typed_list_search_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "typed_list_search_list_id_idx" ON "typed_list_search"("list_id");

CREATE INDEX "typed_list_search_bigrams_idx" ON "typed_list_search" USING gin (qingdan_bigrams("text"));

-- The rows of every current version published before this migration (the app writes the same
-- text from then on: each cell normalised (NFKC, lower case, no spaces), one line per cell; the
-- name is the first column).
INSERT INTO "typed_list_search" ("list_id", "version_id", "row_key", "position", "name", "text")
SELECT l.id, v.id, r.value->>'key', r.n::int,
       coalesce(r.value->'values'->>(v.fields->0->>'key'), ''),
       concat_ws(E'\n', nullif(lower(regexp_replace(normalize(coalesce(r.value->>'section', ''), NFKC), '\s+', '', 'g')), ''),
                 -- The cells in column order, as shown (a time limit in working days: 0 is 即办).
                 (SELECT string_agg(lower(regexp_replace(normalize(CASE WHEN f.def->>'type' = 'workingDays' THEN CASE WHEN c.val = '0' THEN '即办' ELSE c.val || '个工作日' END ELSE c.val END, NFKC), '\s+', '', 'g')), E'\n' ORDER BY f.n)
                  FROM jsonb_array_elements(v.fields) WITH ORDINALITY AS f(def, n)
                  CROSS JOIN LATERAL (SELECT r.value->'values'->>(f.def->>'key') AS val) c
                  WHERE coalesce(c.val, '') <> ''))
FROM "typed_list" l
JOIN "typed_list_version" v ON v.id = l.current_version_id
CROSS JOIN LATERAL jsonb_array_elements(v.rows) WITH ORDINALITY AS r(value, n)
WHERE jsonb_typeof(v.rows) = 'array' AND r.value ? 'key';
