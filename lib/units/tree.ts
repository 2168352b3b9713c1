import type { OrgKind } from "@/lib/generated/prisma/enums";
import { ALLOWED_PARENT_KINDS, ORG_KIND_LABELS } from "@/lib/auth/roles";

export type TreeUnit = { id: number; parentId: number | null; kind: OrgKind; name: string; sortOrder: number };

/** Orders units depth-first so each sits under its parent, with its depth for indentation. */
export function flattenTree<T extends TreeUnit>(units: T[]): (T & { depth: number })[] {
  const byParent = new Map<number | null, T[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  const out: (T & { depth: number })[] = [];
  const visit = (parent: number | null, depth: number) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    for (const c of children) {
      out.push({ ...c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Why `kind` may not sit under `parentKind`, or null when it may. */
export function placementProblem(kind: OrgKind, parentKind: OrgKind | null): string | null {
  if (ALLOWED_PARENT_KINDS[kind].includes(parentKind)) return null;
  const allowed = ALLOWED_PARENT_KINDS[kind].map((k) => (k ? ORG_KIND_LABELS[k] : "（顶层）")).join("或");
  return `${ORG_KIND_LABELS[kind]}只能设在${allowed}之下`;
}

/** True when making `newParentId` the parent of `id` would put `id` under itself. */
export function wouldCreateCycle(units: { id: number; parentId: number | null }[], id: number, newParentId: number | null): boolean {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  let cursor = newParentId;
  const seen = new Set<number>();
  while (cursor !== null && cursor !== undefined) {
    if (cursor === id) return true;
    if (seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = parentOf.get(cursor) ?? null;
  }
  return false;
}
