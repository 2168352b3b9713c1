import type { z } from "zod";
import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { EvaluationRoundStatus, EvaluationSide } from "@/lib/generated/prisma/enums";
import { dbDate, toDay } from "@/lib/calendar/workdays";
import { notifyUnits } from "@/lib/notifications/commands";
import { weightsValid, round2 } from "./aggregate";
import { computeResults } from "./read-model";
import {
  DEFAULT_INDICATORS,
  parseScore,
  type createRoundSchema,
  type deadlineSchema,
  type extendSheetSchema,
  type pairsSchema,
  type remindSchema,
  type roundIdSchema,
  type SaveScoresInput,
  type saveIndicatorsSchema,
} from "./schema";

type Ctx = CommandContext;

export const ROUND_STATUS_LABELS: Record<EvaluationRoundStatus, string> = { DRAFT: "设置中", OPEN: "评分中", CLOSED: "已截止", PUBLISHED: "已公布" };

async function expectRound(tx: Tx, id: number, ...statuses: EvaluationRoundStatus[]) {
  const r = await tx.evaluationRound.findUnique({ where: { id } });
  if (!r) throw new AppError("NOT_FOUND");
  if (statuses.length && !statuses.includes(r.status)) throw new AppError("INVALID_STATE", `该考评当前为「${ROUND_STATUS_LABELS[r.status]}」，不能进行此操作。`);
  return r;
}

const today = () => toDay(new Date());
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Streets and townships; departments (the government itself is not a department to be rated). */
export async function participants(tx: Pick<Tx, "orgUnit">) {
  const units = await tx.orgUnit.findMany({
    where: { active: true, kind: { in: ["STREET", "TOWNSHIP", "DEPARTMENT"] } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true },
  });
  return {
    streets: units.filter((u) => u.kind !== "DEPARTMENT"),
    departments: units.filter((u) => u.kind === "DEPARTMENT" && !u.name.endsWith("人民政府")),
  };
}

/** Rebuilds the sheets from the pairs: one per rater unit. */
async function syncSheets(tx: Tx, roundId: number) {
  await tx.$executeRaw`DELETE FROM evaluation_sheet s WHERE s.round_id = ${roundId} AND NOT EXISTS (SELECT 1 FROM evaluation_pair p WHERE p.round_id = s.round_id AND p.rater_unit_id = s.rater_unit_id)`;
  await tx.$executeRaw`
    INSERT INTO evaluation_sheet (round_id, rater_unit_id, side, status, updated_at)
    SELECT DISTINCT ${roundId}::int, p.rater_unit_id, p.side, 'DRAFT'::"EvaluationSheetStatus", now() FROM evaluation_pair p WHERE p.round_id = ${roundId}
    ON CONFLICT (round_id, rater_unit_id) DO NOTHING`;
}

export async function createRound(input: z.infer<typeof createRoundSchema>, { tx, user, audit }: Ctx) {
  if (input.closesOn < today()) throw new AppError("VALIDATION", undefined, { closesOn: "截止日期不能早于今天" });
  // One round a year: a second would split the year's ratings between two rounds. The lock lets
  // two people creating the same year at once see each other's round (the unique index on year
  // refuses it in any case).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`qingdan.evaluation-year:${input.year}`}))`;
  const existing = await tx.evaluationRound.findFirst({ where: { year: input.year }, select: { title: true } });
  if (existing) {
    const message = `${input.year} 年度已有考评「${existing.title}」，每个年度只能有一轮双向考评。`;
    throw new AppError("DUPLICATE", message, { year: message });
  }
  const round = await tx.evaluationRound.create({
    data: { year: input.year, title: input.title, closesOn: dbDate(input.closesOn), trimmed: input.trimmed, createdByName: user.displayName },
  });
  await tx.evaluationIndicator.createMany({ data: DEFAULT_INDICATORS.map((d, i) => ({ ...d, roundId: round.id, sortOrder: i + 1 })) });
  // By default every street rates every department and every department every street.
  const { streets, departments } = await participants(tx);
  const pairs = [
    ...streets.flatMap((s) => departments.map((d) => ({ roundId: round.id, raterUnitId: s.id, rateeUnitId: d.id, side: "STREET" as const }))),
    ...departments.flatMap((d) => streets.map((s) => ({ roundId: round.id, raterUnitId: d.id, rateeUnitId: s.id, side: "DEPARTMENT" as const }))),
  ];
  await tx.evaluationPair.createMany({ data: pairs });
  await syncSheets(tx, round.id);
  await audit({ action: "evaluation.round.create", subjectType: "evaluationRound", subjectId: round.id, after: { ...input, indicators: DEFAULT_INDICATORS.map((d) => d.name), pairs: pairs.length } });
  return { id: round.id };
}

