import "server-only";
import { prisma } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/types";
import { isBianban, roundInArea } from "../policy";
import { computeResults, flaggedRaters, raterForm, roundIndicators } from "./results";
import { participants } from "./participants";

/**
 * The city 编办 sees every round (each labelled with its district); a district 编办 its own
 * district's rounds and the city's published ones (their results for its units); leaders published
 * ones; a street or department the rounds it takes part in.
 */
export async function listRounds(user: SessionUser) {
  const where = isBianban(user)
    ? user.area
      ? { OR: [{ areaUnitId: user.area.districtId }, { areaUnitId: null, status: "PUBLISHED" as const }] }
      : {}
    : user.roles.includes("LEADER")
      ? { status: "PUBLISHED" as const }
      : { status: { in: ["OPEN" as const, "CLOSED" as const, "PUBLISHED" as const] }, sheets: { some: { raterUnitId: user.unitId } } };
  const rounds = await prisma.evaluationRound.findMany({
    where,
    orderBy: [{ year: "desc" }, { id: "desc" }],
    select: { id: true, year: true, title: true, status: true, closesOn: true, trimmed: true, publishedAt: true, areaUnitId: true, areaUnit: { select: { name: true } }, _count: { select: { sheets: true } } },
  });
  const submitted = await prisma.evaluationSheet.groupBy({ by: ["roundId"], where: { roundId: { in: rounds.map((r) => r.id) }, status: "SUBMITTED" }, _count: { _all: true } });
  const mine = await prisma.evaluationSheet.findMany({ where: { roundId: { in: rounds.map((r) => r.id) }, raterUnitId: user.unitId }, select: { roundId: true, status: true } });
  return rounds.map((r) => ({
    ...r,
    submitted: submitted.find((s) => s.roundId === r.id)?._count._all ?? 0,
    mySheet: mine.find((m) => m.roundId === r.id)?.status ?? null,
  }));
}

export async function getRound(id: number) {
  return prisma.evaluationRound.findUnique({
    where: { id },
    include: { indicators: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }, areaUnit: { select: { name: true } }, _count: { select: { pairs: true, sheets: true } } },
  });
}

/** Each rater unit's progress: cells scored of cells due. */
export async function progress(roundId: number) {
  return prisma.$queryRaw<{ raterUnitId: number; name: string; side: "STREET" | "DEPARTMENT"; status: "DRAFT" | "SUBMITTED"; extendedTo: Date | null; remindedAt: Date | null; submittedAt: Date | null; scored: number; due: number }[]>`
    SELECT h.rater_unit_id AS "raterUnitId", u.name, h.side::text AS side, h.status::text AS status, h.extended_to AS "extendedTo",
           h.reminded_at AS "remindedAt", h.submitted_at AS "submittedAt",
           (SELECT count(*)::int FROM evaluation_score s JOIN evaluation_indicator i ON i.id = s.indicator_id AND i.source = 'RATED'
             WHERE s.round_id = h.round_id AND s.rater_unit_id = h.rater_unit_id) AS scored,
           ((SELECT count(*) FROM evaluation_pair p WHERE p.round_id = h.round_id AND p.rater_unit_id = h.rater_unit_id)
             * (SELECT count(*) FROM evaluation_indicator i WHERE i.round_id = h.round_id AND i.source = 'RATED'))::int AS due
    FROM evaluation_sheet h JOIN org_unit u ON u.id = h.rater_unit_id
    WHERE h.round_id = ${roundId}
    ORDER BY h.status, h.side, u.sort_order, u.id`;
}

export type PairUnit = { id: number; name: string; kind: "STREET" | "DEPARTMENT"; groupId: number | null; rates: number; ratedBy: number };
export type PairGroup = { id: number; name: string; kind: string };

/**
 * The pair editor's overview: each participant with the unit above it (its district, or the city)
 * and how many it rates and is rated by. Counts, not pairs: a province has 130,000 pairs.
 */
