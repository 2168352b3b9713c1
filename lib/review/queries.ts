import "server-only";
import { prisma } from "@/lib/db/client";
import { countsFor } from "./counts";
import { isFlagged, satisfaction } from "./satisfaction";

export async function rounds() {
  return prisma.reviewRound.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true, title: true, status: true, closesOn: true, _count: { select: { ratings: true } } } });
}

/** Every admitted duty (active, or revoked in this round) with its counts and flag. */
export async function roundResults(roundId: number) {
  const round = await prisma.reviewRound.findUnique({ where: { id: roundId } });
  if (!round) return null;
  const duties = await prisma.localDuty.findMany({
    where: { OR: [{ active: true, admissionId: { not: null } }, { revocations: { some: { roundId } } }] },
    orderBy: [{ unitId: "asc" }, { id: "asc" }],
    select: { id: true, name: true, departmentName: true, active: true, unit: { select: { name: true } } },
  });
  const counts = await countsFor(prisma, roundId);
  const rows = duties.map((d) => {
    const c = counts.get(d.id) ?? { satisfied: 0, basic: 0, dissatisfied: 0 };
    return { ...d, counts: c, total: c.satisfied + c.basic + c.dissatisfied, satisfaction: satisfaction(c), flagged: isFlagged(c) };
  });
  rows.sort((a, b) => Number(b.flagged && b.active) - Number(a.flagged && a.active) || (a.satisfaction ?? 2) - (b.satisfaction ?? 2));
  const links = await prisma.reviewSurveyLink.findMany({ where: { roundId }, orderBy: { id: "desc" }, select: { id: true, label: true, usedAt: true, createdAt: true, unit: { select: { name: true } } } });
  return { round, rows, links };
}

export async function openRoundForUnit(userId: number, unitId: number) {
  const round = await prisma.reviewRound.findFirst({ where: { status: "OPEN" }, orderBy: { year: "desc" } });
  if (!round) return null;
  const duties = await prisma.localDuty.findMany({ where: { unitId, active: true, admissionId: { not: null } }, orderBy: { id: "asc" }, select: { id: true, name: true, departmentName: true, localDuty: true } });
  const rated = new Set((await prisma.reviewRating.findMany({ where: { roundId: round.id, userId }, select: { localDutyId: true } })).map((r) => r.localDutyId));
  return { round, duties: duties.map((d) => ({ ...d, rated: rated.has(d.id) })) };
}

export async function surveyByToken(tokenHash: string) {
  const link = await prisma.reviewSurveyLink.findUnique({ where: { tokenHash }, select: { id: true, usedAt: true, label: true, unitId: true, unit: { select: { name: true } }, round: { select: { id: true, title: true, status: true } } } });
  if (!link) return null;
  const duties = await prisma.localDuty.findMany({ where: { unitId: link.unitId, active: true, admissionId: { not: null } }, orderBy: { id: "asc" }, select: { id: true, name: true, departmentName: true, localDuty: true } });
  return { link, duties };
}
