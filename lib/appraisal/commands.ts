import crypto from "node:crypto";
import type { z } from "zod";
import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { prisma } from "@/lib/db/client";
import { AppError, failure, type ActionResult } from "@/lib/errors";
import { writeAudit, type RequestMeta } from "@/lib/audit/write";
import { dbDate, today as todayInChina } from "@/lib/dates";
import { publishLocalDutyList } from "@/lib/local-duties/commands";
import { isFlagged } from "./satisfaction";
import { hashToken } from "./token";
import { appraisalRoundInArea, appraisedDuties, inRoundArea } from "./scope";
import { areaOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { notifyUnits } from "@/lib/notifications/commands";
import { readAdmissionSettings } from "@/lib/admission/settings";
import { countsFor } from "./counts";
import { surveySubmitSchema, type decideFlaggedSchema, type closeRoundSchema, type openRoundSchema, type ratingsSchema, type revokeSchema, type surveyLinkSchema } from "./schema";

export { hashToken };

export async function openAppraisalRound(input: z.infer<typeof openRoundSchema>, { tx, user, audit }: CommandContext) {
  // A district 编办's round appraises its own district's duties; the city 编办's the whole city's.
  const areaUnitId = areaOf(user)?.districtId ?? null;
  const district = areaUnitId != null ? await tx.orgUnit.findUniqueOrThrow({ where: { id: areaUnitId }, select: { name: true } }) : null;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`qingdan.appraisal-year:${input.year}:${areaUnitId ?? "city"}`}))`;
  if (await tx.appraisalRound.findFirst({ where: { year: input.year, areaUnitId }, select: { id: true } })) {
    throw new AppError("DUPLICATE", `${input.year} 年度${district ? `${district.name}的` : "的"}评议已经发起过。`);
  }
  // 编办's exclusion rule: duties admitted less than N months before today sit this round out.
  const { appraisalExclusionMonths: months } = await readAdmissionSettings(tx);
  const admittedBefore = months > 0 ? monthsBefore(todayInChina(), months) : null;
  const round = await tx.appraisalRound.create({
    data: { year: input.year, title: `${input.year}年度${district?.name ?? ""}准入事项评议`, closesOn: dbDate(input.closesOn), exclusionMonths: months, admittedBefore: admittedBefore ? dbDate(admittedBefore) : null, createdByName: user.displayName, areaUnitId },
  });
  await audit({ action: "appraisal.open", subjectType: "appraisalRound", subjectId: round.id, after: { year: input.year, closesOn: input.closesOn, exclusionMonths: months, admittedBefore, areaUnitId } });
  return { id: round.id };
}

/** A district 编办 runs its own district's rounds only; the city 编办 every round. */
function assertRuns(user: SessionUser, round: { areaUnitId: number | null }) {
  if (!appraisalRoundInArea(user, round)) throw new AppError("FORBIDDEN", "该评议不是本辖区的评议，区县编办只能管理本辖区的评议。");
}

async function openRoundOrFail(tx: Pick<Tx, "appraisalRound">, roundId: number, manager?: SessionUser) {
  const round = await tx.appraisalRound.findUnique({ where: { id: roundId } });
  if (!round) throw new AppError("NOT_FOUND");
  if (manager) assertRuns(manager, round);
  if (round.status !== "OPEN") throw new AppError("INVALID_STATE", "本轮评议已结束。");
  return round;
}

export async function createSurveyLink(input: z.infer<typeof surveyLinkSchema>, { tx, user, audit }: CommandContext) {
  const round = await openRoundOrFail(tx, input.roundId, user);
  const unit = await tx.orgUnit.findFirst({ where: { id: input.unitId, kind: { in: ["STREET", "TOWNSHIP", "COMMUNITY"] } }, select: { id: true, name: true } });
  if (!unit) throw new AppError("VALIDATION", undefined, { unitId: "请选择街道或社区" });
  if (!(await tx.orgUnit.count({ where: { id: unit.id, ...inRoundArea(round) } }))) {
    const message = `${unit.name}不在本轮评议的范围内。`;
    throw new AppError("VALIDATION", message, { unitId: message });
  }
  const token = crypto.randomBytes(24).toString("base64url");
  const link = await tx.appraisalSurveyLink.create({ data: { roundId: input.roundId, unitId: unit.id, tokenHash: hashToken(token), label: input.label, createdByName: user.displayName } });
  await audit({ action: "appraisal.link", subjectType: "appraisalRound", subjectId: input.roundId, after: { linkId: link.id, unit: unit.name, label: input.label } });
  // The token itself is shown once and never stored.
  return { token, unitName: unit.name };
}

/** "YYYY-MM-DD" `months` calendar months before `day` (the 31st falls back to the month's end). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Ratings must name active duties of the unit that take part in the round; each duty once. */
async function checkRatings(tx: Pick<Tx, "localDuty">, round: { admittedBefore: Date | null; areaUnitId: number | null }, unitId: number, ratings: { dutyId: number }[]) {
  const ids = ratings.map((r) => r.dutyId);
  if (new Set(ids).size !== ids.length) throw new AppError("VALIDATION", "每个事项只能评价一次。");
  const n = await tx.localDuty.count({ where: { id: { in: ids }, unitId, ...appraisedDuties(round) } });
  if (n !== ids.length) throw new AppError("VALIDATION", "评价的事项不属于本单位的准入事项。");
}

export async function rateDuties(input: z.infer<typeof ratingsSchema>, { tx, user, audit }: CommandContext) {
  const round = await openRoundOrFail(tx, input.roundId);
  await checkRatings(tx, round, user.unitId, input.ratings);
  const already = await tx.appraisalRating.count({ where: { roundId: input.roundId, userId: user.id, localDutyId: { in: input.ratings.map((r) => r.dutyId) } } });
  if (already) throw new AppError("INVALID_STATE", "您已评价过其中的事项，评价提交后不能修改。");
  await tx.appraisalRating.createMany({ data: input.ratings.map((r) => ({ roundId: input.roundId, localDutyId: r.dutyId, value: r.value, userId: user.id })) });
  await audit({ action: "appraisal.rate", subjectType: "appraisalRound", subjectId: input.roundId, after: { ratings: input.ratings } });
  return { count: input.ratings.length };
}

/** The public one-time survey: no session; the token is the credential and is spent here. */
export async function submitSurvey(raw: unknown, meta: RequestMeta): Promise<ActionResult<{ count: number }>> {
  const parsed = surveySubmitSchema.safeParse(raw);
  if (!parsed.success) {
    // One message per field, as defineAction gives (lib/action is server-only; the seed runs this file).
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_"] ??= issue.message;
    return failure("VALIDATION", "请为每个事项选择评价后再提交。", fieldErrors);
  }
  const { token, ratings, comment } = parsed.data;
  try {
    const data = await prisma.$transaction(async (tx) => {
      const link = await tx.appraisalSurveyLink.findUnique({ where: { tokenHash: hashToken(token) } });
      if (!link) throw new AppError("NOT_FOUND", "评议链接无效。");
      const round = await openRoundOrFail(tx, link.roundId);
      // Spend the link first: a second submission finds it used.
      const spent = await tx.appraisalSurveyLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: new Date(), comment: comment || null } });
      if (spent.count !== 1) throw new AppError("INVALID_STATE", "该评议链接已经使用过，感谢您的参与。");
      await checkRatings(tx, round, link.unitId, ratings);
      await tx.appraisalRating.createMany({ data: ratings.map((r) => ({ roundId: link.roundId, localDutyId: r.dutyId, value: r.value, linkId: link.id })) });
      await writeAudit(tx, null, meta, { action: "appraisal.survey", subjectType: "appraisalRound", subjectId: link.roundId, after: { linkId: link.id, label: link.label, ratings, ...(comment ? { comment } : {}) } });
      return { count: ratings.length };
    });
    return { ok: true, data };
  } catch (e) {
    if (e instanceof AppError) return failure(e.code, e.message);
    console.error("[survey] unexpected failure", e);
    return failure("INTERNAL");
  }
}

/** 编办 confirms the revocation of a flagged duty: it leaves the unit's list in a new version. */
export async function confirmRevocation(input: z.infer<typeof revokeSchema>, { tx, user, audit }: CommandContext) {
  const duty = await tx.localDuty.findUnique({ where: { id: input.dutyId } });
  if (!duty) throw new AppError("NOT_FOUND");
  if (!duty.active) throw new AppError("INVALID_STATE", "该事项已撤销。");
  const round = await tx.appraisalRound.findUnique({ where: { id: input.roundId } });
  if (!round) throw new AppError("NOT_FOUND");
  assertRuns(user, round);
  await assertDutyInRound(tx, round, duty);
  const counts = (await countsFor(tx, round.id, [duty.id])).get(duty.id) ?? { satisfied: 0, basic: 0, dissatisfied: 0 };
  if (!isFlagged(counts)) throw new AppError("INVALID_STATE", "该事项满意度超过半数，不能撤销。");
  const today = dbDate(todayInChina());
  await tx.localDuty.update({ where: { id: duty.id }, data: { active: false, revokedOn: today, revokedReason: `${round.year}年度评议满意度未过半：${input.note}` } });
  await tx.appraisalRevocation.create({ data: { roundId: round.id, localDutyId: duty.id, ...counts, note: input.note, confirmedByName: user.displayName } });
  const version = await publishLocalDutyList(tx, duty.unitId, `${round.year}年度评议撤销「${duty.name}」`, user.displayName);
  await audit({ action: "appraisal.revoke", subjectType: "localDuty", subjectId: duty.id, before: { active: true }, after: { active: false, counts, note: input.note, versionNo: version.versionNo } });
  // The department that handed the duty down is told; the link opens the unit's published list.
  if (duty.departmentId) {
    const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: duty.unitId }, select: { name: true } });
    await notifyUnits(tx, [duty.departmentId], { title: `准入事项「${duty.name}」已在${unit.name}撤销`, body: `${round.year}年度评议满意度未过半，编办确认撤销：${input.note}`, href: `/local-duties/${duty.unitId}` }, ["DEPARTMENT"]);
  }
  return { versionNo: version.versionNo };
}

/** 编办 keeps a flagged duty, for a stated reason (it stays in force). */
async function keepFlaggedDuty(input: z.infer<typeof decideFlaggedSchema>, { tx, user, audit }: CommandContext) {
  const round = await openRoundOrFail(tx, input.roundId, user);
  const duty = await tx.localDuty.findUnique({ where: { id: input.dutyId } });
  if (!duty) throw new AppError("NOT_FOUND");
  await assertDutyInRound(tx, round, duty);
  if (!duty.active) throw new AppError("INVALID_STATE", "该事项已撤销。");
  const counts = (await countsFor(tx, round.id, [duty.id])).get(duty.id) ?? { satisfied: 0, basic: 0, dissatisfied: 0 };
  if (!isFlagged(counts)) throw new AppError("INVALID_STATE", "该事项满意度超过半数，无需决定。");
  if (await tx.appraisalRevocation.findUnique({ where: { roundId_localDutyId: { roundId: round.id, localDutyId: duty.id } } })) throw new AppError("INVALID_STATE", "该事项已作出决定。");
  await tx.appraisalRevocation.create({ data: { roundId: round.id, localDutyId: duty.id, outcome: "KEPT", ...counts, note: input.note, confirmedByName: user.displayName } });
  await audit({ action: "appraisal.keep", subjectType: "localDuty", subjectId: duty.id, after: { round: round.year, counts, note: input.note } });
  return { kept: true };
}

/** 编办's decision on a flagged duty: revoke (a new list version) or keep with a reason. */
export async function decideFlaggedDuty(input: z.infer<typeof decideFlaggedSchema>, ctx: CommandContext) {
  if (input.decision === "KEEP") return keepFlaggedDuty(input, ctx);
  await openRoundOrFail(ctx.tx, input.roundId, ctx.user);
  await confirmRevocation({ roundId: input.roundId, dutyId: input.dutyId, note: input.note }, ctx);
  return { kept: false };
}

export async function closeAppraisalRound(input: z.infer<typeof closeRoundSchema>, { tx, user, audit }: CommandContext) {
  const round = await openRoundOrFail(tx, input.roundId, user);
  // Every flagged duty is revoked or kept, with a reason, before the round closes.
  const undecided = await undecidedFlagged(tx, round);
  if (undecided.length) throw new AppError("INVALID_STATE", `还有 ${undecided.length} 个满意度未过半的事项未作决定（${undecided.map((d) => d.name).slice(0, 5).join("、")}${undecided.length > 5 ? "等" : ""}），请逐项撤销或说明理由保留后再结束评议。`);
  await tx.appraisalRound.update({ where: { id: input.roundId }, data: { status: "CLOSED", closedAt: new Date() } });
  await audit({ action: "appraisal.close", subjectType: "appraisalRound", subjectId: input.roundId, after: { status: "CLOSED" } });
  return { id: input.roundId };
}

/** Active duties of the round that are flagged and have no decision yet. */
/** A district round decides only the duties of its own district's units. */
async function assertDutyInRound(tx: Pick<Tx, "orgUnit">, round: { areaUnitId: number | null }, duty: { unitId: number; name: string }) {
  if (!(await tx.orgUnit.count({ where: { id: duty.unitId, ...inRoundArea(round) } }))) throw new AppError("FORBIDDEN", `「${duty.name}」不在本轮评议的范围内。`);
}

export async function undecidedFlagged(tx: Pick<Tx, "localDuty" | "appraisalRating" | "appraisalRevocation">, round: { id: number; admittedBefore: Date | null; areaUnitId: number | null }) {
  const duties = await tx.localDuty.findMany({ where: appraisedDuties(round), select: { id: true, name: true } });
  const counts = await countsFor(tx, round.id, duties.map((d) => d.id));
  const decided = new Set((await tx.appraisalRevocation.findMany({ where: { roundId: round.id }, select: { localDutyId: true } })).map((r) => r.localDutyId));
  return duties.filter((d) => !decided.has(d.id) && isFlagged(counts.get(d.id) ?? { satisfied: 0, basic: 0, dissatisfied: 0 }));
}
