import type { DutySection } from "@/lib/generated/prisma/enums";
import { diffKeyed, type DiffColumn } from "@/lib/diff";
import { fieldLabel, ITEM_FIELDS, SECTION_LABELS, type ItemField } from "./labels";

/** An item of a published version as the comparison sees it. */
export type DiffItem = {
  itemKey: string;
  position: number;
  category: string | null;
  section: DutySection;
} & Record<ItemField, string | null>;

export type DiffField = ItemField | "category" | "section";
export const DIFF_FIELDS: DiffField[] = ["category", "section", ...ITEM_FIELDS];

export type FieldChange = { field: DiffField; label: string; before: string; after: string };
export type ChangedItem = { itemKey: string; name: string; before: DiffItem; after: DiffItem; changes: FieldChange[] };
export type VersionDiff = { added: DiffItem[]; removed: DiffItem[]; changed: ChangedItem[]; unchanged: number };

/** Line endings and surrounding spaces do not count as changes. */
function clean(value: string | null | undefined): string {
  return String(value ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .trim();
}

function shown(item: DiffItem, field: DiffField): string {
  if (field === "section") return SECTION_LABELS[item.section];
  return clean(item[field]);
}

const COLUMNS: DiffColumn<DiffItem, DiffField>[] = DIFF_FIELDS.map((field) => ({ field, label: (item) => fieldLabel(field, item.section), before: (item) => shown(item, field) }));

/**
 * What changed from one version to another. Items are matched by their key, which a list keeps
 * across versions; a new position alone (reordering) is not a change.
 */
export function diffVersions(from: DiffItem[], to: DiffItem[]): VersionDiff {
  const d = diffKeyed(from, to, (i) => i.itemKey, COLUMNS);
  return {
    added: d.added,
    removed: d.removed,
    changed: d.changed.map((c) => ({ itemKey: c.key, name: c.after.name ?? c.before.name ?? "", before: c.before, after: c.after, changes: c.changes })),
    unchanged: d.unchanged,
  };
}

/**
 * Splits two texts into the parts they share and the parts that differ (by character, over the
 * longest common prefix and suffix), so a page can highlight only what changed in a long basis.
 */
export function textDelta(before: string, after: string): { prefix: string; removed: string; added: string; suffix: string } {
  const a = [...before];
  const b = [...after];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return {
    prefix: a.slice(0, p).join(""),
    removed: a.slice(p, a.length - s).join(""),
    added: b.slice(p, b.length - s).join(""),
    suffix: a.slice(a.length - s).join(""),
  };
}
