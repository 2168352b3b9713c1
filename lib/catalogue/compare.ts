import { CANONICAL_FIELDS, DETAIL_FIELDS, FIELD_LABELS, type CanonicalField } from "./fields";
import { normaliseText, type ResolvedItem } from "./item-data";

/** An item as the comparison sees it: names resolved, sub-item fields as stored. */
export type CompareItem = ResolvedItem & { id: number };

/** Every field of the item (lib/catalogue/fields.ts) but its 序号, which only orders the list. */
export type ComparedField = Exclude<CanonicalField, "seq">;
export const COMPARED_FIELDS = CANONICAL_FIELDS.filter((f): f is ComparedField => f !== "seq");

export const COMPARED_LABELS: Record<ComparedField, string> = FIELD_LABELS;

/** One comparable row: an item without sub-items, or one sub-item with its item's fields. */
export type CompareUnit = {
  key: string;
  itemId: number;
  name: string;
  subItemName: string | null;
  /** A 子项 row (the item has sub-items), not an item written on its own. */
  isSub: boolean;
  typeName: string | null;
  values: Record<ComparedField, string>;
};

export type FieldChange = { field: ComparedField; label: string; before: string; after: string };
/** How many of one kind (事项 or 子项) were added, removed, changed or kept. */
export type DiffTally = { added: number; removed: number; changed: number; unchanged: number };

export type EditionDiff = {
  added: CompareUnit[];
  removed: CompareUnit[];
  changed: { before: CompareUnit; after: CompareUnit; changes: FieldChange[] }[];
  /** Rows (units) that did not change. */
  unchanged: number;
  /**
   * Items and sub-items counted apart, so they reconcile with each edition's header
   * (「共 N 个事项（含 M 个子项）」): unchanged + changed + removed is the original edition's count,
   * unchanged + changed + added the compared one's. An item is changed when anything in it or in
   * its sub-items changed.
   */
  counts: { items: DiffTally; subItems: DiffTally; from: { items: number; subItems: number }; to: { items: number; subItems: number } };
};

/** Line endings and trailing spaces do not count as changes. */
function clean(text: string | null | undefined): string {
  return String(text ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .trim();
}

/**
 * Units of an edition. The identity is the code when there is one, else the normalised name,
 * sub-item name and power type; a repeated identity gets 「#2」「#3」 in order.
 */
export function compareUnits(items: CompareItem[]): CompareUnit[] {
  const units: CompareUnit[] = [];
  const seen = new Map<string, number>();
  const push = (item: CompareItem, sub: CompareItem["subItems"][number] | null) => {
    const code = clean(sub?.code ?? item.code);
    const typeName = (sub?.typeName ?? item.typeName) || null;
    const base = code
      ? `code:${normaliseText(code)}`
      : `name:${normaliseText(item.name)}|${normaliseText(sub?.name)}|${normaliseText(typeName)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const values = {
      code,
      name: clean(item.name),
      subItemName: clean(sub?.name),
      powerType: clean(typeName),
      domain: clean(item.domainName),
      department: clean(item.departmentName),
    } as Record<ComparedField, string>;
    for (const f of DETAIL_FIELDS) values[f] = clean(sub?.details[f] ?? item.details[f]);
    units.push({ key: n > 1 ? `${base}#${n}` : base, itemId: item.id, name: item.name, subItemName: sub?.name ?? null, isSub: sub !== null, typeName, values });
  };
  for (const item of items) {
    if (item.subItems.length === 0) push(item, null);
    else for (const sub of item.subItems) push(item, sub);
  }
  return units;
}

/** Keys of whole items: the code when there is one, else the normalised name and power type. */
function itemKeys(items: CompareItem[]): Map<string, CompareItem> {
  const out = new Map<string, CompareItem>();
  const seen = new Map<string, number>();
  for (const item of items) {
    const code = clean(item.code);
    const base = code ? `code:${normaliseText(code)}` : `name:${normaliseText(item.name)}|${normaliseText(item.typeName)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n > 1 ? `${base}#${n}` : base, item);
  }
  return out;
}

const signature = (item: CompareItem) => JSON.stringify(compareUnits([item]).map((u) => u.values));

function itemTally(before: CompareItem[], after: CompareItem[]): DiffTally {
  const old = itemKeys(before);
  const tally: DiffTally = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const [key, item] of itemKeys(after)) {
    const previous = old.get(key);
    if (!previous) tally.added++;
    else if (signature(previous) === signature(item)) tally.unchanged++;
    else tally.changed++;
    old.delete(key);
  }
  tally.removed = old.size;
  return tally;
}