export async function saveIndicators(input: z.infer<typeof saveIndicatorsSchema>, { tx, audit }: Ctx) {
  const round = await expectRound(tx, input.roundId, "DRAFT");
  const before = await tx.evaluationIndicator.findMany({ where: { roundId: round.id }, orderBy: { sortOrder: "asc" } });
  await tx.evaluationIndicator.deleteMany({ where: { roundId: round.id } });
  await tx.evaluationIndicator.createMany({
    data: input.indicators.map((i, n) => ({ roundId: round.id, name: i.name, description: i.description, weight: i.weight, scaleMin: i.scaleMin, scaleMax: i.scaleMax, source: i.source, sortOrder: n + 1 })),
  });
  await audit({ action: "evaluation.indicators.save", subjectType: "evaluationRound", subjectId: round.id, before, after: input.indicators });
  return { count: input.indicators.length };
}

export async function savePairs(input: z.infer<typeof pairsSchema>, { tx, audit }: Ctx) {
  const round = await expectRound(tx, input.roundId, "DRAFT");
  const { streets, departments } = await participants(tx);
  const streetIds = new Set(streets.map((s) => s.id));
  const deptIds = new Set(departments.map((d) => d.id));
  const keep = new Map<string, { raterUnitId: number; rateeUnitId: number; side: EvaluationSide }>();
  for (const p of input.pairs) {
    const [rater, ratee] = p.split(":").map(Number);
    const side: EvaluationSide | null = streetIds.has(rater) && deptIds.has(ratee) ? "STREET" : deptIds.has(rater) && streetIds.has(ratee) ? "DEPARTMENT" : null;
    if (!side) throw new AppError("VALIDATION", "评价关系只能是街道（乡镇）评部门或部门评街道（乡镇）。", { pairs: "包含无效的评价关系" });
    keep.set(p, { raterUnitId: rater, rateeUnitId: ratee, side });
  }
  if (keep.size === 0) throw new AppError("VALIDATION", undefined, { pairs: "请至少保留一组评价关系" });
  const before = await tx.evaluationPair.count({ where: { roundId: round.id } });
  await tx.evaluationPair.deleteMany({ where: { roundId: round.id } });
  await tx.evaluationPair.createMany({ data: [...keep.values()].map((p) => ({ ...p, roundId: round.id })) });
  await syncSheets(tx, round.id);
  await audit({ action: "evaluation.pairs.save", subjectType: "evaluationRound", subjectId: round.id, before: { pairs: before }, after: { pairs: keep.size } });
  return { count: keep.size };
}

export async function setDeadline(input: z.infer<typeof deadlineSchema>, { tx, audit }: Ctx) {
  const round = await expectRound(tx, input.roundId, "DRAFT", "OPEN");
  if (input.closesOn < today()) throw new AppError("VALIDATION", undefined, { closesOn: "截止日期不能早于今天" });
  await tx.evaluationRound.update({ where: { id: round.id }, data: { closesOn: dbDate(input.closesOn) } });
  await audit({ action: "evaluation.deadline.set", subjectType: "evaluationRound", subjectId: round.id, before: { closesOn: day(round.closesOn) }, after: { closesOn: input.closesOn } });
  if (round.status === "OPEN") {
    const sheets = await tx.evaluationSheet.findMany({ where: { roundId: round.id, status: "DRAFT" }, select: { raterUnitId: true } });
    await notifyUnits(tx, sheets.map((s) => s.raterUnitId), { title: `${round.title}：评分截止日期调整为 ${input.closesOn}`, body: "请在新的截止日期前完成评分并提交。", href: `/evaluation/${round.id}/rate` }, ["STREET", "DEPARTMENT"]);
  }
  return { closesOn: input.closesOn };
}

