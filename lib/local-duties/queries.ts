import "server-only";
import { prisma } from "@/lib/db/client";
import { searchCurrentDuties } from "./search";
import { unitsWithUnpublishedChanges } from "./pending";
import { dutyStamp, snapshotOf } from "./commands";
import { departmentLevelOf, dutyLabels, hasUnpublishedChanges, type DepartmentLevel, type LocalDutySnapshotItem } from "./fields";
import { diffDutyVersions } from "./diff";
import { can } from "@/lib/auth/policy";
import { unitInArea } from "@/lib/auth/scope";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";

/**
 * Each unit's current local-duty list, with the district it belongs to (a community's via its
 * street); `unitIds`: a district 编办's area only (lib/auth/scope.ts).
 */
export async function unitsWithLists(unitIds?: number[]) {
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
  return rows.filter((r) => !unitIds || unitIds.includes(r.unit_id)).sort((a, b) => (a.district ?? "").localeCompare(b.district ?? "", "zh-CN") || a.unit_name.localeCompare(b.unit_name, "zh-CN"));
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
  const [full, unit] = await Promise.all([
    prisma.localDutyListVersion.findUniqueOrThrow({ where: { id: chosen.id }, select: { items: true, publisherName: true } }),
    prisma.orgUnit.findUnique({ where: { id: unitId }, select: { kind: true } }),
  ]);
  const items = full.items as LocalDutySnapshotItem[];
  const levels = await departmentLevelsByName(items.map((i) => i.departmentName));
  // Column names for this unit's list: 社区职责 for a community, 市级部门职责 when its departments are the city's.
  const labels = dutyLabels(unit?.kind, items.map((i) => levels.get(i.departmentName) ?? null));
  return { versions, version: { ...chosen, publisherName: full.publisherName }, items, labels };
}

export async function activeDutiesOf(unitId: number) {
  return prisma.localDuty.findMany({ where: { unitId, active: true }, orderBy: { id: "asc" }, select: { id: true, name: true, departmentName: true, dutyType: true } });
}

/** 编办's working view of one unit's list: every duty, removed ones with their reason, and the state of publication. */
export async function manageView(unitId: number) {
  const unit = await prisma.orgUnit.findFirst({
    where: { id: unitId, kind: { in: ["STREET", "TOWNSHIP", "COMMUNITY"] } },
    select: { id: true, name: true, kind: true, active: true, parent: { select: { name: true } } },
  });
  if (!unit) return null;
  const [duties, current, latest] = await Promise.all([
    prisma.localDuty.findMany({
      where: { unitId },
      orderBy: [{ active: "desc" }, { admittedOn: "asc" }, { id: "asc" }],
      include: { admission: { select: { id: true, code: true } }, department: { select: { parent: { select: { kind: true } } } } },
    }),
    snapshotOf(prisma, unitId),
    prisma.localDutyListVersion.findFirst({ where: { unitId }, orderBy: { versionNo: "desc" }, select: { versionNo: true, publishedAt: true, items: true } }),
  ]);
  const published = (latest?.items as LocalDutySnapshotItem[] | undefined) ?? null;
  const diff = diffDutyVersions(published ?? [], current);
  return {
    unit,
    duties: duties.map(({ department, ...d }) => ({ ...d, departmentLevel: departmentLevelOf(department?.parent?.kind), stamp: dutyStamp(d) })),
    latest: latest ? { versionNo: latest.versionNo, publishedAt: latest.publishedAt } : null,
    pending: hasUnpublishedChanges(current, published),
    /** What publishing now would change, compared with the version in force (all added when none). */
    changes: { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length },
  };
}

/**
 * The level of each department named in a published list (市级 or 区级), by the name it had then:
 * a published version keeps names, not ids.
 */
export async function departmentLevelsByName(names: string[]): Promise<Map<string, DepartmentLevel>> {
  const units = await prisma.orgUnit.findMany({
    where: { kind: { in: ["DEPARTMENT", "BIANBAN"] }, name: { in: [...new Set(names)] } },
    select: { name: true, parent: { select: { kind: true } } },
  });
  return new Map(units.map((u) => [u.name, departmentLevelOf(u.parent?.kind)]));
}

/** Duties in force whose name or duties contain `q` (see lib/local-duties/search.ts). */
export function searchLocalDuties(q: string, limit = 20) {
  return searchCurrentDuties(prisma, q, limit);
}

/** Units whose local-duty list has changes not yet published (see lib/local-duties/pending.ts). */
export function unitsPendingPublication() {
  return unitsWithUnpublishedChanges(prisma);
}

/** 编办: local-duty lists changed (added, corrected, removed or imported) but not yet published. */
export async function localDutyTodos(user: SessionUser): Promise<TodoItem[]> {
  if (!can(user, "localDuty.manage")) return [];
  const units = (await unitsWithUnpublishedChanges(prisma)).filter((u) => unitInArea(user, u.unitId));
  if (units.length === 0) return [];
  const title = units.length === 1 ? `${units[0].unitName}的属地管理事项清单有修改，尚未公布新版本` : "属地管理事项清单有修改，尚未公布新版本";
  return [{ area: "属地管理", title, href: units.length === 1 ? `/local-duties/manage/${units[0].unitId}` : "/local-duties#pending", count: units.length }];
}