export async function pairOverview(roundId: number) {
  const round = await prisma.evaluationRound.findUnique({ where: { id: roundId }, select: { areaUnitId: true } });
  const { streets, departments } = await participants(prisma, round?.areaUnitId ?? null);
  const [rates, ratedBy] = await Promise.all([
    prisma.$queryRaw<{ id: number; n: number }[]>`SELECT rater_unit_id AS id, count(*)::int AS n FROM evaluation_pair WHERE round_id = ${roundId} GROUP BY 1`,
    prisma.$queryRaw<{ id: number; n: number }[]>`SELECT ratee_unit_id AS id, count(*)::int AS n FROM evaluation_pair WHERE round_id = ${roundId} GROUP BY 1`,
  ]);
  const ratesOf = new Map(rates.map((r) => [r.id, r.n]));
  const ratedByOf = new Map(ratedBy.map((r) => [r.id, r.n]));
  const unit = (u: { id: number; name: string; parentId: number | null }, kind: PairUnit["kind"]): PairUnit => ({
    id: u.id, name: u.name, kind, groupId: u.parentId, rates: ratesOf.get(u.id) ?? 0, ratedBy: ratedByOf.get(u.id) ?? 0,
  });
  const units = [...streets.map((s) => unit(s, "STREET")), ...departments.map((d) => unit(d, "DEPARTMENT"))];
  const parentIds = [...new Set(units.map((u) => u.groupId).filter((id): id is number => id != null))];
  const groups: PairGroup[] = await prisma.orgUnit.findMany({
    where: { id: { in: parentIds } },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true },
  });
  const totals = await prisma.evaluationPair.groupBy({ by: ["side"], where: { roundId }, _count: { _all: true } });
  const total = (side: string) => totals.find((t) => t.side === side)?._count._all ?? 0;
  return { units, groups, totals: { street: total("STREET"), department: total("DEPARTMENT") } };
}

/** Whom one unit rates and who rates it, for the editor's per-unit view. */
export async function unitPairs(roundId: number, unitId: number) {
  const [rates, ratedBy] = await Promise.all([
    prisma.evaluationPair.findMany({ where: { roundId, raterUnitId: unitId }, select: { rateeUnitId: true } }),
    prisma.evaluationPair.findMany({ where: { roundId, rateeUnitId: unitId }, select: { raterUnitId: true } }),
  ]);
  return { unitId, rates: rates.map((r) => r.rateeUnitId), ratedBy: ratedBy.map((r) => r.raterUnitId) };
}

/** Individual raters' scores of one unit. Only for 编办: callers check evaluation.raterDetail. */
export async function raterScores(roundId: number, rateeUnitId: number) {
  const [pairs, scores] = await Promise.all([
    prisma.evaluationPair.findMany({
      where: { roundId, rateeUnitId },
      select: { raterUnitId: true, comment: true, raterUnit: { select: { name: true } } },
      orderBy: { raterUnitId: "asc" },
    }),
    prisma.evaluationScore.findMany({ where: { roundId, rateeUnitId }, select: { raterUnitId: true, indicatorId: true, value: true } }),
  ]);
  const sheets = await prisma.evaluationSheet.findMany({ where: { roundId, raterUnitId: { in: pairs.map((p) => p.raterUnitId) } }, select: { raterUnitId: true, status: true } });
  return pairs.map((p) => ({
    raterUnitId: p.raterUnitId,
    name: p.raterUnit.name,
    comment: p.comment,
    submitted: sheets.find((s) => s.raterUnitId === p.raterUnitId)?.status === "SUBMITTED",
    scores: Object.fromEntries(scores.filter((s) => s.raterUnitId === p.raterUnitId).map((s) => [s.indicatorId, s.value])) as Record<number, number>,
  }));
}

/** A published indicator result; rounds published before 不适用 existed lack `applicable` and `weight` (read: applicable). */
export type PublishedIndicator = { indicatorId: number; name: string; mean: number | null; share: number | null; weighted: number; applicable?: boolean; weight?: number };

/**
 * The comments written about a unit in a published round, from submitted sheets, without who
 * wrote them: in a fixed order that does not follow the raters (by text).
 */
export async function commentsAbout(roundId: number, rateeUnitId: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ comment: string }[]>`
    SELECT p.comment FROM evaluation_pair p
    JOIN evaluation_sheet h ON h.round_id = p.round_id AND h.rater_unit_id = p.rater_unit_id AND h.status = 'SUBMITTED'
    WHERE p.round_id = ${roundId} AND p.ratee_unit_id = ${rateeUnitId} AND p.comment IS NOT NULL AND btrim(p.comment) <> ''
    ORDER BY p.comment`;
  return rows.map((r) => r.comment);
}

/** Published results: all units for 编办 and leaders, only the user's own unit otherwise. */
export async function publishedResults(roundId: number, onlyUnitId?: number) {
  const rows = await prisma.evaluationResult.findMany({
    where: { roundId, ...(onlyUnitId ? { unitId: onlyUnitId } : {}) },
    orderBy: [{ side: "asc" }, { rank: "asc" }],
    select: { unitId: true, unitName: true, side: true, total: true, rank: true, rankOf: true, raterCount: true, indicators: true },
  });
  return rows.map((r) => ({ ...r, total: Number(r.total), indicators: r.indicators as PublishedIndicator[] }));
}

/**
 * What a user may see of a round's results, decided here on the server: 编办 the live or published
 * results of every unit, flagged raters and (for one unit) each rater's scores; leaders the
 * published results; a participant only its own published result and rank.
 */
