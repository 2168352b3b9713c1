// Loading what an import preview needs, shared by the preview page and the commit command.
import type { Db, Tx } from "@/lib/db/client";
import { importOptionsSchema, type ImportOptions } from "./schema";
import { buildPreview, type Preview } from "./preview";
import { parseForImport } from "./parse-cache";
import type { ParseResult } from "@/lib/catalogue/import/parse";

type Client = Db | Tx;

export async function dictionaryOptions(db: Client) {
  const entries = await db.dictionaryEntry.findMany({
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, code: true, name: true, synonyms: true, active: true },
  });
  return {
    powerTypes: entries.filter((e) => e.kind === "POWER_TYPE"),
    domains: entries.filter((e) => e.kind === "DOMAIN"),
  };
}

export async function departmentOptions(db: Client) {
  return db.orgUnit.findMany({
    where: { kind: "DEPARTMENT", active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, shortName: true },
  });
}

export function readImportOptions(value: unknown): ImportOptions {
  const parsed = importOptionsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : importOptionsSchema.parse({});
}

export type ImportFile = { editionId: number; fileName: string; sha256: string; bytes: Uint8Array; options: ImportOptions };

/** Parse (cached) and preview a file against the edition's current items and the dictionaries. */
export async function previewFile(db: Client, file: ImportFile): Promise<{ parse: ParseResult; preview: Preview | null }> {
  const parse = await parseForImport(file.bytes, file.sha256, file.fileName, file.options);
  if (!parse.ok) return { parse, preview: null };
  // One after another: inside a transaction the client has a single connection.
  const dictionary = await dictionaryOptions(db);
  const departments = await departmentOptions(db);
  const existing = await db.catalogueItem.findMany({ where: { editionId: file.editionId }, select: { contentHash: true } });
  const preview = buildPreview(parse, {
    ...dictionary,
    departments,
    existingHashes: new Set(existing.map((e) => e.contentHash)),
    options: file.options,
  });
  return { parse, preview };
}
