import { displayCell, type FieldDef } from "./fields";
import type { TypedRow } from "./schema";

// What changed between two published versions of a typed list: rows matched by their key (which
// stays the same across versions), cells compared over the columns of either version, so a column
// added or removed by a change of the type shows as a change of the rows that had a value in it.

type Side = { fields: FieldDef[]; sections: string[]; rows: TypedRow[] };
export type TypedCellChange = { key: string; label: string; before: string; after: string };
export type TypedDiff = {
  added: TypedRow[];
  removed: TypedRow[];
  changed: { key: string; name: string; changes: TypedCellChange[] }[];
  unchanged: number;
};

/** The first column's text: what names a row. */
export function rowName(fields: FieldDef[], row: TypedRow): string {
  const first = fields[0];
  return first ? displayCell(first, row.values[first.key]) : `第 ${row.key} 项`;
}

export function diffTypedVersions(from: Side, to: Side): TypedDiff {
  const columns = new Map<string, { label: string; before?: FieldDef; after?: FieldDef }>();
  for (const f of from.fields) columns.set(f.key, { label: f.label, before: f });
  for (const f of to.fields) columns.set(f.key, { ...(columns.get(f.key) ?? {}), label: f.label, after: f });
  const old = new Map(from.rows.map((r) => [r.key, r]));
  const seen = new Set<string>();
  const out: TypedDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const row of to.rows) {
    const before = old.get(row.key);
    if (!before) {
      out.added.push(row);
      continue;
    }
    seen.add(row.key);
    const changes: TypedCellChange[] = [];
    if ((before.section ?? "") !== (row.section ?? "")) changes.push({ key: "section", label: "分类", before: before.section ?? "", after: row.section ?? "" });
    for (const [key, c] of columns) {
      const a = c.before ? displayCell(c.before, before.values[key]) : "";
      const b = c.after ? displayCell(c.after, row.values[key]) : "";
      if (a !== b) changes.push({ key, label: c.label, before: a, after: b });
    }
    if (changes.length) out.changed.push({ key: row.key, name: rowName(to.fields, row), changes });
    else out.unchanged++;
  }
  for (const row of from.rows) if (!seen.has(row.key)) out.removed.push(row);
  return out;
}
