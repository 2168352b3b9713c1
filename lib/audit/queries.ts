import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/types";
import type { AuditFilter } from "./schema";
import { AUDIT_SUBJECTS, auditSubject, isAuditAction, storedActionsOfArea, storedNamesOf, storedSubjectTypesOf, type AuditSubjectType } from "./events";
import { dayStart } from "@/lib/dates";
import { likeEscape } from "@/lib/lists/text";

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


/** A row's subject id as the integer id of its object, or null (user names, "3:14" pairs). */
const SUBJECT_ID = Prisma.sql`(CASE WHEN a.subject_id ~ '^[0-9]{1,9}$' THEN a.subject_id::int END)`;
/** The first part of a "3:14" subject id (a devolution round's id, a claiming street's), or null. */
const SUBJECT_ID_PREFIX = Prisma.sql`(CASE WHEN a.subject_id ~ '^[0-9]{1,9}:' THEN split_part(a.subject_id, ':', 1)::int END)`;

type AreaSql = { units: Prisma.Sql; districtId: number };
/** The entry's object is the row `o` of `from` (with any joins) whose `unit` names a unit of the area. */
const inArea = (from: string, unit: string) => ({ units }: AreaSql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(from)} WHERE o.id = ${SUBJECT_ID} AND ${Prisma.raw(unit)} = ANY(${units}))`;
/** The entry's object is the row `o` of `from` (with any joins) whose `district` is the district itself (its own round, edition, filing). */
const ofDistrict = (from: string, district: string) => ({ districtId }: AreaSql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(from)} WHERE o.id = ${SUBJECT_ID} AND ${Prisma.raw(district)} = ${districtId})`;
/** A devolution round of the district: every one of its streets lies in the area (lib/devolution/commands.ts manages only such rounds). */
const districtRound = (round: Prisma.Sql) => ({ units }: AreaSql) =>
  Prisma.sql`(EXISTS (SELECT 1 FROM devolution_round_street s WHERE s.round_id = ${round} AND s.street_id = ANY(${units}))
    AND NOT EXISTS (SELECT 1 FROM devolution_round_street s WHERE s.round_id = ${round} AND s.street_id <> ALL(${units})))`;

/**
 * The objects of a district an audit entry may be about, by subject type: an entry records its
 * subject (type and id), not the subject's unit, so each kind says in SQL how its object belongs to
 * the area (`a` is the audit row). The database checks the entries it reads against their objects,
 * so a district's page costs the same however many objects the city holds. Objects of the whole
 * city (the city's catalogue editions and rounds, settings, list types) are nobody's district, and
 * an entry about an object since deleted shows through its actor's unit only.
 */
const AREA_SUBJECTS: Partial<Record<AuditSubjectType, (area: AreaSql) => Prisma.Sql>> = {
  unit: ({ units }) => Prisma.sql`${SUBJECT_ID} = ANY(${units})`,
  localDutyList: ({ units }) => Prisma.sql`${SUBJECT_ID} = ANY(${units})`,
  user: inArea("app_user o", "o.unit_id"),
  catalogueEdition: ofDistrict("catalogue_edition o", "o.area_unit_id"),
  catalogueItem: ofDistrict("catalogue_item o JOIN catalogue_edition e ON e.id = o.edition_id", "e.area_unit_id"),
  importSession: ofDistrict("import_session o JOIN catalogue_edition e ON e.id = o.edition_id", "e.area_unit_id"),
  devolution_round: districtRound(SUBJECT_ID),
  devolution_assignment: districtRound(SUBJECT_ID_PREFIX),
  devolution: inArea("devolution o", "o.street_id"),
  confirmation_letter: inArea("confirmation_letter o", "o.street_id"),
  claim: ({ units }) => Prisma.sql`${SUBJECT_ID_PREFIX} = ANY(${units})`,
  powerList: inArea("power_list o", "o.unit_id"),
  powerListAdjustment: inArea("power_list_adjustment o JOIN power_list l ON l.id = o.list_id", "l.unit_id"),
  localDuty: inArea("local_duty o", "o.unit_id"),
  typedList: inArea("typed_list o", "o.unit_id"),
  fundingDisbursement: inArea("funding_disbursement o JOIN local_duty d ON d.id = o.local_duty_id", "d.unit_id"),
  taskRegisterEntry: inArea("task_register_entry o", "o.unit_id"),
  appraisalRound: ofDistrict("appraisal_round o", "o.area_unit_id"),
  dispatch: inArea("dispatch o", "o.street_id"),
  admission: ({ units }) =>
    Prisma.sql`EXISTS (SELECT 1 FROM admission o WHERE o.id = ${SUBJECT_ID} AND (o.applicant_unit_id = ANY(${units})
      OR EXISTS (SELECT 1 FROM admission_target t WHERE t.admission_id = o.id AND t.unit_id = ANY(${units}))))`,
  evaluationRound: ofDistrict("evaluation_round o", "o.area_unit_id"),
  evaluationSheet: inArea("evaluation_sheet o", "o.rater_unit_id"),
  filing: ofDistrict("filing o", "o.district_id"),
};

