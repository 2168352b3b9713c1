import "server-only";
import { prisma } from "@/lib/db/client";
import { countsFor } from "./counts";
import { surveyToken } from "./schema";
import { hashToken } from "./token";
import { appraisedDuties } from "./scope";
import { isFlagged, satisfaction } from "./satisfaction";
import type { SessionUser } from "@/lib/auth/types";
import type { TodoItem } from "@/lib/todo";
import { dueEnd } from "@/lib/admission/state";

/**
 * The city 编办 sees every round, each with its district; a district 编办 its own district's rounds
 * and the city's (whose results it reads for its own units, roundResults).
 */
export async function rounds(viewer: Pick<SessionUser, "area"> = {}) {
  return prisma.appraisalRound.findMany({
    where: viewer.area ? { OR: [{ areaUnitId: null }, { areaUnitId: viewer.area.districtId }] } : {},
    orderBy: [{ year: "desc" }, { id: "desc" }],
    select: { id: true, year: true, title: true, status: true, closesOn: true, areaUnitId: true, areaUnit: { select: { name: true } }, _count: { select: { ratings: true } } },
  });
}

/** The open round a unit rates in: its district's own round first, else the city's. */
async function openRoundCovering(unitId: number) {
  const unit = await prisma.orgUnit.findUnique({ where: { id: unitId }, select: { id: true, parentId: true, parent: { select: { parentId: true } } } });
  const ancestors = [unit?.id, unit?.parentId, unit?.parent?.parentId].filter((id): id is number => id != null);
  return prisma.appraisalRound.findFirst({
    where: { status: "OPEN", OR: [{ areaUnitId: null }, { areaUnitId: { in: ancestors } }] },
    orderBy: [{ year: "desc" }, { areaUnitId: { sort: "asc", nulls: "last" } }],
  });
}

/** Every admitted duty (active, or revoked in this round) with its counts and flag. */
export async function roundResults(roundId: number, unitIds?: number[]) {
  const round = await prisma.appraisalRound.findUnique({ where: { id: roundId }, include: { areaUnit: { select: { name: true } } } });
  if (!round) return null;
  // Another district's round does not exist for a district 编办 (its unit ids lie elsewhere).
  if (unitIds && round.areaUnitId != null && !unitIds.includes(round.areaUnitId)) return null;
  // A district 编办 sees the duties of its own district's units (lib/auth/scope.ts).
  const inArea = unitIds ? { unitId: { in: unitIds } } : {};
  const duties = await prisma.localDuty.findMany({
    where: { OR: [appraisedDuties(round), { revocations: { some: { roundId } } }], ...inArea },
    orderBy: [{ unitId: "asc" }, { id: "asc" }],
    select: { id: true, name: true, departmentName: true, active: true, unitId: true, unit: { select: { name: true } } },
  });
  const counts = await countsFor(prisma, roundId);
  const decisions = new Map(
    (await prisma.appraisalRevocation.findMany({ where: { roundId }, select: { localDutyId: true, outcome: true, note: true, confirmedByName: true } })).map((d) => [d.localDutyId, d]),
  );
  const rows = duties.map((d) => {
    const c = counts.get(d.id) ?? { satisfied: 0, basic: 0, dissatisfied: 0 };
    return { ...d, counts: c, total: c.satisfied + c.basic + c.dissatisfied, satisfaction: satisfaction(c), flagged: isFlagged(c), decision: decisions.get(d.id) ?? null };
  });
  rows.sort((a, b) => Number(b.flagged && b.active) - Number(a.flagged && a.active) || (a.satisfaction ?? 2) - (b.satisfaction ?? 2));
  const links = await prisma.appraisalSurveyLink.findMany({ where: { roundId, ...inArea }, orderBy: { id: "desc" }, select: { id: true, label: true, usedAt: true, comment: true, createdAt: true, unit: { select: { name: true } } } });
  const excluded = round.admittedBefore
    ? await prisma.localDuty.count({ where: { active: true, admissionId: { not: null }, admittedOn: { gte: round.admittedBefore }, ...inArea } })
    : 0;
  return {
    round,
    rows,
    links,
    excluded,
    undecided: rows.filter((r) => r.active && r.flagged && !r.decision),
    unrated: rows.filter((r) => r.active && r.total === 0),
  };
}

export async function openRoundForUnit(userId: number, unitId: number) {
  const round = await openRoundCovering(unitId);
  if (!round) return null;
  const duties = await prisma.localDuty.findMany({ where: { unitId, ...appraisedDuties(round) }, orderBy: { id: "asc" }, select: { id: true, name: true, departmentName: true, localDuty: true } });
  const rated = new Set((await prisma.appraisalRating.findMany({ where: { roundId: round.id, userId }, select: { localDutyId: true } })).map((r) => r.localDutyId));
  return { round, duties: duties.map((d) => ({ ...d, rated: rated.has(d.id) })) };
}

/** The survey behind a link's token, or null for a malformed or unknown one. */
export async function surveyByToken(token: string) {
  if (!surveyToken.safeParse(token).success) return null;
  const link = await prisma.appraisalSurveyLink.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, usedAt: true, label: true, unitId: true, unit: { select: { name: true } }, round: { select: { id: true, title: true, status: true, admittedBefore: true } } } });
  if (!link) return null;
  const duties = await prisma.localDuty.findMany({ where: { unitId: link.unitId, ...appraisedDuties(link.round) }, orderBy: { id: "asc" }, select: { id: true, name: true, departmentName: true, localDuty: true } });
  return { link, duties };
}

/** 工作台: a street or community account that has not yet rated all its duties in the open round. */
export async function appraisalTodos(user: SessionUser): Promise<TodoItem[]> {
  if (!user.roles.includes("STREET") && !user.roles.includes("COMMUNITY")) return [];
  const round = await openRoundCovering(user.unitId);
  if (!round) return [];
  const [duties, rated] = await Promise.all([
    prisma.localDuty.count({ where: { unitId: user.unitId, ...appraisedDuties(round) } }),
    prisma.appraisalRating.count({ where: { roundId: round.id, userId: user.id } }),
  ]);
  return duties > rated ? [{ area: "评议", title: `${round.title}：请评价本单位承接的准入事项`, href: "/appraisal/rate", count: duties - rated, dueAt: dueEnd(round.closesOn) }] : [];
}
