import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AdjustmentStatus } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";
import { listScope } from "@/lib/lists/policy";
import { publicItemSelect, type PublicItem } from "@/lib/portal/read";

export const ADJUSTMENT_PAGE_SIZE = 30;

/** Requests the user may see: all for government roles, a street or community those on its list or its own. */
export async function adjustmentsFor(user: SessionUser, filter: { status?: AdjustmentStatus; page: number }) {
  const scope = listScope(user);
  if (!scope) return { rows: [], total: 0 };
  const where: Prisma.PowerListAdjustmentWhereInput = {
    ...(scope.kind === "unit" ? { OR: [{ list: { unitId: scope.unitId } }, { applicantUnitId: scope.unitId }] } : {}),
    ...(scope.kind === "area" ? { list: { unitId: { in: scope.unitIds } } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.powerListAdjustment.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * ADJUSTMENT_PAGE_SIZE,
      take: ADJUSTMENT_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        reason: true,
        applicantUnitName: true,
        applicantName: true,
        createdAt: true,
        list: { select: { id: true, title: true } },
        baseVersion: { select: { versionNo: true } },
        _count: { select: { changes: true, opinions: true } },
      },
    }),
    prisma.powerListAdjustment.count({ where }),
  ]);
  return { rows, total };
}

export async function getAdjustment(id: number) {
  return prisma.powerListAdjustment.findUnique({
    where: { id },
    include: {
      list: { select: { id: true, title: true, form: true, unitId: true, currentVersionId: true } },
      baseVersion: { select: { id: true, versionNo: true, documentNumber: true } },
      changes: { orderBy: { position: "asc" } },
      opinions: { orderBy: { id: "desc" } },
      publishedVersion: { select: { versionNo: true, documentNumber: true, publishedAt: true } },
    },
  });
}

/** The base version's items a request touches, to show before and after. */
export async function baseItems(versionId: number, itemKeys: string[]) {
  if (!itemKeys.length) return [];
  return (await prisma.powerListVersionItem.findMany({ where: { versionId, itemKey: { in: itemKeys } }, select: publicItemSelect })) as PublicItem[];
}

/** Joint-meeting member units, whose opinions the request collects. */
export async function jointMembers() {
  return prisma.orgUnit.findMany({ where: { jointMeetingMember: true, active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
}

/** Published lists the user may file an adjustment against. */
export async function adjustableLists(user: SessionUser) {
  const scope = listScope(user);
  const own = scope?.kind === "area" ? { unitId: { in: scope.unitIds } } : user.roles.includes("DEPARTMENT") ? {} : scope?.kind === "unit" ? { unitId: scope.unitId } : { id: -1 };
  return prisma.powerList.findMany({
    where: { currentVersionId: { not: null }, ...own },
    orderBy: [{ unit: { parentId: "asc" } }, { unit: { sortOrder: "asc" } }, { id: "asc" }],
    select: { id: true, title: true, currentVersion: { select: { versionNo: true } } },
  });
}

/** A published list with its current items, for the request form. */
export async function listForAdjustment(listId: number) {
  const list = await prisma.powerList.findUnique({
    where: { id: listId },
    select: { id: true, title: true, form: true, unitId: true, currentVersion: { select: { id: true, versionNo: true } } },
  });
  if (!list?.currentVersion) return null;
  const items = (await prisma.powerListVersionItem.findMany({ where: { versionId: list.currentVersion.id }, orderBy: { position: "asc" }, select: publicItemSelect })) as PublicItem[];
  const open = await prisma.powerListAdjustment.findFirst({ where: { listId, status: { in: ["REVIEWING", "APPROVED", "FILED"] } }, select: { id: true, applicantUnitId: true } });
  return { ...list, currentVersion: list.currentVersion, items, openAdjustmentId: open?.id ?? null, openAdjustmentUnitId: open?.applicantUnitId ?? null };
}
