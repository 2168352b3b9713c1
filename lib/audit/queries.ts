import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/types";
import { areaIdFilter } from "@/lib/auth/scope";
import type { AuditFilter } from "./schema";
import { AUDIT_SUBJECTS, auditSubject, isAuditAction, storedActionsOfArea, storedNamesOf, storedSubjectTypesOf, type AuditSubjectType } from "./events";
import { dayStart } from "@/lib/dates";

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one export holds; past it the reader is asked to narrow the filter. */
export const AUDIT_EXPORT_LIMIT = 50_000;
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
  outcome: true,
} as const satisfies Prisma.AuditLogSelect;

/** One entry as the audit tables show it; `parentId` addresses objects whose page sits under a round, edition or unit. */
export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditRowSelect }> & { parentId: number | null };


type Ids = { in: number[] };
const strings = (rows: { id: number }[]) => rows.map((r) => String(r.id));

/**
 * The objects of a district an audit entry may be about, by subject type: an entry records its
 * subject (type and id), not the subject's unit, so the ids of the district's objects are read
 * here, one query per kind. Objects of the whole city (catalogue editions, settings, list types)
 * are nobody's district.
 */
const AREA_SUBJECTS: Partial<Record<AuditSubjectType, (area: Ids, districtId: number) => Promise<string[]>>> = {
  unit: async (area) => area.in.map(String),
  localDutyList: async (area) => area.in.map(String),
  user: async (area) => strings(await prisma.user.findMany({ where: { unitId: area }, select: { id: true } })),
  powerList: async (area) => strings(await prisma.powerList.findMany({ where: { unitId: area }, select: { id: true } })),
  powerListAdjustment: async (area) => strings(await prisma.powerListAdjustment.findMany({ where: { list: { unitId: area } }, select: { id: true } })),
  localDuty: async (area) => strings(await prisma.localDuty.findMany({ where: { unitId: area }, select: { id: true } })),
  typedList: async (area) => strings(await prisma.typedList.findMany({ where: { unitId: area }, select: { id: true } })),
  dispatch: async (area) => strings(await prisma.dispatch.findMany({ where: { streetId: area }, select: { id: true } })),
  admission: async (area) => strings(await prisma.admission.findMany({ where: { OR: [{ applicantUnitId: area }, { targets: { some: { unitId: area } } }] }, select: { id: true } })),
  evaluationRound: async (_area, districtId) => strings(await prisma.evaluationRound.findMany({ where: { areaUnitId: districtId }, select: { id: true } })),
  evaluationSheet: async (area) => strings(await prisma.evaluationSheet.findMany({ where: { raterUnitId: area }, select: { id: true } })),
};

/**
 * A district 编办 reads the entries of its own district's people, and the entries anyone (the city
 * 编办, a city department) made about an object of its district; never another district's.
 */
async function areaCondition(viewer: Pick<SessionUser, "area">): Promise<Prisma.AuditLogWhereInput | null> {
  const area = areaIdFilter(viewer);
  if (!area || !viewer.area) return null;
  const about = await Promise.all(
    Object.entries(AREA_SUBJECTS).map(async ([type, ids]) => {
      const subjectIds = await ids(area, viewer.area!.districtId);
      return subjectIds.length ? { subjectType: { in: storedSubjectTypesOf(type as AuditSubjectType) }, subjectId: { in: subjectIds } } : null;
    }),
  );
  return { OR: [{ unitId: area }, ...about.filter((c) => c !== null)] };
}

async function auditWhere(filter: AuditFilter, viewer?: Pick<SessionUser, "area">): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  const area = viewer ? await areaCondition(viewer) : null;
  if (area) and.push(area);
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
  if (filter.area) and.push({ action: { in: storedActionsOfArea(filter.area) } });
  if (filter.outcome) and.push(filter.outcome === "PROBLEM" ? { outcome: { not: "SUCCESS" } } : { outcome: filter.outcome });
  if (filter.action) {
    // "user.*" selects a family of actions; a plain name is exact, so 登录成功 does not include failures.
    and.push(
      filter.action.endsWith("*")
        ? { action: { startsWith: filter.action.slice(0, -1) } }
        : isAuditAction(filter.action)
          ? { action: { in: storedNamesOf(filter.action) } }
          : { action: filter.action },
    );
  }
  if (filter.subjectType) and.push({ subjectType: { in: storedSubjectTypesOf(filter.subjectType) } });
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

