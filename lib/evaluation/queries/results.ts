// Reads shared by pages, commands (publishing) and the benchmark. The database is passed in, so
// this file has no "server-only" guard: scripts/bench/evaluation.ts runs it outside Next.js.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { loadCalendarFrom } from "@/lib/calendar/load";
import { unitStats } from "@/lib/dispatch/state";
import { aggregate, raterFlags, type Cell, type IndicatorDef, type RaterFlag, type Ratee, type Side } from "../aggregate";
import { dayStart } from "@/lib/dates";

type Db = PrismaClient | Tx;

export const otherSide = (side: Side): Side => (side === "STREET" ? "DEPARTMENT" : "STREET");

export async function roundIndicators(db: Db, roundId: number): Promise<IndicatorDef[]> {
  return db.evaluationIndicator.findMany({
    where: { roundId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, weight: true, scaleMin: true, scaleMax: true, source: true },
  });
}

/** Every ratee of the round with its side (the opposite of its raters'). */
export async function roundRatees(db: Db, roundId: number): Promise<Ratee[]> {
  const rows = await db.$queryRaw<{ id: number; name: string; side: Side }[]>`
    SELECT u.id, u.name, CASE WHEN p.side = 'STREET' THEN 'DEPARTMENT' ELSE 'STREET' END AS side
    FROM (SELECT DISTINCT ratee_unit_id, side FROM evaluation_pair WHERE round_id = ${roundId}) p
    JOIN org_unit u ON u.id = p.ratee_unit_id`;
  return rows;
}

/** Count, sum, min and max per ratee × indicator over submitted sheets: one pass, set-based. */
export async function scoreCells(db: Db, roundId: number): Promise<Cell[]> {
  return db.$queryRaw<Cell[]>`
    SELECT s.ratee_unit_id AS "rateeUnitId", s.indicator_id AS "indicatorId", count(*)::int AS n,
           sum(s.value)::float8 AS sum, min(s.value)::int AS min, max(s.value)::int AS max
    FROM evaluation_score s
    JOIN evaluation_sheet h ON h.round_id = s.round_id AND h.rater_unit_id = s.rater_unit_id AND h.status = 'SUBMITTED'
    WHERE s.round_id = ${roundId}
    GROUP BY 1, 2`;
}

/** Each unit's on-time share of its dispatched cases in the round's year, for DISPATCH indicators. */
export async function objectiveShares(db: Db, year: number, ratees: Ratee[]): Promise<Map<number, number>> {
  const from = dayStart(`${year}-01-01`);
  const to = dayStart(`${year + 1}-01-01`);
  const cases = await db.dispatch.findMany({
    where: { reportedAt: { gte: from, lt: to } },
    select: { streetId: true, departmentId: true, direction: true, status: true, reportedAt: true, reportLate: true, acceptDueOn: true, acceptedAt: true, replyDueOn: true, repliedAt: true, escalatedAt: true },
  });
  const out = new Map<number, number>();
  if (!cases.length) return out;
  const calendar = await loadCalendarFrom(db);
  for (const r of ratees) {
    const mine = cases.filter((c) => (r.side === "STREET" ? c.streetId === r.id : c.departmentId === r.id));
    const s = unitStats(r.side, mine, calendar);
    if (s.overdueRate != null) out.set(r.id, 1 - s.overdueRate);
  }
  return out;
}

/** The live results of a round (what publishing snapshots). */
export async function computeResults(db: Db, roundId: number) {
  const round = await db.evaluationRound.findUniqueOrThrow({ where: { id: roundId }, select: { year: true, trimmed: true } });
  // In turn: publishing calls this with its transaction, whose one connection runs one query at a time.
  const indicators = await roundIndicators(db, roundId);
  const ratees = await roundRatees(db, roundId);
  const cells = await scoreCells(db, roundId);
  const objective = indicators.some((i) => i.source === "DISPATCH") ? await objectiveShares(db, round.year, ratees) : undefined;
  return { indicators, results: aggregate({ indicators, ratees, cells, trimmed: round.trimmed, objective }) };
}

export type FlaggedRater = { raterUnitId: number; name: string; count: number; flags: RaterFlag[] };

/** Raters whose scores are all identical or all at an end of the scale (submitted or not). */
export async function flaggedRaters(db: Db, roundId: number): Promise<FlaggedRater[]> {
  const rows = await db.$queryRaw<{ raterUnitId: number; name: string; count: number; identical: boolean; extremes: number }[]>`
    SELECT s.rater_unit_id AS "raterUnitId", u.name, count(*)::int AS count, (min(s.value) = max(s.value)) AS identical,
           (count(*) FILTER (WHERE s.value = i.scale_min OR s.value = i.scale_max))::int AS extremes
    FROM evaluation_score s
    JOIN evaluation_indicator i ON i.id = s.indicator_id
    JOIN org_unit u ON u.id = s.rater_unit_id
    WHERE s.round_id = ${roundId}
    GROUP BY s.rater_unit_id, u.name`;
  return rows
    .map((r) => ({ raterUnitId: r.raterUnitId, name: r.name, count: r.count, flags: raterFlags({ count: r.count, distinct: r.identical ? 1 : 2, extremes: r.extremes }) }))
    .filter((r) => r.flags.length > 0);
}

/** A rater's form: counterparts, indicators, its saved scores and comments. */
export async function raterForm(db: Db, roundId: number, raterUnitId: number) {
  const [sheet, indicators, pairs, scores] = await Promise.all([
    db.evaluationSheet.findUnique({ where: { roundId_raterUnitId: { roundId, raterUnitId } }, select: { status: true, side: true, extendedTo: true, submittedAt: true, submittedByName: true } }),
    roundIndicators(db, roundId),
    db.$queryRaw<{ rateeUnitId: number; name: string; comment: string | null }[]>`
      SELECT p.ratee_unit_id AS "rateeUnitId", u.name, p.comment
      FROM evaluation_pair p JOIN org_unit u ON u.id = p.ratee_unit_id
      WHERE p.round_id = ${roundId} AND p.rater_unit_id = ${raterUnitId}
      ORDER BY u.sort_order, u.id`,
    db.evaluationScore.findMany({ where: { roundId, raterUnitId }, select: { rateeUnitId: true, indicatorId: true, value: true } }),
  ]);
  return { sheet, indicators, pairs, scores };
}
