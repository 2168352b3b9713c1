import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { UserFilter } from "./schema";
import type { SessionUser } from "@/lib/auth/types";
import { areaIdFilter } from "@/lib/auth/scope";

export const USER_PAGE_SIZE = 20;

export async function listUsers(filter: UserFilter, now = new Date(), viewer?: Pick<SessionUser, "area">) {
  const where: Prisma.UserWhereInput = {};
  // A district 编办 sees the accounts of its own district.
  const area = viewer ? areaIdFilter(viewer) : undefined;
  if (area) where.AND = [{ unitId: area }];
  if (filter.q) {
    where.OR = [
      { username: { contains: filter.q, mode: "insensitive" } },
      { displayName: { contains: filter.q } },
      { unit: { name: { contains: filter.q } } },
    ];
  }
  if (filter.role) where.roles = { has: filter.role };
  if (filter.unitId) where.unitId = filter.unitId;
  if (filter.status === "active") where.active = true;
  if (filter.status === "inactive") where.active = false;
  if (filter.status === "locked") where.lockedUntil = { gt: now };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ unit: { sortOrder: "asc" } }, { unitId: "asc" }, { username: "asc" }],
      skip: (filter.page - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
      select: {
        id: true, username: true, displayName: true, roles: true, active: true, lockedUntil: true,
        failedLoginCount: true, mustChangePassword: true, lastLoginAt: true,
        unit: { select: { id: true, name: true } },
      },
    }),
  ]);
  return { total, rows, pageSize: USER_PAGE_SIZE };
}

export async function getUser(id: number, viewer?: Pick<SessionUser, "area">) {
  const area = viewer ? areaIdFilter(viewer) : undefined;
  return prisma.user.findFirst({
    where: { id, ...(area ? { unitId: area } : {}) },
    select: {
      id: true, username: true, displayName: true, roles: true, active: true, lockedUntil: true, phone: true,
      failedLoginCount: true, mustChangePassword: true, lastLoginAt: true, createdAt: true, passwordChangedAt: true, updatedAt: true,
      unitId: true, unit: { select: { id: true, name: true, kind: true } },
    },
  });
}
