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
  typeName: string | null;
  values: Record<ComparedField, string>;
};

export type FieldChange = { field: ComparedField; label: string; before: string; after: string };
export type EditionDiff = {
  added: CompareUnit[];
  removed: CompareUnit[];
  changed: { before: CompareUnit; after: CompareUnit; changes: FieldChange[] }[];
  unchanged: number;
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
    units.push({ key: n > 1 ? `${base}#${n}` : base, itemId: item.id, name: item.name, subItemName: sub?.name ?? null, typeName, values });
  };
  for (const item of items) {
    if (item.subItems.length === 0) push(item, null);
    else for (const sub of item.subItems) push(item, sub);
  }
  return units;
}

/** What changed from edition `before` to edition `after`: added, removed and changed rows. */
export function diffEditions(before: CompareItem[], after: CompareItem[]): EditionDiff {
  const old = new Map(compareUnits(before).map((u) => [u.key, u]));
  const diff: EditionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const matched = new Set<string>();
  for (const unit of compareUnits(after)) {
    const previous = old.get(unit.key);
    if (!previous) {
      diff.added.push(unit);
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
  }
  for (const [key, unit] of old) if (!matched.has(key)) diff.removed.push(unit);
  return diff;
}
