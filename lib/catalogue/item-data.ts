import crypto from "node:crypto";
import { DETAIL_FIELDS, type CanonicalField, type DetailField } from "./fields";

export { DETAIL_FIELDS, type DetailField };

/** An item with its type, domain and department names resolved, as comparisons and exports read it. */
export type ResolvedItem = {
  code: string | null;
  name: string;
  typeName: string | null;
  domainName: string | null;
  departmentName: string | null;
  details: Partial<Record<DetailField, string | null>>;
  subItems: { name: string; code: string | null; typeName: string | null; details: Partial<Record<DetailField, string | null>> }[];
};

/** Fields a sub-item may hold for itself (those that differ from its main item). */
export const SUB_ITEM_FIELDS = ["code", ...DETAIL_FIELDS] as const satisfies readonly CanonicalField[];
export type SubItemField = (typeof SUB_ITEM_FIELDS)[number];

export type SubItemData = {
  name: string;
  powerTypeId: number | null;
  powerTypeRaw: string | null;
  fields: Partial<Record<SubItemField, string>>;
  sourceRow: number | null;
};

/** One main item as it is written to the database (by import, form, copy or seed). */
export type ItemData = {
  seq: string | null;
  seqCount: number;
  code: string | null;
  name: string;
  powerTypeId: number | null;
  powerTypeRaw: string | null;
  domainId: number | null;
  domainRaw: string | null;
  departmentId: number | null;
  departmentName: string | null;
  extra: Record<string, string> | null;
  sourceSheet: string | null;
  sourceRow: number | null;
  subItems: SubItemData[];
} & Record<DetailField, string | null>;

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Search and comparison key: NFKC, no whitespace, lower-case. */
export function normaliseText(text: string | null | undefined): string {
  return String(text ?? "")
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/**
 * Identity of an item across editions and re-imports: its code when it has one, else its
 * normalised name, sub-item names and power type.
 */
export function itemMatchKey(item: Pick<ItemData, "code" | "name" | "powerTypeId" | "powerTypeRaw" | "subItems">): string {
  const code = normaliseText(item.code);
  if (code) return `code:${code}`;
  const subs = item.subItems.map((s) => normaliseText(s.name)).join("/");
  return `name:${normaliseText(item.name)}|${subs}|${typeKey(item.powerTypeId, item.powerTypeRaw)}`;
}

export function typeKey(id: number | null, raw: string | null): string {
  return id != null ? `#${id}` : normaliseText(raw);
}

/** What the table's text search looks in: name, sub-item names, code and every legal basis. */
export function itemSearchText(item: Pick<ItemData, "code" | "name" | "legalBasis" | "subItems">): string {
  const parts = [
    item.code,
    item.name,
    ...item.subItems.flatMap((s) => [s.name, s.fields.code]),
    item.legalBasis,
    ...item.subItems.map((s) => s.fields.legalBasis),
  ];
  return parts.map(normaliseText).filter(Boolean).join("\n");
}

/** Hash of all content (not where it came from): equal hashes mean identical items. */
export function itemContentHash(item: ItemData): string {
  const content = {
    seq: item.seq ?? null,
    code: item.code ?? null,
    name: item.name,
    type: typeKey(item.powerTypeId, item.powerTypeRaw),
    domain: item.domainId ?? normaliseText(item.domainRaw),
    department: item.departmentId ?? normaliseText(item.departmentName),
    details: DETAIL_FIELDS.map((f) => item[f] ?? null),
    subItems: item.subItems.map((s) => [s.name, typeKey(s.powerTypeId, s.powerTypeRaw), SUB_ITEM_FIELDS.map((f) => s.fields[f] ?? null)]),
  };
  return crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 32);
}

export function emptyItem(name = ""): ItemData {
  const item = {
    seq: null, seqCount: 1, code: null, name, powerTypeId: null, powerTypeRaw: null, domainId: null, domainRaw: null,
    departmentId: null, departmentName: null, extra: null, sourceSheet: null, sourceRow: null, subItems: [],
  } as unknown as ItemData;
  for (const f of DETAIL_FIELDS) item[f] = null;
  return item;
}

/** Only the canonical sub-item fields with text, from a loose record (JSON from the database). */
export function subItemFields(value: unknown): Partial<Record<SubItemField, string>> {
  const out: Partial<Record<SubItemField, string>> = {};
  if (!value || typeof value !== "object") return out;
  for (const f of SUB_ITEM_FIELDS) {
    const v = (value as Record<string, unknown>)[f];
    if (typeof v === "string" && v.trim()) out[f] = v;
  }
  return out;
}
