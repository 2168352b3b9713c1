import "server-only";
import { prisma } from "@/lib/db/client";
import { flattenTree } from "./tree";
import type { SessionUser } from "@/lib/auth/types";
import { areaUnitWhere } from "@/lib/auth/scope";

type Viewer = Pick<SessionUser, "area">;

/** The unit tree; for a district 编办 (`viewer` with an area) only its district's subtree. */
export async function unitTree(options: { includeInactive?: boolean; viewer?: Viewer } = {}) {
  const area = options.viewer ? areaUnitWhere(options.viewer) : {};
  const units = await prisma.orgUnit.findMany({
    where: { ...(options.includeInactive ? {} : { active: true }), ...area },
    select: {
      id: true, name: true, shortName: true, kind: true, code: true, active: true, jointMeetingMember: true,
      parentId: true, sortOrder: true, _count: { select: { users: true } },
    },
  });
  return flattenTree(units);
}

export async function unitOptions(viewer?: Viewer) {
  const units = await unitTree({ viewer });
  return units.map((u) => ({ id: u.id, label: `${"　".repeat(u.depth)}${u.name}`, kind: u.kind, jointMeetingMember: u.jointMeetingMember }));
}

export async function getUnit(id: number, viewer?: Viewer) {
  return prisma.orgUnit.findFirst({
    where: { AND: [{ id }, viewer ? areaUnitWhere(viewer) : {}] },
    include: { parent: { select: { id: true, name: true } }, _count: { select: { users: true, children: true } } },
  });
}