/** What changed from edition `before` to edition `after`: added, removed and changed rows. */
export function diffEditions(before: CompareItem[], after: CompareItem[]): EditionDiff {
  const old = new Map(compareUnits(before).map((u) => [u.key, u]));
  const subs: DiffTally = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const diff: EditionDiff = {
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
    counts: {
      items: itemTally(before, after),
      subItems: subs,
      from: { items: before.length, subItems: before.reduce((n, i) => n + i.subItems.length, 0) },
      to: { items: after.length, subItems: after.reduce((n, i) => n + i.subItems.length, 0) },
    },
  };
  const matched = new Set<string>();
  for (const unit of compareUnits(after)) {
    const previous = old.get(unit.key);
    if (!previous) {
      diff.added.push(unit);
      if (unit.isSub) subs.added++;
      continue;
    }
    matched.add(unit.key);
    const changes: FieldChange[] = [];
    for (const field of COMPARED_FIELDS) {
      if (previous.values[field] !== unit.values[field]) {
        changes.push({ field, label: COMPARED_LABELS[field], before: previous.values[field], after: unit.values[field] });
      }
    }
    if (changes.length) diff.changed.push({ before: previous, after: unit, changes });
    else diff.unchanged++;
    // A row matched across a sub-item and a lone item is, for sub-items, one gone and one new.
    if (previous.isSub && unit.isSub) subs[changes.length ? "changed" : "unchanged"]++;
    else if (previous.isSub) subs.removed++;
    else if (unit.isSub) subs.added++;
  }
  for (const [key, unit] of old) {
    if (matched.has(key)) continue;
    diff.removed.push(unit);
    if (unit.isSub) subs.removed++;
  }
  return diff;
}

type EditionChoice = { id: number; kind: "GUIDANCE" | "GENERAL" };

/**
 * What the compare page offers: editions of one catalogue type only (that of the chosen editions,
 * else the asked `kind`, else 指导清单). `options` come newest first per type. With only the
 * compared edition chosen, the original is the one before it; with neither, the two newest.
 * Editions of different types are not compared (`mixed`).
 */
export function compareChoices<T extends EditionChoice>(
  options: T[],
  chosen: { kind: EditionChoice["kind"] | null; from: EditionChoice | null; to: EditionChoice | null },
): { kind: EditionChoice["kind"]; options: T[]; fromId: number | null; toId: number | null; mixed: boolean } {
  const kind = chosen.to?.kind ?? chosen.from?.kind ?? chosen.kind ?? "GUIDANCE";
  const same = options.filter((o) => o.kind === kind);
  const mixed = !!(chosen.from && chosen.to && chosen.from.kind !== chosen.to.kind);
  let fromId = chosen.from && chosen.from.kind === kind ? chosen.from.id : null;
  let toId = chosen.to?.id ?? null;
  if (!chosen.from && !chosen.to) {
    toId = same[0]?.id ?? null;
    fromId = same[1]?.id ?? null;
  } else if (!chosen.from && toId) {
    const at = same.findIndex((o) => o.id === toId);
    fromId = (same[at + 1] ?? (at > 0 ? same[at - 1] : undefined))?.id ?? null;
  }
  return { kind, options: same, fromId, toId, mixed };
}