export async function openRound(input: z.infer<typeof roundIdSchema>, { tx, audit }: Ctx) {
  const round = await expectRound(tx, input.roundId, "DRAFT");
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

/** The deadline that applies to one rater: its extension if 编办 granted one, else the round's. */
export function sheetDeadline(round: { closesOn: Date }, sheet: { extendedTo: Date | null }) {
  return day(sheet.extendedTo ?? round.closesOn);
}

async function writableSheet(tx: Tx, roundId: number, raterUnitId: number) {
  const round = await expectRound(tx, roundId, "OPEN");
  const sheet = await tx.evaluationSheet.findUnique({ where: { roundId_raterUnitId: { roundId, raterUnitId } } });
  if (!sheet) throw new AppError("FORBIDDEN", "本单位不是该考评的评价单位。");
  if (sheet.status === "SUBMITTED") throw new AppError("LOCKED", "本单位的评分已提交并锁定，不能再修改。");
  if (sheetDeadline(round, sheet) < today()) throw new AppError("INVALID_STATE", `评分已于 ${sheetDeadline(round, sheet)} 截止；如需补评，请联系编办延期。`);
  return { round, sheet };
}

/** Saves the given cells and comments of the user's own sheet (a draft; nothing is locked). */
export async function saveScores(input: SaveScoresInput, { tx, user, audit }: Ctx, action = "evaluation.scores.save") {
  const { round, sheet } = await writableSheet(tx, input.roundId, user.unitId);
  const [indicators, pairs] = await Promise.all([
    tx.evaluationIndicator.findMany({ where: { roundId: round.id, source: "RATED" }, select: { id: true, name: true, scaleMin: true, scaleMax: true } }),
    tx.evaluationPair.findMany({ where: { roundId: round.id, raterUnitId: user.unitId }, select: { rateeUnitId: true } }),
  ]);
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

export async function remind(input: z.infer<typeof remindSchema>, { tx, audit }: Ctx) {
  const round = await expectRound(tx, input.roundId, "OPEN");
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

export async function extendSheet(input: z.infer<typeof extendSheetSchema>, { tx, audit }: Ctx) {
  const round = await expectRound(tx, input.roundId, "OPEN");
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

export async function closeRound(input: z.infer<typeof roundIdSchema>, { tx, audit }: Ctx) {
  const round = await expectRound(tx, input.roundId, "OPEN");
  const [submitted, total] = await Promise.all([
    tx.evaluationSheet.count({ where: { roundId: round.id, status: "SUBMITTED" } }),
    tx.evaluationSheet.count({ where: { roundId: round.id } }),
  ]);
  await tx.evaluationRound.update({ where: { id: round.id }, data: { status: "CLOSED", closedAt: new Date() } });
  await audit({ action: "evaluation.round.close", subjectType: "evaluationRound", subjectId: round.id, after: { submitted, total } });
  return { submitted, total };
}

/** Snapshots the results and tells every participant: the published record never changes. */
export async function publishRound(input: z.infer<typeof roundIdSchema>, { tx, audit }: Ctx) {
  const round = await expectRound(tx, input.roundId, "CLOSED");
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
      indicators: r.indicators.map((i) => ({ indicatorId: i.indicatorId, name: i.name, mean: i.mean == null ? null : round2(i.mean), share: i.share, weighted: round2(i.weighted) })),
    })),
  });
  await tx.evaluationRound.update({ where: { id: round.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  await notifyUnits(tx, ranked.map((r) => r.unitId), { title: `${round.title}结果已公布`, body: "可查看本单位的得分和排名。", href: `/evaluation/${round.id}/results` }, ["STREET", "DEPARTMENT"]);
  await audit({ action: "evaluation.round.publish", subjectType: "evaluationRound", subjectId: round.id, after: { units: ranked.length, top: ranked.filter((r) => r.rank === 1).map((r) => `${r.name} ${round2(r.total!)}`) } });
  return { units: ranked.length };
}
