import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { AuditFilter } from "./schema";
import { dayStart } from "@/lib/dates";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The columns the audit tables show; the user agent and ids of the actor's unit stay in the database. */
const auditRowSelect = {
  id: true,
  at: true,
  actorId: true,
  actorName: true,
  actorRoles: true,
  unitName: true,
  action: true,
  subjectType: true,
  subjectId: true,
  before: true,
  after: true,
  address: true,
} as const satisfies Prisma.AuditLogSelect;

export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditRowSelect }>;


async function auditWhere(filter: AuditFilter): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.actor) {
    // The log keeps the actor's display name; a user name is resolved to account ids.
    const accounts = await prisma.user.findMany({
      where: { username: { contains: filter.actor, mode: "insensitive" } },
      select: { id: true },
      take: 200,
    });
    and.push({
      OR: [
        { actorName: { contains: filter.actor, mode: "insensitive" } },
        ...(accounts.length ? [{ actorId: { in: accounts.map((a) => a.id) } }] : []),
      ],
    });
  }
  if (filter.unitId) and.push({ unitId: filter.unitId });
  if (filter.action) {
    // "user.*" selects a family of actions; a plain name is exact, so 登录成功 does not include failures.
    and.push(
      filter.action.endsWith("*")
        ? { action: { startsWith: filter.action.slice(0, -1) } }
        : { action: filter.action },
    );
  }
  if (filter.subjectType) and.push({ subjectType: filter.subjectType });
  if (filter.subjectId) and.push({ subjectId: filter.subjectId });
  let { from, to } = filter;
  if (from && to && from > to) [from, to] = [to, from];
  if (from || to) {
    and.push({
      at: {
        ...(from ? { gte: dayStart(from) } : {}),
        ...(to ? { lt: new Date(dayStart(to).getTime() + DAY_MS) } : {}),
      },
    });
  }
  return and.length ? { AND: and } : {};
}

/** One page of the log, newest first. */
export async function listAudit(filter: AuditFilter) {
  const where = await auditWhere(filter);
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: auditRowSelect,
    }),
  ]);
  return { total, rows, pageSize: AUDIT_PAGE_SIZE };
}

/** The latest entries about one object, newest first. */
export async function recentAuditFor(subjectType: string, subjectId: string | number, limit = 20) {
  return prisma.auditLog.findMany({
    where: { subjectType, subjectId: String(subjectId) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: auditRowSelect,
  });
}

/**
 * The latest entries about one account: changes to it, and sign-in attempts under its user name
 * (those are logged by name, since a failed attempt may name no account at all).
 */
export async function recentAuditForUser(user: { id: number; username: string }, limit = 20) {
  return prisma.auditLog.findMany({
    where: {
      OR: [
        { subjectType: "user", subjectId: String(user.id) },
        { subjectType: "username", subjectId: user.username },
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: auditRowSelect,
  });
}

/** Action names that occur in the log, for the filter's select. */
export async function auditActions(): Promise<string[]> {
  const rows = await prisma.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}

/** Subject types that occur in the log, for the filter's select. */
export async function auditSubjectTypes(): Promise<string[]> {
  const rows = await prisma.auditLog.groupBy({
    by: ["subjectType"],
    where: { subjectType: { not: null } },
    orderBy: { subjectType: "asc" },
  });
  return rows.flatMap((r) => (r.subjectType ? [r.subjectType] : []));
}
