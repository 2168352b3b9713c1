import type { ParseOptions, ParseResult } from "@/lib/catalogue/import/parse";
import { parseInWorker } from "@/lib/catalogue/import/parse-in-worker";
import type { ImportOptions } from "./schema";

// Paging through a preview and then committing parse the same bytes with the same column
// mapping again and again; keep the last few results (parsing 5,000 rows takes about a second).
// Parses still running are kept too, so a second request for the same file waits for the first
// instead of starting another worker. A stopped parse (over time or memory) is not kept: the
// next request tries again.
const cache = new Map<string, Promise<ParseResult>>();
const LIMIT = 3;

export function parseForImport(bytes: Uint8Array, sha256: string, fileName: string, options: Pick<ImportOptions, "columnMap">): Promise<ParseResult> {
  const columnMap = Object.keys(options.columnMap).length ? options.columnMap : undefined;
  const key = `${sha256}:${fileName}:${JSON.stringify(columnMap ?? {})}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = parseInWorker(bytes, fileName, columnMap ? { columnMap: toIndexMap(columnMap) } : {});
  cache.set(key, result);
  while (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  void result.then((r) => {
    if (r.aborted && cache.get(key) === result) cache.delete(key);
  });
  return result;
}

function toIndexMap(map: ImportOptions["columnMap"]) {
  const out: NonNullable<ParseOptions["columnMap"]> = {};
  for (const [sheet, columns] of Object.entries(map)) {
    out[sheet] = {};
    for (const [index, field] of Object.entries(columns)) out[sheet][Number(index)] = field;
  }
  return out;
}
