import type { z } from "zod";
import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { EvaluationRoundStatus } from "@/lib/generated/prisma/enums";
import { dayOfDbDate as day, dbDate, today } from "@/lib/dates";
import { notifyUnits } from "@/lib/notifications/commands";
import { weightsValid, round2 } from "./aggregate";
import { computeResults } from "./queries/results";
import { ROUND_STATUS_LABELS, sheetDeadline } from "./labels";
import { participants } from "./queries/participants";
import {
  DEFAULT_INDICATORS,
  parseScore,
  PAIR_DIRECTION_LABELS,
  type bulkPairsSchema,
  type createEvaluationRoundSchema,
  type deadlineSchema,
  type extendSheetSchema,
  type unitPairsSchema,
  type remindSchema,
  type evaluationRoundIdSchema,
  type SaveScoresInput,
  type saveIndicatorsSchema,
} from "./schema";
import { assertFresh } from "@/lib/edit-stamp";
import { areaOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { roundInArea } from "./policy";

type Ctx = CommandContext;

/**
 * The round, in one of `statuses`. With `manager`, the round must be one it runs: a district 编办
 * runs its own district's rounds only, the city 编办 every round.
 */
async function expectRound(tx: Tx, manager: SessionUser | null, id: number, ...statuses: EvaluationRoundStatus[]) {
  const r = await tx.evaluationRound.findUnique({ where: { id } });
  if (!r) throw new AppError("NOT_FOUND");
  if (manager && !roundInArea(manager, r)) throw new AppError("FORBIDDEN", "该考评不是本辖区的考评，区县编办只能管理本辖区的考评。");
  if (statuses.length && !statuses.includes(r.status)) throw new AppError("INVALID_STATE", `该考评当前为「${ROUND_STATUS_LABELS[r.status]}」，不能进行此操作。`);
  return r;
}



/** Rebuilds the sheets from the pairs: one per rater unit. */
async function syncSheets(tx: Tx, roundId: number) {
  await tx.$executeRaw`DELETE FROM evaluation_sheet s WHERE s.round_id = ${roundId} AND NOT EXISTS (SELECT 1 FROM evaluation_pair p WHERE p.round_id = s.round_id AND p.rater_unit_id = s.rater_unit_id)`;
  await tx.$executeRaw`
    INSERT INTO evaluation_sheet (round_id, rater_unit_id, side, status, updated_at)
    SELECT DISTINCT ${roundId}::int, p.rater_unit_id, p.side, 'DRAFT'::"EvaluationSheetStatus", now() FROM evaluation_pair p WHERE p.round_id = ${roundId}
    ON CONFLICT (round_id, rater_unit_id) DO NOTHING`;
}

/**
 * The default pairs: each street (township) and each department of its own district or of a unit
 * above it (a city department and every street of the city), both ways. A department with no
 * parent unit is related to every street. Set-based: 1,300 streets x 50 departments at once.
 */
async function addRelatedPairs(tx: Tx, roundId: number, streetIds: number[], departmentIds: number[]) {
  return tx.$executeRaw`
    WITH RECURSIVE up (street_id, ancestor_id) AS (
      SELECT s.id, s.parent_id FROM org_unit s WHERE s.id = ANY(${streetIds}::int[]) AND s.parent_id IS NOT NULL
      UNION
      SELECT up.street_id, u.parent_id FROM up JOIN org_unit u ON u.id = up.ancestor_id WHERE u.parent_id IS NOT NULL
    ), related AS (
      SELECT s.id AS street_id, d.id AS department_id
      FROM unnest(${streetIds}::int[]) AS s(id)
      CROSS JOIN org_unit d
      WHERE d.id = ANY(${departmentIds}::int[])
        AND (d.parent_id IS NULL OR EXISTS (SELECT 1 FROM up WHERE up.street_id = s.id AND up.ancestor_id = d.parent_id))
    )
    INSERT INTO evaluation_pair (round_id, rater_unit_id, ratee_unit_id, side)
    SELECT ${roundId}::int, street_id, department_id, 'STREET'::"EvaluationSide" FROM related
    UNION ALL
    SELECT ${roundId}::int, department_id, street_id, 'DEPARTMENT'::"EvaluationSide" FROM related
    ON CONFLICT (round_id, rater_unit_id, ratee_unit_id) DO NOTHING`;
}

async function pairTotals(tx: Tx, roundId: number) {
  const rows = await tx.evaluationPair.groupBy({ by: ["side"], where: { roundId }, _count: { _all: true } });
  const of = (side: string) => rows.find((r) => r.side === side)?._count._all ?? 0;
  return { street: of("STREET"), department: of("DEPARTMENT") };
}

export async function createEvaluationRound(input: z.infer<typeof createEvaluationRoundSchema>, { tx, user, audit }: Ctx) {
  if (input.closesOn < today()) throw new AppError("VALIDATION", undefined, { closesOn: "截止日期不能早于今天" });
  // A district 编办's round covers its own district; the city 编办's the whole city.
  const areaUnitId = areaOf(user)?.districtId ?? null;
  // One round a year for the city and one for each district: a second would split the year's
  // ratings between two rounds. The lock lets two people creating the same year at once see each
  // other's round (the unique indexes refuse it in any case).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`qingdan.evaluation-year:${input.year}:${areaUnitId ?? "city"}`}))`;
  const existing = await tx.evaluationRound.findFirst({ where: { year: input.year, areaUnitId }, select: { title: true } });
  if (existing) {
    const message = `${input.year} 年度已有考评「${existing.title}」，每个年度只能有一轮双向考评。`;
    throw new AppError("DUPLICATE", message, { year: message });
  }
  const round = await tx.evaluationRound.create({
    data: { year: input.year, title: input.title, closesOn: dbDate(input.closesOn), trimmed: input.trimmed, createdByName: user.displayName, areaUnitId },
  });
  await tx.evaluationIndicator.createMany({ data: DEFAULT_INDICATORS.map((d, i) => ({ ...d, roundId: round.id, sortOrder: i + 1 })) });
  const { streets, departments } = await participants(tx, areaUnitId);
  await addRelatedPairs(tx, round.id, streets.map((s) => s.id), departments.map((d) => d.id));
  await syncSheets(tx, round.id);
  const pairs = await pairTotals(tx, round.id);
  await audit({ action: "evaluation.round.create", subjectType: "evaluationRound", subjectId: round.id, after: { ...input, areaUnitId, indicators: DEFAULT_INDICATORS.map((d) => d.name), pairs: pairs.street + pairs.department } });
  return { id: round.id };
}

/** The names of the units that are not among a round's participants, for a refusal that names them. */
async function outsiders(tx: Tx, ids: number[], allowed: Set<number>) {
  const out = ids.filter((id) => !allowed.has(id));
  if (!out.length) return [];
  return (await tx.orgUnit.findMany({ where: { id: { in: out } }, select: { name: true }, orderBy: { id: "asc" } })).map((u) => u.name);
}

/** A district round's own district, for messages ("不在东湖区内"). */
async function areaName(tx: Tx, round: { areaUnitId: number | null }) {
  if (round.areaUnitId == null) return "本市";
  return (await tx.orgUnit.findUnique({ where: { id: round.areaUnitId }, select: { name: true } }))?.name ?? "本辖区";
}

/** A round still being set up can be deleted (a wrong year or title), freeing its year. */
export async function deleteDraftEvaluationRound(input: z.infer<typeof evaluationRoundIdSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "DRAFT");
  const pairs = await pairTotals(tx, round.id);
  // Indicators, pairs and sheets go with it (ON DELETE CASCADE); a draft has no scores yet.
  await tx.evaluationRound.delete({ where: { id: round.id } });
  await audit({ action: "evaluation.round.delete", subjectType: "evaluationRound", subjectId: round.id, before: { year: round.year, title: round.title, status: round.status, pairs: pairs.street + pairs.department } });
  return { id: round.id };
}

