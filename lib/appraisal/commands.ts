import crypto from "node:crypto";
import type { z } from "zod";
import { fieldErrorsOf, type CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { prisma } from "@/lib/db/client";
import { AppError, failure, type ActionResult } from "@/lib/errors";
import { writeAudit, type RequestMeta } from "@/lib/audit/write";
import { dbDate, today as todayInChina } from "@/lib/dates";
import { publishLocalDutyList } from "@/lib/local-duties/commands";
import { isFlagged } from "./satisfaction";
import { hashToken } from "./token";
import { countsFor } from "./counts";
import { surveySubmitSchema, type closeRoundSchema, type openRoundSchema, type ratingsSchema, type revokeSchema, type surveyLinkSchema } from "./schema";

export { hashToken };

export async function openAppraisalRound(input: z.infer<typeof openRoundSchema>, { tx, user, audit }: CommandContext) {
  if (await tx.appraisalRound.findUnique({ where: { year: input.year } })) throw new AppError("DUPLICATE", `${input.year} 年度的评议已经发起过。`);
  const round = await tx.appraisalRound.create({
    data: { year: input.year, title: `${input.year}年度准入事项评议`, closesOn: dbDate(input.closesOn), createdByName: user.displayName },
  });
  await audit({ action: "appraisal.open", subjectType: "appraisalRound", subjectId: round.id, after: { year: input.year, closesOn: input.closesOn } });
  return { id: round.id };
}

async function openRoundOrFail(tx: Pick<Tx, "appraisalRound">, roundId: number) {
  const round = await tx.appraisalRound.findUnique({ where: { id: roundId } });
  if (!round) throw new AppError("NOT_FOUND");
  if (round.status !== "OPEN") throw new AppError("INVALID_STATE", "本轮评议已结束。");
  return round;
}

export async function createSurveyLink(input: z.infer<typeof surveyLinkSchema>, { tx, user, audit }: CommandContext) {
  await openRoundOrFail(tx, input.roundId);
  const unit = await tx.orgUnit.findFirst({ where: { id: input.unitId, kind: { in: ["STREET", "TOWNSHIP", "COMMUNITY"] } }, select: { id: true, name: true } });
  if (!unit) throw new AppError("VALIDATION", undefined, { unitId: "请选择街道或社区" });
  const token = crypto.randomBytes(24).toString("base64url");
  const link = await tx.appraisalSurveyLink.create({ data: { roundId: input.roundId, unitId: unit.id, tokenHash: hashToken(token), label: input.label, createdByName: user.displayName } });
  await audit({ action: "appraisal.link", subjectType: "appraisalRound", subjectId: input.roundId, after: { linkId: link.id, unit: unit.name, label: input.label } });
  // The token itself is shown once and never stored.
  return { token, unitName: unit.name };
}

/** Ratings must name active duties of the unit; each duty once. */
async function checkRatings(tx: Pick<Tx, "localDuty">, unitId: number, ratings: { dutyId: number }[]) {
  const ids = ratings.map((r) => r.dutyId);
  if (new Set(ids).size !== ids.length) throw new AppError("VALIDATION", "每个事项只能评价一次。");
  const n = await tx.localDuty.count({ where: { id: { in: ids }, unitId, active: true } });
  if (n !== ids.length) throw new AppError("VALIDATION", "评价的事项不属于本单位的准入事项。");
}

export async function rateDuties(input: z.infer<typeof ratingsSchema>, { tx, user, audit }: CommandContext) {
  await openRoundOrFail(tx, input.roundId);
  await checkRatings(tx, user.unitId, input.ratings);
  const already = await tx.appraisalRating.count({ where: { roundId: input.roundId, userId: user.id, localDutyId: { in: input.ratings.map((r) => r.dutyId) } } });
  if (already) throw new AppError("INVALID_STATE", "您已评价过其中的事项，评价提交后不能修改。");
  await tx.appraisalRating.createMany({ data: input.ratings.map((r) => ({ roundId: input.roundId, localDutyId: r.dutyId, value: r.value, userId: user.id })) });
  await audit({ action: "appraisal.rate", subjectType: "appraisalRound", subjectId: input.roundId, after: { ratings: input.ratings } });
  return { count: input.ratings.length };
}

/** The public one-time survey: no session; the token is the credential and is spent here. */
export async function submitSurvey(raw: unknown, meta: RequestMeta): Promise<ActionResult<{ count: number }>> {
  const parsed = surveySubmitSchema.safeParse(raw);
  if (!parsed.success) return failure("VALIDATION", "请为每个事项选择评价后再提交。", fieldErrorsOf(parsed.error));
  const { token, ratings } = parsed.data;
  try {
    const data = await prisma.$transaction(async (tx) => {
      const link = await tx.appraisalSurveyLink.findUnique({ where: { tokenHash: hashToken(token) } });
      if (!link) throw new AppError("NOT_FOUND", "评议链接无效。");
      await openRoundOrFail(tx, link.roundId);
      // Spend the link first: a second submission finds it used.
      const spent = await tx.appraisalSurveyLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: new Date() } });
      if (spent.count !== 1) throw new AppError("INVALID_STATE", "该评议链接已经使用过，感谢您的参与。");
      await checkRatings(tx, link.unitId, ratings);
      await tx.appraisalRating.createMany({ data: ratings.map((r) => ({ roundId: link.roundId, localDutyId: r.dutyId, value: r.value, linkId: link.id })) });
      await writeAudit(tx, null, meta, { action: "appraisal.survey", subjectType: "appraisalRound", subjectId: link.roundId, after: { linkId: link.id, label: link.label, ratings } });
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
  const counts = (await countsFor(tx, round.id, [duty.id])).get(duty.id) ?? { satisfied: 0, basic: 0, dissatisfied: 0 };
  if (!isFlagged(counts)) throw new AppError("INVALID_STATE", "该事项满意度超过半数，不能撤销。");
  const today = dbDate(todayInChina());
  await tx.localDuty.update({ where: { id: duty.id }, data: { active: false, revokedOn: today, revokedReason: `${round.year}年度评议满意度未过半：${input.note}` } });
  await tx.appraisalRevocation.create({ data: { roundId: round.id, localDutyId: duty.id, ...counts, note: input.note, confirmedByName: user.displayName } });
  const version = await publishLocalDutyList(tx, duty.unitId, `${round.year}年度评议撤销「${duty.name}」`, user.displayName);
  await audit({ action: "appraisal.revoke", subjectType: "localDuty", subjectId: duty.id, before: { active: true }, after: { active: false, counts, note: input.note, versionNo: version.versionNo } });
  return { versionNo: version.versionNo };
}

export async function closeAppraisalRound(input: z.infer<typeof closeRoundSchema>, { tx, audit }: CommandContext) {
  await openRoundOrFail(tx, input.roundId);
  await tx.appraisalRound.update({ where: { id: input.roundId }, data: { status: "CLOSED", closedAt: new Date() } });
  await audit({ action: "appraisal.close", subjectType: "appraisalRound", subjectId: input.roundId, after: { status: "CLOSED" } });
  return { id: input.roundId };
}
