import { displayCell, type FieldDef } from "./fields";
import type { TypedRow } from "./schema";
import { diffKeyed, type DiffColumn } from "@/lib/diff";

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
  const cells: DiffColumn<TypedRow>[] = [
    { field: "section", label: "分类", before: (r) => r.section ?? "" },
    ...[...columns].map(([key, c]) => ({
      field: key,
      label: c.label,
      before: (r: TypedRow) => (c.before ? displayCell(c.before, r.values[key]) : ""),
      after: (r: TypedRow) => (c.after ? displayCell(c.after, r.values[key]) : ""),
    })),
  ];
  const d = diffKeyed(from.rows, to.rows, (r) => r.key, cells);
  return {
    added: d.added,
    removed: d.removed,
    changed: d.changed.map((c) => ({ key: c.key, name: rowName(to.fields, c.after), changes: c.changes.map((x) => ({ key: x.field, label: x.label, before: x.before, after: x.after })) })),
    unchanged: d.unchanged,
  };
}
