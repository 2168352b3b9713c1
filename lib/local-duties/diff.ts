import { changedFields, type LocalDutySnapshotItem } from "./fields";

export type DutyChange = { label: string; before: string; after: string };
export type DutyDiff = {
  added: LocalDutySnapshotItem[];
  removed: LocalDutySnapshotItem[];
  changed: { item: LocalDutySnapshotItem; changes: DutyChange[] }[];
  unchanged: number;
};

const clean = (v: unknown) => String(v ?? "").replace(/\r\n?/g, "\n").trim();

/**
 * What changed between two versions of one unit's list. A duty keeps its id across versions,
 * so items are matched by it; a new position alone is not a change.
 */
export function diffDutyVersions(from: LocalDutySnapshotItem[], to: LocalDutySnapshotItem[]): DutyDiff {
  const before = new Map(from.map((i) => [i.id, i]));
  const after = new Set(to.map((i) => i.id));
  const diff: DutyDiff = { added: [], removed: from.filter((i) => !after.has(i.id)), changed: [], unchanged: 0 };
  for (const item of to) {
    const old = before.get(item.id);
    if (!old) {
      diff.added.push(item);
      continue;
    }
    const changes = changedFields(old, item).map((f) => ({ label: f.label, before: clean(old[f.key]), after: clean(item[f.key]) }));
    if (changes.length) diff.changed.push({ item, changes });
    else diff.unchanged++;
  }
  return diff;
}
