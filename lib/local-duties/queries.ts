import "server-only";
import { prisma } from "@/lib/db/client";
import type { LocalDutySnapshotItem } from "./commands";

export async function unitsWithLists() {
  const rows = await prisma.$queryRaw<{ unit_id: number; unit_name: string; kind: string; version_no: number; item_count: number; published_at: Date }[]>`
    SELECT DISTINCT ON (v.unit_id) v.unit_id, u.name AS unit_name, u.kind::text AS kind, v.version_no, v.item_count, v.published_at
    FROM local_duty_list_version v JOIN org_unit u ON u.id = v.unit_id
    ORDER BY v.unit_id, v.version_no DESC`;
  return rows.sort((a, b) => a.unit_name.localeCompare(b.unit_name, "zh-CN"));
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
