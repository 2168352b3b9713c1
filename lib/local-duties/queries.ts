import "server-only";
import { prisma } from "@/lib/db/client";
import { searchCurrentDuties } from "./search";
import { unitsWithUnpublishedChanges } from "./pending";
import { dutyStamp, hasUnpublishedChanges, snapshotOf, type LocalDutySnapshotItem } from "./commands";

/** Each unit's current local-duty list, with the district it belongs to (a community's via its street). */
export async function unitsWithLists() {
  const rows = await prisma.$queryRaw<
    { unit_id: number; unit_name: string; kind: string; street: string | null; district: string | null; version_no: number; item_count: number; published_at: Date }[]
  >`
    SELECT DISTINCT ON (v.unit_id) v.unit_id, u.name AS unit_name, u.kind::text AS kind,
      CASE WHEN u.kind = 'COMMUNITY' THEN p.name END AS street,
      CASE WHEN u.kind = 'COMMUNITY' THEN pp.name ELSE p.name END AS district,
      v.version_no, v.item_count, v.published_at
    FROM local_duty_list_version v
    JOIN org_unit u ON u.id = v.unit_id
    LEFT JOIN org_unit p ON p.id = u.parent_id
    LEFT JOIN org_unit pp ON pp.id = p.parent_id
    ORDER BY v.unit_id, v.version_no DESC`;
  return rows.sort((a, b) => (a.district ?? "").localeCompare(b.district ?? "", "zh-CN") || a.unit_name.localeCompare(b.unit_name, "zh-CN"));
}

export async function publishedList(unitId: number, versionNo?: number) {
  const versions = await prisma.localDutyListVersion.findMany({
    where: { unitId },
    orderBy: { versionNo: "desc" },
    select: { id: true, versionNo: true, publishedAt: true, note: true, itemCount: true, unitName: true },
  });
  if (!versions.length) return null;
  const chosen = versionNo ? versions.find((v) => v.versionNo === versionNo) : versions[0];
  if (!chosen) return null;
  const full = await prisma.localDutyListVersion.findUniqueOrThrow({ where: { id: chosen.id }, select: { items: true, publisherName: true } });
  return { versions, version: { ...chosen, publisherName: full.publisherName }, items: full.items as LocalDutySnapshotItem[] };
}

export async function activeDutiesOf(unitId: number) {
  return prisma.localDuty.findMany({ where: { unitId, active: true }, orderBy: { id: "asc" }, select: { id: true, name: true, departmentName: true, dutyType: true } });
}

/** 编办's working view of one unit's list: every duty, removed ones with their reason, and the state of publication. */
export async function manageView(unitId: number) {
  const unit = await prisma.orgUnit.findFirst({
    where: { id: unitId, kind: { in: ["STREET", "TOWNSHIP", "COMMUNITY"] } },
    select: { id: true, name: true, active: true, parent: { select: { name: true } } },
  });
  if (!unit) return null;
  const [duties, current, latest] = await Promise.all([
    prisma.localDuty.findMany({
      where: { unitId },
      orderBy: [{ active: "desc" }, { admittedOn: "asc" }, { id: "asc" }],
      include: { admission: { select: { id: true, code: true } } },
    }),
    snapshotOf(prisma, unitId),
    prisma.localDutyListVersion.findFirst({ where: { unitId }, orderBy: { versionNo: "desc" }, select: { versionNo: true, publishedAt: true, items: true } }),
  ]);
  return {
    unit,
    duties: duties.map((d) => ({ ...d, stamp: dutyStamp(d) })),
    latest: latest ? { versionNo: latest.versionNo, publishedAt: latest.publishedAt } : null,
    pending: hasUnpublishedChanges(current, (latest?.items as LocalDutySnapshotItem[] | undefined) ?? null),
  };
}

/** The size of a unit's current published local-duty list, or null when it has none. */
export async function currentListSize(unitId: number) {
  const v = await prisma.localDutyListVersion.findFirst({ where: { unitId }, orderBy: { versionNo: "desc" }, select: { itemCount: true } });
  return v ? v.itemCount : null;
}

/** Duties in force whose name or duties contain `q` (see lib/local-duties/search.ts). */
export function searchLocalDuties(q: string, limit = 20) {
  return searchCurrentDuties(prisma, q, limit);
}

/** Units whose local-duty list has changes not yet published (see lib/local-duties/pending.ts). */
export function unitsPendingPublication() {
  return unitsWithUnpublishedChanges(prisma);
}
