import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LetterStatus } from "@/lib/generated/prisma/enums";
import * as read from "./readers";
import type { ItemFilter } from "../schema";
import { rowState } from "../state";

export type { Dashboard, GroupStats, HeatCode, ItemRow, PairRow, DevolutionRoundSummary, StreetStats } from "./readers";

export const listDevolutionRounds = (scope: read.DevolutionScope = {}) => read.listDevolutionRounds(prisma, scope);
export const roundDashboard = (roundId: number, streetIds?: number[]) => read.roundDashboard(prisma, roundId, streetIds);
export const listItems = (roundId: number, scope: read.DevolutionScope, filter: Omit<ItemFilter, "street" | "department" | "page"> = {}) =>
  read.listItems(prisma, roundId, scope, filter);
export const listItemsPage = (roundId: number, scope: read.DevolutionScope, filter: Omit<ItemFilter, "street" | "department">) =>
  read.listItemsPage(prisma, roundId, scope, filter);
export const listItemsForExport = (roundId: number, limit: number, streetIds?: number[]) => read.listItems(prisma, roundId, { streetIds }, {}, limit);
export const listPairs = (roundId: number, scope: read.DevolutionScope) => read.listPairs(prisma, roundId, scope);
export const heatMap = (roundId: number, streetIds: number[]) => read.heatMap(prisma, roundId, streetIds);

export async function getDevolutionRound(id: number) {
  return prisma.devolutionRound.findUnique({
    where: { id },
    select: {
      id: true, title: true, status: true, deadline: true, note: true, documentPrefix: true, createdByName: true, createdAt: true,
      closedAt: true, closedByName: true, editionId: true, edition: { select: { id: true, title: true } },
      _count: { select: { streets: true, assignments: true } },
    },
  });
}

/** Is this street / department part of the round at all? */
export async function takesPart(roundId: number, scope: read.DevolutionScope) {
  if (scope.streetId) return !!(await prisma.devolutionRoundStreet.findUnique({ where: { roundId_streetId: { roundId, streetId: scope.streetId } } }));
  if (scope.streetIds) return !!(await prisma.devolutionRoundStreet.findFirst({ where: { roundId, streetId: { in: scope.streetIds } }, select: { roundId: true } }));
  if (scope.departmentId) return !!(await prisma.devolutionAssignment.findFirst({ where: { roundId, departmentId: scope.departmentId }, select: { itemId: true } })) ||
    !!(await prisma.devolution.findFirst({ where: { roundId, departmentId: scope.departmentId }, select: { id: true } }));
  return true;
}

/** Whether every street of the round is one of `streetIds` (a district 编办 manages only such rounds). */
export async function roundWithin(roundId: number, streetIds: number[]) {
  return (await prisma.devolutionRoundStreet.count({ where: { roundId, streetId: { notIn: streetIds } } })) === 0;
}

export async function roundStreets(roundId: number, streetIds?: number[]) {
  const rows = await prisma.devolutionRoundStreet.findMany({
    where: { roundId, ...(streetIds ? { streetId: { in: streetIds } } : {}) },
    select: { street: { select: { id: true, name: true, sortOrder: true, parent: { select: { id: true, name: true, sortOrder: true } } } } },
  });
  return rows
    .map((r) => r.street)
    .sort((a, b) => (a.parent?.sortOrder ?? 0) - (b.parent?.sortOrder ?? 0) || a.sortOrder - b.sortOrder || a.id - b.id)
    .map((s) => ({ id: s.id, name: s.name, districtId: s.parent?.id ?? null, district: s.parent?.name ?? null }));
}

