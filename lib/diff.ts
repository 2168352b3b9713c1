// What changed between two published versions of any list: items matched by a key that stays the
// same across versions, each column compared as shown. The 职权清单 (lib/lists/diff.ts) and the
// lists of configurable types (lib/list-types/diff.ts) both diff through this one function; each
// says only how its items are keyed and which columns it compares.

/** A column compared between two versions: its label, and how an item of either side shows in it. */
export type DiffColumn<T, F extends string = string> = {
  field: F;
  /** The label, by the newer item (a 职权清单 labels some fields by the item's section). */
  label: string | ((after: T) => string);
  before: (item: T) => string;
  /** How the newer item shows (by default as `before` shows it). */
  after?: (item: T) => string;
};

export type ColumnChange<F extends string = string> = { field: F; label: string; before: string; after: string };
export type KeyedDiff<T, F extends string = string> = { added: T[]; removed: T[]; changed: { key: string; before: T; after: T; changes: ColumnChange<F>[] }[]; unchanged: number };

/**
 * Added, removed and changed items from one version to another, in the newer version's order
 * (removed ones in the older's). An item whose columns all show the same is unchanged, whatever
 * its position: reordering is not a change.
 */
export function diffKeyed<T, F extends string = string>(from: readonly T[], to: readonly T[], keyOf: (item: T) => string, columns: readonly DiffColumn<T, F>[]): KeyedDiff<T, F> {
  const before = new Map(from.map((i) => [keyOf(i), i]));
  const seen = new Set<string>();
  const diff: KeyedDiff<T, F> = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const item of to) {
    const key = keyOf(item);
    const old = before.get(key);
    if (!old) {
      diff.added.push(item);
      continue;
    }
    seen.add(key);
    const changes: ColumnChange<F>[] = [];
    for (const c of columns) {
      const a = c.before(old);
      const b = (c.after ?? c.before)(item);
      if (a !== b) changes.push({ field: c.field, label: typeof c.label === "function" ? c.label(item) : c.label, before: a, after: b });
    }
    if (changes.length) diff.changed.push({ key, before: old, after: item, changes });
    else diff.unchanged++;
  }
  for (const item of from) if (!seen.has(keyOf(item))) diff.removed.push(item);
  return diff;
}