export async function saveIndicators(input: z.infer<typeof saveIndicatorsSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "DRAFT");
  await assertFresh(tx, "evaluation_round", round.id, input.expectedStamp);
  // The indicators are the round's content: saving them moves the round's stamp on.
  await tx.evaluationRound.update({ where: { id: round.id }, data: { updatedAt: new Date() } });
  const before = await tx.evaluationIndicator.findMany({ where: { roundId: round.id }, orderBy: { sortOrder: "asc" } });
  await tx.evaluationIndicator.deleteMany({ where: { roundId: round.id } });
  await tx.evaluationIndicator.createMany({
    data: input.indicators.map((i, n) => ({ roundId: round.id, name: i.name, description: i.description, weight: i.weight, scaleMin: i.scaleMin, scaleMax: i.scaleMax, source: i.source, sortOrder: n + 1 })),
  });
  await audit({ action: "evaluation.indicators.save", subjectType: "evaluationRound", subjectId: round.id, before, after: input.indicators });
  return { count: input.indicators.length };
}

/** The streets (townships) under a unit: a district, or a city. */
async function streetsUnder(tx: Tx, unitId: number): Promise<Set<number>> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE down (id) AS (
      SELECT id FROM org_unit WHERE parent_id = ${unitId}
      UNION
      SELECT u.id FROM org_unit u JOIN down ON u.parent_id = down.id
    )
    SELECT id FROM down`;
  return new Set(rows.map((r) => r.id));
}

/** 编办 adds or removes the pairs between the streets of a district (or all) and a department (or all). */
export async function changePairs(input: z.infer<typeof bulkPairsSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "DRAFT");
  const { streets, departments } = await participants(tx, round.areaUnitId);
  let streetIds = streets.map((s) => s.id);
  if (input.districtId != null) {
    const district = await tx.orgUnit.findUnique({ where: { id: input.districtId }, select: { kind: true, name: true } });
    if (!district || !["DISTRICT", "CITY"].includes(district.kind)) throw new AppError("VALIDATION", "请选择一个区县。", { districtId: "请选择一个区县" });
    if (round.areaUnitId != null && input.districtId !== round.areaUnitId) {
      const message = `${district.name}不在本轮考评的范围（${await areaName(tx, round)}）内。`;
      throw new AppError("VALIDATION", message, { districtId: message });
    }
    const under = await streetsUnder(tx, input.districtId);
    streetIds = streetIds.filter((id) => under.has(id));
    if (!streetIds.length) throw new AppError("VALIDATION", `${district.name}没有参加考评的街道（乡镇）。`, { districtId: "该区县没有参加考评的街道（乡镇）" });
  }
  let departmentIds = departments.map((d) => d.id);
  if (input.departmentId != null) {
    if (!departmentIds.includes(input.departmentId)) {
      const [name] = await outsiders(tx, [input.departmentId], new Set());
      const message = name ? `${name}不是本轮考评（${await areaName(tx, round)}）的参评部门。` : "请选择一个参加考评的部门。";
      throw new AppError("VALIDATION", message, { departmentId: message });
    }
    departmentIds = [input.departmentId];
  }
  const sides = input.direction === "BOTH" ? ["STREET", "DEPARTMENT"] : [input.direction];
  const changed =
    input.op === "add"
      ? await tx.$executeRaw`
          INSERT INTO evaluation_pair (round_id, rater_unit_id, ratee_unit_id, side)
          SELECT ${round.id}::int, CASE WHEN x.side = 'STREET' THEN s.id ELSE d.id END, CASE WHEN x.side = 'STREET' THEN d.id ELSE s.id END, x.side::"EvaluationSide"
          FROM unnest(${streetIds}::int[]) AS s(id) CROSS JOIN unnest(${departmentIds}::int[]) AS d(id) CROSS JOIN unnest(${sides}::text[]) AS x(side)
          ON CONFLICT (round_id, rater_unit_id, ratee_unit_id) DO NOTHING`
      : await tx.$executeRaw`
          DELETE FROM evaluation_pair p
          WHERE p.round_id = ${round.id}
            AND ((p.side = 'STREET' AND 'STREET' = ANY(${sides}::text[]) AND p.rater_unit_id = ANY(${streetIds}::int[]) AND p.ratee_unit_id = ANY(${departmentIds}::int[]))
              OR (p.side = 'DEPARTMENT' AND 'DEPARTMENT' = ANY(${sides}::text[]) AND p.rater_unit_id = ANY(${departmentIds}::int[]) AND p.ratee_unit_id = ANY(${streetIds}::int[])))`;
  await syncSheets(tx, round.id);
  const totals = await pairTotals(tx, round.id);
  await audit({
    action: "evaluation.pairs.change",
    subjectType: "evaluationRound",
    subjectId: round.id,
    after: { op: input.op, direction: PAIR_DIRECTION_LABELS[input.direction], districtId: input.districtId, departmentId: input.departmentId, changed, ...totals },
  });
  return { changed, considered: streetIds.length * departmentIds.length * sides.length, ...totals };
}

/** 编办 sets whom one unit rates, or who rates it; the unit's pairs the other way stay as they are. */
export async function setUnitPairs(input: z.infer<typeof unitPairsSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "DRAFT");
  const { streets, departments } = await participants(tx, round.areaUnitId);
  const isStreet = streets.some((s) => s.id === input.unitId);
  if (!isStreet && !departments.some((d) => d.id === input.unitId)) {
    const [name] = await outsiders(tx, [input.unitId], new Set());
    throw new AppError("VALIDATION", name ? `${name}不参加本轮考评（${await areaName(tx, round)}）。` : "该单位不参加考评。");
  }
  const candidates = new Set((isStreet ? departments : streets).map((u) => u.id));
  const wanted = [...new Set(input.counterpartIds)];
  if (wanted.some((id) => !candidates.has(id))) {
    // Units of the round that sit on the same side, or units outside it: name the outsiders.
    const everyone = new Set([...streets, ...departments].map((u) => u.id));
    const names = await outsiders(tx, wanted, everyone);
    const message = names.length
      ? `${names.slice(0, 5).join("、")}${names.length > 5 ? "等" : ""}不参加本轮考评（${await areaName(tx, round)}），不能设为评价关系。`
      : "评价关系只能是街道（乡镇）评部门或部门评街道（乡镇）。";
    throw new AppError("VALIDATION", message, { counterpartIds: names.length ? message : "包含无效的评价关系" });
  }
  const rates = input.direction === "RATES";
  // The side is the rater's: a street rating, or a department rating.
  const side = rates === isStreet ? "STREET" : "DEPARTMENT";
  const mine = rates ? { raterUnitId: input.unitId } : { rateeUnitId: input.unitId };
  const before = await tx.evaluationPair.count({ where: { roundId: round.id, ...mine } });
  const removed = await tx.evaluationPair.deleteMany({
    where: { roundId: round.id, ...mine, ...(rates ? { rateeUnitId: { notIn: wanted } } : { raterUnitId: { notIn: wanted } }) },
  });
  const added = await tx.evaluationPair.createMany({
    data: wanted.map((other) => ({ roundId: round.id, raterUnitId: rates ? input.unitId : other, rateeUnitId: rates ? other : input.unitId, side })),
    skipDuplicates: true,
  });
  await syncSheets(tx, round.id);
  await audit({
    action: "evaluation.pairs.unit",
    subjectType: "evaluationRound",
    subjectId: round.id,
    before: { unitId: input.unitId, direction: input.direction, pairs: before },
    after: { unitId: input.unitId, direction: input.direction, pairs: wanted.length, added: added.count, removed: removed.count },
  });
  return { added: added.count, removed: removed.count, pairs: wanted.length };
}

/** 编办 goes back to the default: every related street and department, both ways. */
export async function resetPairs(input: z.infer<typeof evaluationRoundIdSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "DRAFT");
  const before = await pairTotals(tx, round.id);
  await tx.evaluationPair.deleteMany({ where: { roundId: round.id } });
  const { streets, departments } = await participants(tx, round.areaUnitId);
  await addRelatedPairs(tx, round.id, streets.map((s) => s.id), departments.map((d) => d.id));
  await syncSheets(tx, round.id);
  const after = await pairTotals(tx, round.id);
  await audit({ action: "evaluation.pairs.reset", subjectType: "evaluationRound", subjectId: round.id, before, after });
  return after;
}

export async function setDeadline(input: z.infer<typeof deadlineSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "DRAFT", "OPEN");
  await assertFresh(tx, "evaluation_round", round.id, input.expectedStamp);
  if (input.closesOn < today()) throw new AppError("VALIDATION", undefined, { closesOn: "截止日期不能早于今天" });
  await tx.evaluationRound.update({ where: { id: round.id }, data: { closesOn: dbDate(input.closesOn) } });
  await audit({ action: "evaluation.deadline.set", subjectType: "evaluationRound", subjectId: round.id, before: { closesOn: day(round.closesOn) }, after: { closesOn: input.closesOn } });
  if (round.status === "OPEN") {
    const sheets = await tx.evaluationSheet.findMany({ where: { roundId: round.id, status: "DRAFT" }, select: { raterUnitId: true } });
    await notifyUnits(tx, sheets.map((s) => s.raterUnitId), { title: `${round.title}：评分截止日期调整为 ${input.closesOn}`, body: "请在新的截止日期前完成评分并提交。", href: `/evaluation/${round.id}/rate` }, ["STREET", "DEPARTMENT"]);
  }
  return { closesOn: input.closesOn };
}

export async function openEvaluationRound(input: z.infer<typeof evaluationRoundIdSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "DRAFT");
  const indicators = await tx.evaluationIndicator.findMany({ where: { roundId: round.id } });
  if (!weightsValid(indicators)) throw new AppError("VALIDATION", `各指标权重之和应为 100，当前为 ${indicators.reduce((n, i) => n + i.weight, 0)}，请先调整指标。`);
  if (!indicators.some((i) => i.source === "RATED")) throw new AppError("VALIDATION", "至少需要一个由各单位评分的指标。");
  const sheets = await tx.evaluationSheet.findMany({ where: { roundId: round.id }, select: { raterUnitId: true } });
  if (!sheets.length) throw new AppError("VALIDATION", "还没有评价关系，请先设置谁评价谁。");
  if (day(round.closesOn) < today()) throw new AppError("VALIDATION", "截止日期已过，请先修改截止日期。");
  await tx.evaluationRound.update({ where: { id: round.id }, data: { status: "OPEN", openedAt: new Date() } });
  const notified = await notifyUnits(
    tx,
    sheets.map((s) => s.raterUnitId),
    { title: `${round.title}已开始评分`, body: `请在 ${day(round.closesOn)} 前完成评分并提交。`, href: `/evaluation/${round.id}/rate` },
    ["STREET", "DEPARTMENT"],
  );
  await audit({ action: "evaluation.round.open", subjectType: "evaluationRound", subjectId: round.id, after: { raters: sheets.length, notified } });
  return { raters: sheets.length };
}

async function writableSheet(tx: Tx, roundId: number, raterUnitId: number) {
  const round = await expectRound(tx, null, roundId, "OPEN");
  const sheet = await tx.evaluationSheet.findUnique({ where: { roundId_raterUnitId: { roundId, raterUnitId } } });
  if (!sheet) throw new AppError("FORBIDDEN", "本单位不是该考评的评价单位。");
  if (sheet.status === "SUBMITTED") throw new AppError("LOCKED", "本单位的评分已提交并锁定，不能再修改。");
  if (sheetDeadline(round, sheet) < today()) throw new AppError("INVALID_STATE", `评分已于 ${sheetDeadline(round, sheet)} 截止；如需补评，请联系编办延期。`);
  return { round, sheet };
}

/** Saves the given cells and comments of the user's own sheet (a draft; nothing is locked). */
export async function saveScores(input: SaveScoresInput, { tx, user, audit }: Ctx, action: "evaluation.scores.save" | "evaluation.scores.saveBeforeSubmit" = "evaluation.scores.save") {
  const { round, sheet } = await writableSheet(tx, input.roundId, user.unitId);
  // One transaction runs one query at a time: awaited in turn, not in Promise.all.
  const indicators = await tx.evaluationIndicator.findMany({ where: { roundId: round.id, source: "RATED" }, select: { id: true, name: true, scaleMin: true, scaleMax: true } });
  const pairs = await tx.evaluationPair.findMany({ where: { roundId: round.id, raterUnitId: user.unitId }, select: { rateeUnitId: true } });
  const indById = new Map(indicators.map((i) => [i.id, i]));
  const ratees = new Set(pairs.map((p) => p.rateeUnitId));
  const fieldErrors: Record<string, string> = {};
  const values: { rateeUnitId: number; indicatorId: number; value: number }[] = [];
  const touched = new Set<number>();
  for (const c of input.cells) {
    const ind = indById.get(c.indicatorId);
    const key = `cell.${c.rateeUnitId}.${c.indicatorId}`;
    if (!ind || !ratees.has(c.rateeUnitId)) {
      fieldErrors[key] = "该单位或指标不在本单位的评分范围内";
      continue;
    }
    const parsed = parseScore(c.value, ind);
    if (!parsed.ok) fieldErrors[key] = `${ind.name}：${parsed.message}`;
    else if (parsed.value != null) values.push({ rateeUnitId: c.rateeUnitId, indicatorId: c.indicatorId, value: parsed.value });
    touched.add(c.rateeUnitId);
  }
  for (const c of input.comments) if (!ratees.has(c.rateeUnitId)) fieldErrors[`comment.${c.rateeUnitId}`] = "该单位不在本单位的评分范围内";
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", `有 ${Object.keys(fieldErrors).length} 处评分有误，请按提示修改后再保存。`, fieldErrors);

  const cellKeys = input.cells.filter((c) => indById.has(c.indicatorId)).map((c) => [c.rateeUnitId, c.indicatorId] as const);
  if (cellKeys.length) {
    // The cells sent replace what was saved for them; empty cells clear a saved score.
    await tx.$executeRaw`
      DELETE FROM evaluation_score s USING unnest(${cellKeys.map((k) => k[0])}::int[], ${cellKeys.map((k) => k[1])}::int[]) AS k(ratee, indicator)
      WHERE s.round_id = ${round.id} AND s.rater_unit_id = ${user.unitId} AND s.ratee_unit_id = k.ratee AND s.indicator_id = k.indicator`;
  }
  if (values.length) await tx.evaluationScore.createMany({ data: values.map((v) => ({ ...v, roundId: round.id, raterUnitId: user.unitId })) });
  for (const c of input.comments) {
    await tx.evaluationPair.update({ where: { roundId_raterUnitId_rateeUnitId: { roundId: round.id, raterUnitId: user.unitId, rateeUnitId: c.rateeUnitId } }, data: { comment: c.comment || null } });
  }
  await tx.evaluationSheet.update({ where: { id: sheet.id }, data: { updatedAt: new Date() } });
  await audit({ action, subjectType: "evaluationSheet", subjectId: sheet.id, after: { roundId: round.id, counterparts: touched.size, scores: values.length, comments: input.comments.length } });
  return { saved: values.length, round, sheet, indicators, ratees };
}

/** Saves, checks every cell is scored, and locks the sheet. */
export async function submitSheet(input: SaveScoresInput, ctx: Ctx) {
  const { round, sheet, indicators, ratees } = await saveScores(input, ctx, "evaluation.scores.saveBeforeSubmit");
  const have = await ctx.tx.evaluationScore.count({ where: { roundId: round.id, raterUnitId: ctx.user.unitId, indicator: { source: "RATED" } } });
  const need = indicators.length * ratees.size;
  if (have < need) throw new AppError("VALIDATION", `还有 ${need - have} 项评分未填写，全部填写后才能提交。`);
  const now = new Date();
  await ctx.tx.evaluationSheet.update({ where: { id: sheet.id }, data: { status: "SUBMITTED", submittedAt: now, submittedByName: ctx.user.displayName } });
  await ctx.audit({ action: "evaluation.sheet.submit", subjectType: "evaluationSheet", subjectId: sheet.id, after: { roundId: round.id, scores: have, submittedAt: now } });
  return { submitted: true };
}

export async function remind(input: z.infer<typeof remindSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "OPEN");
  const sheets = await tx.evaluationSheet.findMany({
    where: { roundId: round.id, status: "DRAFT", ...(input.raterUnitIds ? { raterUnitId: { in: input.raterUnitIds } } : {}) },
    select: { id: true, raterUnitId: true, extendedTo: true },
  });
  if (!sheets.length) throw new AppError("INVALID_STATE", "没有需要催办的单位：所选单位均已提交。");
  let notified = 0;
  for (const s of sheets) {
    notified += await notifyUnits(
      tx,
      [s.raterUnitId],
      { title: `催办：请完成${round.title}评分`, body: `本单位尚未提交评分，截止日期 ${sheetDeadline(round, s)}。`, href: `/evaluation/${round.id}/rate` },
      ["STREET", "DEPARTMENT"],
    );
  }
  await tx.evaluationSheet.updateMany({ where: { id: { in: sheets.map((s) => s.id) } }, data: { remindedAt: new Date() } });
  await audit({ action: "evaluation.remind", subjectType: "evaluationRound", subjectId: round.id, after: { units: sheets.map((s) => s.raterUnitId), notified } });
  return { units: sheets.length, notified };
}

export async function extendSheet(input: z.infer<typeof extendSheetSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "OPEN");
  const sheet = await tx.evaluationSheet.findUnique({ where: { roundId_raterUnitId: { roundId: round.id, raterUnitId: input.raterUnitId } } });
  if (!sheet) throw new AppError("NOT_FOUND");
  if (sheet.status === "SUBMITTED") throw new AppError("INVALID_STATE", "该单位已提交评分，无需延期。");
  if (input.extendedTo < today()) throw new AppError("VALIDATION", undefined, { extendedTo: "延期日期不能早于今天" });
  if (input.extendedTo <= day(round.closesOn)) throw new AppError("VALIDATION", undefined, { extendedTo: `延期日期应晚于考评截止日期 ${day(round.closesOn)}` });
  await tx.evaluationSheet.update({ where: { id: sheet.id }, data: { extendedTo: dbDate(input.extendedTo) } });
  await notifyUnits(tx, [sheet.raterUnitId], { title: `${round.title}：本单位评分延期至 ${input.extendedTo}`, body: "请在延期日期前完成评分并提交。", href: `/evaluation/${round.id}/rate` }, ["STREET", "DEPARTMENT"]);
  await audit({ action: "evaluation.sheet.extend", subjectType: "evaluationSheet", subjectId: sheet.id, before: { extendedTo: sheet.extendedTo ? day(sheet.extendedTo) : null }, after: { extendedTo: input.extendedTo } });
  return { extendedTo: input.extendedTo };
}

export async function closeEvaluationRound(input: z.infer<typeof evaluationRoundIdSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "OPEN");
  const submitted = await tx.evaluationSheet.count({ where: { roundId: round.id, status: "SUBMITTED" } });
  const total = await tx.evaluationSheet.count({ where: { roundId: round.id } });
  await tx.evaluationRound.update({ where: { id: round.id }, data: { status: "CLOSED", closedAt: new Date() } });
  await audit({ action: "evaluation.round.close", subjectType: "evaluationRound", subjectId: round.id, after: { submitted, total } });
  return { submitted, total };
}

/** Snapshots the results and tells every participant: the published record never changes. */
export async function publishEvaluationRound(input: z.infer<typeof evaluationRoundIdSchema>, { tx, user, audit }: Ctx) {
  const round = await expectRound(tx, user, input.roundId, "CLOSED");
  const { results } = await computeResults(tx, round.id);
  const ranked = results.filter((r) => r.total != null);
  if (!ranked.length) throw new AppError("INVALID_STATE", "还没有任何单位提交评分，无法公布结果。");
  await tx.evaluationResult.createMany({
    data: ranked.map((r) => ({
      roundId: round.id,
      unitId: r.unitId,
      unitName: r.name,
      side: r.side,
      total: round2(r.total!),
      rank: r.rank!,
      rankOf: r.rankOf,
      raterCount: r.raterCount,
      indicators: r.indicators.map((i) => ({ indicatorId: i.indicatorId, name: i.name, mean: i.mean == null ? null : round2(i.mean), share: i.share, weighted: round2(i.weighted), applicable: i.applicable, weight: round2(i.weight) })),
    })),
  });
  await tx.evaluationRound.update({ where: { id: round.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  await notifyUnits(tx, ranked.map((r) => r.unitId), { title: `${round.title}结果已公布`, body: "可查看本单位的得分和排名。", href: `/evaluation/${round.id}/results` }, ["STREET", "DEPARTMENT"]);
  await audit({ action: "evaluation.round.publish", subjectType: "evaluationRound", subjectId: round.id, after: { units: ranked.length, top: ranked.filter((r) => r.rank === 1).map((r) => `${r.name} ${round2(r.total!)}`) } });
  return { units: ranked.length };
}