type ParentLookup = (ids: number[]) => Promise<{ id: number; parentId: number }[]>;
/** The subject types whose page sits under a parent; the map below must cover each (checked by the compiler). */
type ParentedSubject = { [K in AuditSubjectType]: (typeof AUDIT_SUBJECTS)[K] extends { parent: string } ? K : never }[AuditSubjectType];

/** For objects addressed through a parent: the parent's id of each object id (one query per kind). */
const PARENT_OF: Record<ParentedSubject, ParentLookup> = {
  catalogueItem: (ids) => prisma.catalogueItem.findMany({ where: { id: { in: ids } }, select: { id: true, editionId: true } }).then((r) => r.map((x) => ({ id: x.id, parentId: x.editionId }))),
  importSession: (ids) => prisma.importSession.findMany({ where: { id: { in: ids } }, select: { id: true, editionId: true } }).then((r) => r.map((x) => ({ id: x.id, parentId: x.editionId }))),
  devolution: (ids) => prisma.devolution.findMany({ where: { id: { in: ids } }, select: { id: true, roundId: true } }).then((r) => r.map((x) => ({ id: x.id, parentId: x.roundId }))),
  confirmation_letter: (ids) => prisma.confirmationLetter.findMany({ where: { id: { in: ids } }, select: { id: true, roundId: true } }).then((r) => r.map((x) => ({ id: x.id, parentId: x.roundId }))),
  localDuty: (ids) => prisma.localDuty.findMany({ where: { id: { in: ids } }, select: { id: true, unitId: true } }).then((r) => r.map((x) => ({ id: x.id, parentId: x.unitId }))),
  evaluationSheet: (ids) => prisma.evaluationSheet.findMany({ where: { id: { in: ids } }, select: { id: true, roundId: true } }).then((r) => r.map((x) => ({ id: x.id, parentId: x.roundId }))),
};

/** Adds the parent id to rows whose object's page needs it, so the table can link to the object. */
async function withParents(rows: Prisma.AuditLogGetPayload<{ select: typeof auditRowSelect }>[]): Promise<AuditRow[]> {
  const wanted = new Map<string, Set<number>>();
  for (const r of rows) {
    if (!r.subjectType || !r.subjectId || !/^\d+$/.test(r.subjectId) || !auditSubject(r.subjectType)?.parent) continue;
    const set = wanted.get(r.subjectType) ?? new Set<number>();
    set.add(Number(r.subjectId));
    wanted.set(r.subjectType, set);
  }
  const found = new Map<string, number>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      for (const p of (await PARENT_OF[type as ParentedSubject]?.([...ids])) ?? []) found.set(`${type}:${p.id}`, p.parentId);
    }),
  );
  return rows.map((r) => ({ ...r, parentId: r.subjectType && r.subjectId ? (found.get(`${r.subjectType}:${r.subjectId}`) ?? null) : null }));
}

/** One page of the log, newest first. */
export async function listAudit(filter: AuditFilter, viewer?: Pick<SessionUser, "area">) {
  const where = await auditWhere(filter, viewer);
  const [total, page] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: auditRowSelect,
    }),
  ]);
  return { total, rows: await withParents(page), pageSize: AUDIT_PAGE_SIZE };
}

/**
 * Every entry the filter selects, newest first, for the spreadsheet export: at most
 * AUDIT_EXPORT_LIMIT rows; `truncated` says there were more.
 */
export async function auditForExport(filter: AuditFilter, viewer?: Pick<SessionUser, "area">) {
  const where = await auditWhere(filter, viewer);
  const rows = await prisma.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_LIMIT + 1,
    select: { ...auditRowSelect, userAgent: true },
  });
  const truncated = rows.length > AUDIT_EXPORT_LIMIT;
  return { rows: truncated ? rows.slice(0, AUDIT_EXPORT_LIMIT) : rows, truncated };
}

/** The latest entries about one object, newest first. */
export async function recentAuditFor(subjectType: string, subjectId: string | number, limit = 20) {
  return withParents(await prisma.auditLog.findMany({
    where: { subjectType, subjectId: String(subjectId) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: auditRowSelect,
  }));
}

/**
 * The latest entries about one account: changes to it, and sign-in attempts under its user name
 * (those are logged by name, since a failed attempt may name no account at all).
 */
export async function recentAuditForUser(user: { id: number; username: string }, limit = 20) {
  return withParents(await prisma.auditLog.findMany({
    where: {
      OR: [
        { subjectType: "user", subjectId: String(user.id) },
        { subjectType: "username", subjectId: user.username },
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: auditRowSelect,
  }));
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
