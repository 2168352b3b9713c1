import { parseWorkbook, type ParseResult } from "@/lib/catalogue/import/parse";
import type { ImportOptions } from "./schema";

// Paging through a preview and then committing parse the same bytes with the same column
// mapping again and again; keep the last few results (parsing 5,000 rows takes about a second).
const cache = new Map<string, ParseResult>();
const LIMIT = 3;

export function parseForImport(bytes: Uint8Array, sha256: string, fileName: string, options: Pick<ImportOptions, "columnMap">): ParseResult {
  const columnMap = Object.keys(options.columnMap).length ? options.columnMap : undefined;
  const key = `${sha256}:${fileName}:${JSON.stringify(columnMap ?? {})}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = parseWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, columnMap ? { columnMap: toIndexMap(columnMap) } : {});
  cache.set(key, result);
  while (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return result;
}

function toIndexMap(map: ImportOptions["columnMap"]) {
  const out: NonNullable<Parameters<typeof parseWorkbook>[2]>["columnMap"] = {};
  for (const [sheet, columns] of Object.entries(map)) {
    out[sheet] = {};
    for (const [index, field] of Object.entries(columns)) out[sheet][Number(index)] = field;
  }
  return out;
}
