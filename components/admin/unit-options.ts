import type { OrgKind } from "@/lib/generated/prisma/enums";
import { ALLOWED_PARENT_KINDS } from "@/lib/auth/roles";

export type UnitOption = { id: number; label: string; kind: OrgKind; jointMeetingMember: boolean; active?: boolean };

/** Select options for every unit, indented by depth, with inactive ones marked (filters must reach them too). */
export function unitSelectOptions(
  tree: { id: number; name: string; depth: number; kind: OrgKind; jointMeetingMember: boolean; active: boolean }[],
): UnitOption[] {
  return tree.map((u) => ({
    id: u.id,
    label: `${"　".repeat(u.depth)}${u.name}${u.active ? "" : "（已停用）"}`,
    kind: u.kind,
    jointMeetingMember: u.jointMeetingMember,
    active: u.active,
  }));
}

/**
 * Where a unit may be moved: active units of a kind allowed above it, never itself or one of its
 * descendants (the server checks the same; this keeps the select short). `tree` is depth-first.
 */
export function moveTargets(
  tree: { id: number; name: string; depth: number; kind: OrgKind; jointMeetingMember: boolean; active: boolean }[],
  unit: { id: number; kind: OrgKind; parentId: number | null },
): { options: UnitOption[]; allowTopLevel: boolean } {
  const allowedParentKinds = ALLOWED_PARENT_KINDS[unit.kind];
  const start = tree.findIndex((u) => u.id === unit.id);
  const descendants = new Set<number>();
  if (start >= 0) {
    for (let i = start + 1; i < tree.length && tree[i].depth > tree[start].depth; i++) descendants.add(tree[i].id);
  }
  const options = unitSelectOptions(
    tree.filter(
      (u) =>
        u.id === unit.parentId ||
        (u.active && u.id !== unit.id && !descendants.has(u.id) && allowedParentKinds.includes(u.kind)),
    ),
  );
  return { options, allowTopLevel: allowedParentKinds.includes(null) };
}

/** Whether any kind of unit may be set up under a unit of this kind (a community may have none). */
export function canHaveChildren(kind: OrgKind): boolean {
  return Object.values(ALLOWED_PARENT_KINDS).some((parents) => parents.includes(kind));
}