/**
 * A district 编办 reads the entries of its own district's people, and the entries anyone (the city
 * 编办, a city department) made about an object of its district; never another district's.
 */
function areaCondition(viewer: Pick<SessionUser, "area">): Prisma.Sql | null {
  const area = viewer.area;
  if (!area) return null;
  const sql: AreaSql = { units: Prisma.sql`${area.unitIds}::int[]`, districtId: area.districtId };
  const about = Object.entries(AREA_SUBJECTS).map(
    ([type, owned]) => Prisma.sql`(a.subject_type = ANY(${storedSubjectTypesOf(type)}::text[]) AND ${owned(sql)})`,
  );
  return Prisma.sql`(a.unit_id = ANY(${sql.units}) OR ${Prisma.join(about, " OR ")})`;
}

/** The WHERE of the log's reads (`a` is audit_log): the filter's conditions and the viewer's area. */
function auditWhere(filter: AuditFilter, viewer?: Pick<SessionUser, "area">): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  const area = viewer ? areaCondition(viewer) : null;
  if (area) and.push(area);
  if (filter.actor) {
    // The log keeps the actor's display name; a user name is matched through the acting account.
    const pattern = `%${likeEscape(filter.actor)}%`;
    and.push(Prisma.sql`(a.actor_name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM app_user u WHERE u.id = a.actor_id AND u.username ILIKE ${pattern}))`);
  }
  if (filter.unitId) and.push(Prisma.sql`a.unit_id = ${filter.unitId}`);
  if (filter.area) and.push(Prisma.sql`a.action = ANY(${storedActionsOfArea(filter.area)}::text[])`);
  if (filter.outcome) {
    and.push(filter.outcome === "PROBLEM" ? Prisma.sql`a.outcome <> 'SUCCESS'` : Prisma.sql`a.outcome = ${filter.outcome}::"AuditOutcome"`);
  }
  if (filter.action) {
    // "user.*" selects a family of actions; a plain name is exact, so 登录成功 does not include failures.
    and.push(
      filter.action.endsWith("*")
        ? Prisma.sql`a.action LIKE ${`${likeEscape(filter.action.slice(0, -1))}%`}`
        : Prisma.sql`a.action = ANY(${isAuditAction(filter.action) ? storedNamesOf(filter.action) : [filter.action]}::text[])`,
    );
  }
  if (filter.subjectType) and.push(Prisma.sql`a.subject_type = ANY(${storedSubjectTypesOf(filter.subjectType)}::text[])`);
  if (filter.subjectId) and.push(Prisma.sql`a.subject_id = ${filter.subjectId}`);
  let { from, to } = filter;
  if (from && to && from > to) [from, to] = [to, from];
  if (from) and.push(Prisma.sql`a.at >= ${dayStart(from)}`);
  if (to) and.push(Prisma.sql`a.at < ${new Date(dayStart(to).getTime() + DAY_MS)}`);
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

/** The columns of `select` as a SQL list (the log's columns are its fields' names in snake_case). */
function columnsOf(select: Record<string, true>): Prisma.Sql {
  return Prisma.raw(Object.keys(select).map((field) => `a.${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} AS "${field}"`).join(", "));
}

/** The entries `where` selects, newest first. */
function readAudit<S extends Record<string, true>>(where: Prisma.Sql, select: S, take: number, skip = 0) {
  return prisma.$queryRaw<Prisma.AuditLogGetPayload<{ select: S }>[]>`
    SELECT ${columnsOf(select)} FROM audit_log a WHERE ${where}
    ORDER BY a.at DESC, a.id DESC LIMIT ${take} OFFSET ${skip}`;
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
  const where = auditWhere(filter, viewer);
  const [[{ total }], page] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`,
    readAudit(where, auditRowSelect, AUDIT_PAGE_SIZE, (filter.page - 1) * AUDIT_PAGE_SIZE),
  ]);
  return { total, rows: await withParents(page), pageSize: AUDIT_PAGE_SIZE };
}

/**
 * Every entry the filter selects, newest first, for the spreadsheet export: at most
 * AUDIT_EXPORT_LIMIT rows; `truncated` says there were more.
 */
export async function auditForExport(filter: AuditFilter, viewer?: Pick<SessionUser, "area">) {
  const rows = await readAudit(auditWhere(filter, viewer), { ...auditRowSelect, userAgent: true }, AUDIT_EXPORT_LIMIT + 1);
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