export async function resultsView(user: SessionUser, roundId: number, detailUnitId?: number) {
  const round = await prisma.evaluationRound.findUnique({ where: { id: roundId }, select: { id: true, title: true, status: true, year: true, trimmed: true, publishedAt: true, areaUnitId: true } });
  if (!round || round.status === "DRAFT") return null;
  // Another district's round does not exist for a district 编办.
  if (user.area && round.areaUnitId != null && round.areaUnitId !== user.area.districtId) return null;
  const { can } = await import("@/lib/auth/policy");
  // Each rater's scores: the 编办 that runs the round (a district 编办 its own district's rounds).
  const bianban = can(user, "evaluation.raterDetail") && roundInArea(user, round);
  const indicators = await roundIndicators(prisma, roundId);
  if (bianban) {
    const live = round.status !== "PUBLISHED";
    const results = live
      ? (await computeResults(prisma, roundId)).results.map((r) => ({ unitId: r.unitId, unitName: r.name, side: r.side, total: r.total, rank: r.rank, rankOf: r.rankOf, raterCount: r.raterCount, indicators: r.indicators }))
      : await publishedResults(roundId);
    const flagged = await flaggedRaters(prisma, roundId);
    const raters = detailUnitId ? await raterScores(roundId, detailUnitId) : null;
    return { round, indicators, results, flagged, raters, comments: null, scope: "ALL" as const, live, detail: true };
  }
  if (round.status !== "PUBLISHED") return { round, indicators, results: [], flagged: null, raters: null, comments: null, scope: "NONE" as const, live: false, detail: false };
  if (user.area) {
    // A district 编办 reads the published results of its own district's units (lib/auth/scope.ts).
    const ids = user.area.unitIds;
    const results = (await publishedResults(roundId)).filter((r) => ids.includes(r.unitId));
    return { round, indicators, results, flagged: null, raters: null, comments: null, scope: "ALL" as const, live: false, detail: false };
  }
  const all = can(user, "evaluation.results", { type: "evaluationUnit", unitId: -1, roundStatus: "PUBLISHED" });
  const results = await publishedResults(roundId, all ? undefined : user.unitId);
  // A rated unit reads what was written about it, never by whom.
  const comments = !all && results.length ? await commentsAbout(roundId, user.unitId) : null;
  return { round, indicators, results, flagged: null, raters: null, comments, scope: all ? ("ALL" as const) : ("OWN" as const), live: false, detail: false };
}

/** Every rater's scores of the round, for 编办's export. */
export async function allRaterScores(roundId: number, indicatorIds: number[]) {
  const rows = await prisma.$queryRaw<{ ratee: string; rater: string; comment: string | null; indicatorId: number | null; value: number | null }[]>`
    SELECT t.name AS ratee, r.name AS rater, p.comment, s.indicator_id AS "indicatorId", s.value
    FROM evaluation_pair p
    JOIN org_unit t ON t.id = p.ratee_unit_id
    JOIN org_unit r ON r.id = p.rater_unit_id
    LEFT JOIN evaluation_score s ON s.round_id = p.round_id AND s.rater_unit_id = p.rater_unit_id AND s.ratee_unit_id = p.ratee_unit_id
    WHERE p.round_id = ${roundId}
    ORDER BY t.sort_order, t.id, r.sort_order, r.id`;
  const out = new Map<string, { ratee: string; rater: string; comment: string | null; scores: (number | null)[] }>();
  for (const row of rows) {
    const key = `${row.ratee}\u0000${row.rater}`;
    const e = out.get(key) ?? { ratee: row.ratee, rater: row.rater, comment: row.comment, scores: indicatorIds.map(() => null) };
    const at = row.indicatorId == null ? -1 : indicatorIds.indexOf(row.indicatorId);
    if (at >= 0) e.scores[at] = row.value;
    out.set(key, e);
  }
  return [...out.values()];
}

/** The user's unit's sheet in a round, or null when the unit does not rate in it. */
export async function ownSheet(roundId: number, unitId: number) {
  return prisma.evaluationSheet.findUnique({ where: { roundId_raterUnitId: { roundId, raterUnitId: unitId } }, select: { id: true } });
}

/** A rater's form page: the round, the unit's sheet, its counterparts and scores, and the indicators' descriptions. */
export async function raterPage(roundId: number, raterUnitId: number) {
  const round = await prisma.evaluationRound.findUnique({ where: { id: roundId }, select: { id: true, title: true, status: true, closesOn: true } });
  if (!round) return null;
  const form = await raterForm(prisma, roundId, raterUnitId);
  const descriptions = await prisma.evaluationIndicator.findMany({ where: { roundId, source: "RATED" }, select: { id: true, description: true } });
  const indicators = form.indicators
    .filter((i) => i.source === "RATED")
    .map((i) => ({ ...i, description: descriptions.find((d) => d.id === i.id)?.description ?? "" }));
  return { round, ...form, indicators };
}

export { evaluationTodos } from "./todo";
