import "server-only";
import { prisma } from "@/lib/db/client";
import { flattenTree } from "./tree";

export async function unitTree(options: { includeInactive?: boolean } = {}) {
  const units = await prisma.orgUnit.findMany({
    where: options.includeInactive ? {} : { active: true },
    select: {
      id: true, name: true, shortName: true, kind: true, code: true, active: true, jointMeetingMember: true,
      parentId: true, sortOrder: true, _count: { select: { users: true } },
    },
  });
  return flattenTree(units);
}

export async function unitOptions() {
  const units = await unitTree();
  return units.map((u) => ({ id: u.id, label: `${"　".repeat(u.depth)}${u.name}`, kind: u.kind, jointMeetingMember: u.jointMeetingMember }));
}

export async function getUnit(id: number) {
  return prisma.orgUnit.findUnique({
    where: { id },
    include: { parent: { select: { id: true, name: true } }, _count: { select: { users: true, children: true } } },
  });
}