export async function unitName(id: number) {
  return (await prisma.orgUnit.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

/** Power types and domains used by the round's items, for the filters. */
export async function filterOptions(roundId: number) {
  const [types, domains, departments] = await Promise.all([
    prisma.$queryRaw<{ id: number; name: string }[]>`
      SELECT e.id, e.name FROM dictionary_entry e WHERE e.id IN (
        SELECT DISTINCT i.power_type_id FROM devolution_assignment a JOIN catalogue_item i ON i.id = a.item_id WHERE a.round_id = ${roundId})
      ORDER BY e.sort_order, e.id`,
    prisma.$queryRaw<{ id: number; name: string }[]>`
      SELECT e.id, e.name FROM dictionary_entry e WHERE e.id IN (
        SELECT DISTINCT i.domain_id FROM devolution_assignment a JOIN catalogue_item i ON i.id = a.item_id WHERE a.round_id = ${roundId})
      ORDER BY e.sort_order, e.id`,
    prisma.$queryRaw<{ id: number; name: string }[]>`
      SELECT u.id, COALESCE(u.short_name, u.name) AS name FROM org_unit u WHERE u.id IN (
        SELECT DISTINCT a.department_id FROM devolution_assignment a WHERE a.round_id = ${roundId})
      ORDER BY u.sort_order, u.id`,
  ]);
  return { types, domains, departments };
}

/* ------------------------------------------------------------------ the round form */

/**
 * The issued guidance editions a round may confirm: the city's, and a district's own for its
 * 编办 (`districtId`); the city 编办 (no district) sees every district's too, labelled.
 */
export async function issuedGuidanceEditions(districtId: number | null = null) {
  const editions = await prisma.catalogueEdition.findMany({
    where: { kind: "GUIDANCE", status: "ISSUED", ...(districtId != null ? { areaUnitId: { in: [districtId] } } : {}) },
    // The city's own editions first (the form preselects the first), then the districts'.
    orderBy: [{ areaUnitId: { sort: "asc", nulls: "first" } }, { issuedAt: "desc" }],
    select: { id: true, title: true, issuedAt: true, areaUnit: { select: { name: true } }, _count: { select: { items: true } } },
  });
  const city = districtId != null ? await prisma.catalogueEdition.findMany({
    where: { kind: "GUIDANCE", status: "ISSUED", areaUnitId: null },
    orderBy: { issuedAt: "desc" },
    select: { id: true, title: true, issuedAt: true, areaUnit: { select: { name: true } }, _count: { select: { items: true } } },
  }) : [];
  return [...editions, ...city].map((e) => ({ ...e, title: e.areaUnit ? `【${e.areaUnit.name}】${e.title}` : e.title }));
}

/** Active streets and townships by district, with the open rounds each is already in. */
/** The streets and townships a new round may name: `streetIds` limits them to a district 编办's area. */
export async function streetChoices(streetIds?: number[]) {
  const units = await prisma.orgUnit.findMany({
    where: { kind: { in: ["STREET", "TOWNSHIP"] }, active: true, ...(streetIds ? { id: { in: streetIds } } : {}) },
    orderBy: [{ parent: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true, name: true, kind: true, parent: { select: { id: true, name: true } },
      devolutionRounds: { where: { round: { status: "OPEN" } }, select: { round: { select: { editionId: true, title: true } } } },
    },
  });
  return units.map((u) => ({
    id: u.id, name: u.name, kind: u.kind, districtId: u.parent?.id ?? 0, district: u.parent?.name ?? "其他",
    openRounds: u.devolutionRounds.map((r) => r.round),
  }));
}

export async function cityName() {
  return (await prisma.orgUnit.findFirst({ where: { kind: "CITY" }, orderBy: { id: "asc" }, select: { name: true } }))?.name ?? null;
}

export async function activeDepartments() {
  return prisma.orgUnit.findMany({
    where: { kind: "DEPARTMENT", active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, shortName: true },
  });
}

/* ------------------------------------------------------------------ assignments */

export async function listAssignments(roundId: number, filter: { department?: number | "none"; q?: string }) {
  const where: Prisma.DevolutionAssignmentWhereInput = { roundId };
  if (filter.department === "none") where.departmentId = null;
  else if (filter.department) where.departmentId = filter.department;
  if (filter.q) where.item = { OR: [{ name: { contains: filter.q } }, { code: { contains: filter.q } }] };
  const rows = await prisma.devolutionAssignment.findMany({
    where,
    orderBy: { item: { position: "asc" } },
    select: {
      itemId: true, departmentId: true, manual: true,
      department: { select: { name: true, shortName: true } },
      item: { select: { seq: true, code: true, name: true, departmentName: true, powerType: { select: { name: true } } } },
    },
  });
  const unassigned = await prisma.devolutionAssignment.count({ where: { roundId, departmentId: null } });
  return { rows, unassigned };
}

/** The items a department answers for in a round, for its bulk page. */
export async function departmentItems(roundId: number, departmentId: number) {
  const rows = await prisma.devolutionAssignment.findMany({
    where: { roundId, departmentId },
    orderBy: { item: { position: "asc" } },
    select: { item: { select: { id: true, seq: true, code: true, name: true, powerType: { select: { name: true } }, domain: { select: { name: true } } } } },
  });
  return rows.map((r) => ({ id: r.item.id, seq: r.item.seq, code: r.item.code, name: r.item.name, powerType: r.item.powerType?.name ?? null, domain: r.item.domain?.name ?? null }));
}

/* ------------------------------------------------------------------ one row */

export async function getDevolution(id: number) {
  const row = await prisma.devolution.findUnique({
    where: { id },
    include: {
      round: { select: { id: true, title: true, status: true, deadline: true } },
      street: { select: { id: true, name: true } },
      department: { select: { id: true, name: true, shortName: true } },
      letter: { select: { id: true, documentNumber: true, status: true } },
      comments: { orderBy: { createdAt: "asc" } },
      item: {
        select: {
          id: true, seq: true, code: true, name: true, legalBasis: true, departmentName: true, remarks: true, implementationLevel: true,
          powerType: { select: { name: true } }, domain: { select: { name: true } }, powerTypeRaw: true, domainRaw: true,
          subItems: { orderBy: { position: "asc" }, select: { name: true } },
        },
      },
    },
  });
  return row ? { ...row, state: rowState(row) } : null;
}

/* ------------------------------------------------------------------ disputes and letters */

export async function listDisputes(roundId: number) {
  return prisma.devolution.findMany({
    where: { roundId, response: "DISAGREE", OR: [{ settled: false }, { arbitratedAt: { not: null }, letterId: null }] },
    orderBy: [{ settled: "asc" }, { respondedAt: "asc" }],
    take: 500,
    select: {
      id: true, proposal: true, reason: true, responseReason: true, respondedAt: true, settled: true, decision: true, arbitratedAt: true,
      arbitratedByName: true, commentCount: true,
      street: { select: { name: true } }, department: { select: { name: true, shortName: true } },
      item: { select: { seq: true, name: true, powerType: { select: { name: true } } } },
    },
  });
}

export async function listLetters(roundId: number, scope: read.DevolutionScope, status?: LetterStatus) {
  return prisma.confirmationLetter.findMany({
    where: { roundId, ...(scope.streetId ? { streetId: scope.streetId } : {}), ...(scope.departmentId ? { departmentId: scope.departmentId } : {}), ...(status ? { status } : {}) },
    orderBy: [{ generatedAt: "desc" }],
    take: 2000,
    select: {
      id: true, documentNumber: true, status: true, itemCount: true, acceptedCount: true, deferredCount: true, declinedCount: true, generatedAt: true,
      departmentConfirmedAt: true, departmentConfirmedBy: true, streetConfirmedAt: true, streetConfirmedBy: true, withdrawnAt: true,
      street: { select: { id: true, name: true } }, department: { select: { id: true, name: true } },
    },
  });
}

export async function getLetter(id: number) {
  return prisma.confirmationLetter.findUnique({
    where: { id },
    include: { round: { select: { id: true, title: true, status: true } }, street: { select: { name: true } }, department: { select: { name: true } } },
  });
}

/** For the public verify page: a letter by its hash, with only what may be shown. */
export async function letterByHash(hash: string) {
  return prisma.confirmationLetter.findUnique({
    where: { contentHash: hash },
    select: {
      documentNumber: true, status: true, content: true, contentHash: true, itemCount: true, acceptedCount: true, deferredCount: true,
      declinedCount: true, generatedAt: true, departmentConfirmedAt: true, streetConfirmedAt: true, withdrawnAt: true,
      street: { select: { name: true } }, department: { select: { name: true } },
    },
  });
}
