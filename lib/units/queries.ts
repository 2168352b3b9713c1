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

export type DistrictFigures = { districtId: number; name: string; listsPublished: number; listsInReview: number; admissionsOpen: number; devolutionOpen: number; casesOpen: number };

/**
 * 工作台's roll-up for 编办: each district's figures side by side (open 准入 applications aimed at
 * its units, power lists published and in review, devolution rows still open in open rounds,
 * dispatch cases not yet closed). A district 编办 gets its own district only.
 */
export async function districtOverview(viewer: Viewer): Promise<DistrictFigures[]> {
  const units = await prisma.orgUnit.findMany({ select: { id: true, parentId: true, kind: true, name: true, sortOrder: true } });
  const byId = new Map(units.map((u) => [u.id, u]));
  const districtOf = (id: number | null): number | null => {
    for (let u = id != null ? byId.get(id) : undefined, guard = 0; u && guard < 6; u = u.parentId != null ? byId.get(u.parentId) : undefined, guard++) {
      if (u.kind === "DISTRICT") return u.id;
    }
    return null;
  };
  const districts = units
    .filter((u) => u.kind === "DISTRICT" && (!viewer.area || u.id === viewer.area.districtId))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const [lists, targets, devolution, cases] = await Promise.all([
    prisma.powerList.findMany({ select: { unitId: true, status: true, currentVersionId: true } }),
    prisma.admissionTarget.findMany({ where: { admission: { status: { in: ["SUBMITTED", "RETURNED", "JOINT_REVIEW", "CONSULTING", "DECIDING", "FILING"] } } }, select: { admissionId: true, unitId: true } }),
    prisma.$queryRaw<{ street_id: number; open: number }[]>`
      SELECT t.street_id, sum(t.total - t.settled)::int AS open
      FROM devolution_pair_tally t JOIN devolution_round r ON r.id = t.round_id
      WHERE r.status = 'OPEN' GROUP BY t.street_id`,
    prisma.dispatch.groupBy({ by: ["streetId"], where: { status: { notIn: ["HANDLED", "REPLIED"] } }, _count: { id: true } }),
  ]);
  return districts.map((d) => {
    const mine = (unitId: number | null) => districtOf(unitId) === d.id;
    return {
      districtId: d.id,
      name: d.name,
      listsPublished: lists.filter((l) => mine(l.unitId) && l.currentVersionId != null).length,
      listsInReview: lists.filter((l) => mine(l.unitId) && l.status === "IN_REVIEW").length,
      admissionsOpen: new Set(targets.filter((t) => mine(t.unitId)).map((t) => t.admissionId)).size,
      devolutionOpen: devolution.filter((r) => mine(r.street_id)).reduce((n, r) => n + r.open, 0),
      casesOpen: cases.filter((c) => mine(c.streetId)).reduce((n, c) => n + c._count.id, 0),
    };
  });
}
