import type { z } from "zod";
import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { notifyUnits } from "@/lib/notifications/commands";
import { AppError } from "@/lib/errors";
import type { AdmissionStage, AdmissionStatus } from "@/lib/generated/prisma/enums";
import { loadCalendarFrom } from "@/lib/calendar/load";
import { addWorkdays, dbDate, toDay } from "@/lib/calendar/workdays";
import { normaliseName } from "@/lib/refusals/match";
import { publishLocalDutyList } from "@/lib/local-duties/commands";
import { checkAttachment, MAX_ATTACHMENTS } from "./files";
import { STATUS_LABELS } from "./labels";
import { STAGE_WORKDAYS } from "./state";
import { ADMISSION_SETTINGS, readAdmissionSettings } from "./settings";
import type {
  AdmissionFields,
  attachmentIdSchema,
  closeConsultationSchema,
  consultSchema,
  decideSchema,
  fileSchema,
  idSchema,
  initialReviewSchema,
  opinionSchema,
  settingsSchema,
  updateAdmissionSchema,
  uploadSchema,
} from "./schema";

type Ctx = CommandContext;

/** Loads what the policy needs to decide about one admission. */
export async function admissionSubject(tx: Tx, id: number) {
  const a = await tx.admission.findUnique({ where: { id }, select: { applicantUnitId: true, status: true, targets: { select: { unitId: true } } } });
  if (!a) return false as const;
  return { type: "admission" as const, applicantUnitId: a.applicantUnitId, status: a.status, targetUnitIds: a.targets.map((t) => t.unitId) };
}

export async function jointMembers(tx: Pick<Tx, "orgUnit">) {
  return tx.orgUnit.findMany({ where: { jointMeetingMember: true, active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

/** Moves the admission into a stage: closes the open step, opens the next with its deadline. */
async function enterStage(
  tx: Tx,
  id: number,
  status: AdmissionStatus,
  stage: AdmissionStage | null,
  closing: { outcome: string; note?: string | null; actorName: string; actorUnitName: string },
  extra: Record<string, unknown> = {},
) {
  const now = new Date();
  await tx.admissionStep.updateMany({
    where: { admissionId: id, completedAt: null },
    data: { completedAt: now, outcome: closing.outcome, note: closing.note ?? null, actorName: closing.actorName, actorUnitName: closing.actorUnitName },
  });
  let dueOn: Date | null = null;
  if (stage) {
    const calendar = await loadCalendarFrom(tx);
    dueOn = dbDate(addWorkdays(toDay(now), STAGE_WORKDAYS[stage], calendar));
    await tx.admissionStep.create({ data: { admissionId: id, stage, startedAt: now, dueOn } });
  }
  await tx.admission.update({ where: { id }, data: { status, stage, stageStartedAt: stage ? now : null, stageDueOn: dueOn, ...extra } });
  return dueOn;
}

async function expectStatus(tx: Tx, id: number, ...statuses: AdmissionStatus[]) {
  const a = await tx.admission.findUniqueOrThrow({ where: { id } });
  if (!statuses.includes(a.status)) throw new AppError("INVALID_STATE", `该申请当前为「${STATUS_LABELS[a.status]}」，不能进行此操作。`);
  return a;
}

/** Targets must be active units of the chosen level. */
async function checkTargets(tx: Tx, input: AdmissionFields) {
  const ids = [...new Set(input.targetUnitIds)];
  const kinds = input.level === "STREET" ? (["STREET", "TOWNSHIP"] as const) : (["COMMUNITY"] as const);
  const units = await tx.orgUnit.findMany({ where: { id: { in: ids }, active: true, kind: { in: [...kinds] } }, select: { id: true, name: true } });
  if (units.length !== ids.length) {
    throw new AppError("VALIDATION", undefined, { targetUnitIds: input.level === "STREET" ? "承接单位只能选择街道或乡镇" : "承接单位只能选择社区（村）" });
  }
  return units;
}

function fieldsData(input: AdmissionFields) {
  const { targetUnitIds: _t, ...rest } = input;
  return { ...rest, fundingSource: rest.fundingSource || "无需经费", fundingAmount: input.fundingAmount, nameKey: normaliseName(input.title) };
}

export async function createAdmission(input: AdmissionFields, { tx, user, audit }: Ctx) {
  const units = await checkTargets(tx, input);
  const year = new Date().getFullYear();
  const n = (await tx.admission.count({ where: { code: { startsWith: `ZR${year}-` } } })) + 1;
  const a = await tx.admission.create({
    data: {
      ...fieldsData(input),
      code: `ZR${year}-${String(n).padStart(4, "0")}`,
      applicantUnitId: user.unitId,
      applicantUnitName: user.unitName,
      applicantId: user.id,
      applicantName: user.displayName,
      status: "SUBMITTED",
      targets: { create: units.map((u) => ({ unitId: u.id, unitName: u.name })) },
    },
  });
  const dueOn = await enterStage(tx, a.id, "SUBMITTED", "INITIAL_REVIEW", { outcome: "提交", actorName: user.displayName, actorUnitName: user.unitName });
  await audit({ action: "admission.submit", subjectType: "admission", subjectId: a.id, after: { code: a.code, title: a.title, targets: units.map((u) => u.name), fundingAmount: input.fundingAmount, dueOn } });
  return { id: a.id, code: a.code };
}

/** Edits an application waiting for initial review, or revises and resubmits a returned one. */
export async function updateAdmission(input: z.infer<typeof updateAdmissionSchema>, { tx, user, audit }: Ctx) {
  const before = await expectStatus(tx, input.id, "SUBMITTED", "RETURNED");
  const units = await checkTargets(tx, input);
  const { id, ...fields } = input;
  await tx.admissionTarget.deleteMany({ where: { admissionId: id } });
  await tx.admissionTarget.createMany({ data: units.map((u) => ({ admissionId: id, unitId: u.id, unitName: u.name })) });
  await tx.admission.update({ where: { id }, data: fieldsData(fields) });
  if (before.status === "RETURNED") {
    await enterStage(tx, id, "SUBMITTED", "INITIAL_REVIEW", { outcome: "修改后重新提交", actorName: user.displayName, actorUnitName: user.unitName });
  }
  await audit({ action: before.status === "RETURNED" ? "admission.resubmit" : "admission.edit", subjectType: "admission", subjectId: id, before, after: { ...fields } });
  return { id };
}

export async function withdrawAdmission(input: z.infer<typeof idSchema>, { tx, user, audit }: Ctx) {
  const a = await expectStatus(tx, input.id, "SUBMITTED", "RETURNED");
  await enterStage(tx, a.id, "WITHDRAWN", null, { outcome: "申请单位撤回", actorName: user.displayName, actorUnitName: user.unitName });
  await audit({ action: "admission.withdraw", subjectType: "admission", subjectId: a.id, before: { status: a.status }, after: { status: "WITHDRAWN" } });
  return { id: a.id };
}

export async function initialReview(input: z.infer<typeof initialReviewSchema>, { tx, user, audit }: Ctx) {
  const a = await expectStatus(tx, input.id, "SUBMITTED");
  const who = { actorName: user.displayName, actorUnitName: user.unitName, note: input.comment || null };
  if (input.decision === "RETURN") {
    await enterStage(tx, a.id, "RETURNED", "REVISION", { outcome: "退回修改", ...who }, { revisionCount: { increment: 1 } });
  } else {
    if ((await jointMembers(tx)).length === 0) throw new AppError("INVALID_STATE", "尚未设置联席会议成员单位，请先在「组织机构」中设置。");
    await tx.admissionOpinion.deleteMany({ where: { admissionId: a.id } });
    await enterStage(tx, a.id, "JOINT_REVIEW", "JOINT_REVIEW", { outcome: "初审通过，提交联席审查", ...who });
  }
  await audit({ action: input.decision === "RETURN" ? "admission.return" : "admission.forward", subjectType: "admission", subjectId: a.id, before: { status: a.status }, after: { decision: input.decision, comment: input.comment } });
  return { id: a.id };
}

export async function recordOpinion(input: z.infer<typeof opinionSchema>, { tx, user, audit }: Ctx) {
  const a = await expectStatus(tx, input.id, "JOINT_REVIEW");
  const members = await jointMembers(tx);
  const unit = members.find((m) => m.id === input.unitId);
  if (!unit) throw new AppError("VALIDATION", undefined, { unitId: "该单位不是联席会议成员单位" });
  if (await tx.admissionOpinion.findUnique({ where: { admissionId_unitId: { admissionId: a.id, unitId: unit.id } } })) {
    throw new AppError("INVALID_STATE", `${unit.name}已提交过审查意见，意见一经提交不能修改。`);
  }
  const onBehalf = user.unitId !== unit.id;
  // A written opinion entered by 编办 is the member unit's: it names who signed it there.
  if (onBehalf && !input.signatory) throw new AppError("VALIDATION", undefined, { signatory: `代为录入时请填写${unit.name}书面意见的签署人` });
  const authorName = onBehalf ? input.signatory : user.displayName;
  await tx.admissionOpinion.create({
    data: { admissionId: a.id, unitId: unit.id, unitName: unit.name, opinion: input.opinion, body: input.body, authorName, enteredByName: onBehalf ? `${user.unitName} ${user.displayName}` : null },
  });
  await audit({ action: "admission.opinion", subjectType: "admission", subjectId: a.id, after: { unit: unit.name, opinion: input.opinion, body: input.body, onBehalf, signatory: authorName } });
  const given = await tx.admissionOpinion.count({ where: { admissionId: a.id, unitId: { in: members.map((m) => m.id) } } });
  if (given >= members.length) {
    await tx.admissionTarget.updateMany({ where: { admissionId: a.id }, data: { response: null, reason: null, respondedAt: null, respondedByName: null } });
    await enterStage(tx, a.id, "CONSULTING", "CONSULTATION", { outcome: "成员单位意见已齐，征求基层意见", actorName: user.displayName, actorUnitName: user.unitName });
    await audit({ action: "admission.consultationOpened", subjectType: "admission", subjectId: a.id, after: { status: "CONSULTING" } });
  }
  return { id: a.id, complete: given >= members.length };
}

export async function respondToConsultation(input: z.infer<typeof consultSchema>, { tx, user, audit }: Ctx) {
  const a = await expectStatus(tx, input.id, "CONSULTING");
  const target = await tx.admissionTarget.findUnique({ where: { admissionId_unitId: { admissionId: a.id, unitId: user.unitId } } });
  if (!target) throw new AppError("FORBIDDEN");
  if (target.response) throw new AppError("INVALID_STATE", "本单位已反馈过意见。");
  await tx.admissionTarget.update({
    where: { admissionId_unitId: { admissionId: a.id, unitId: user.unitId } },
    data: { response: input.response, reason: input.reason || null, respondedAt: new Date(), respondedByName: user.displayName },
  });
  await audit({ action: input.response === "OBJECT" ? "admission.object" : "admission.agree", subjectType: "admission", subjectId: a.id, after: { unit: user.unitName, response: input.response, reason: input.reason } });
  const open = await tx.admissionTarget.count({ where: { admissionId: a.id, response: null } });
  if (open === 0) {
    const objections = await tx.admissionTarget.count({ where: { admissionId: a.id, response: "OBJECT" } });
    await enterStage(tx, a.id, "DECIDING", "DECISION", {
      outcome: objections ? `基层意见已齐（${objections} 个单位提出异议）` : "基层意见已齐，均同意承接",
      actorName: user.displayName,
      actorUnitName: user.unitName,
    });
  }
  return { id: a.id };
}

export async function closeConsultation(input: z.infer<typeof closeConsultationSchema>, { tx, user, audit }: Ctx) {
  const a = await expectStatus(tx, input.id, "CONSULTING");
  const silent = await tx.admissionTarget.findMany({ where: { admissionId: a.id, response: null }, select: { unitName: true } });
  const note = [input.note, silent.length ? `未反馈：${silent.map((s) => s.unitName).join("、")}` : ""].filter(Boolean).join("；");
  await enterStage(tx, a.id, "DECIDING", "DECISION", { outcome: "编办结束征求意见", note, actorName: user.displayName, actorUnitName: user.unitName });
  await audit({ action: "admission.closeConsultation", subjectType: "admission", subjectId: a.id, after: { note } });
  return { id: a.id };
}

/**
 * 编办's decision, per unit: admitted for every target unit, admitted except for the units whose
 * objection 编办 upholds (部分准入: they will not receive the duty, and the reason is kept on
 * the target), or refused. The applying department is told which.
 */
export async function decideAdmission(input: z.infer<typeof decideSchema>, { tx, user, audit }: Ctx) {
  const a = await expectStatus(tx, input.id, "DECIDING");
  const targets = await tx.admissionTarget.findMany({ where: { admissionId: a.id }, select: { unitId: true, unitName: true, response: true } });
  const upheld = input.decision === "ADMIT" ? input.objections.filter((o) => o.upheld) : [];
  for (const [i, o] of input.objections.entries()) {
    const t = targets.find((x) => x.unitId === o.unitId);
    if (o.upheld && t?.response !== "OBJECT") throw new AppError("VALIDATION", undefined, { [`objections.${i}.upheld`]: "只能认定提出异议的承接单位的异议成立" });
  }
  if (new Set(upheld.map((o) => o.unitId)).size !== upheld.length) throw new AppError("VALIDATION", "同一单位只能认定一次。");
  if (upheld.length && upheld.length >= targets.length) throw new AppError("VALIDATION", undefined, { decision: "所有承接单位的异议都成立时，请选择「不予准入」" });
  const excluded = upheld.map((o) => ({ ...o, unitName: targets.find((t) => t.unitId === o.unitId)!.unitName }));
  for (const o of excluded) {
    await tx.admissionTarget.update({ where: { admissionId_unitId: { admissionId: a.id, unitId: o.unitId } }, data: { excluded: true, excludedReason: o.reason } });
  }
  const partial = excluded.length > 0;
  const exclusionNote = partial ? `异议成立、不承接：${excluded.map((o) => `${o.unitName}（${o.reason}）`).join("；")}` : "";
  const common = { decisionNote: input.note || null, approvalDocNo: input.approvalDocNo, decidedAt: new Date(), decidedByName: user.displayName };
  const closing = { actorName: user.displayName, actorUnitName: user.unitName, note: [input.approvalDocNo, input.note, exclusionNote].filter(Boolean).join("；") };
  if (input.decision === "ADMIT") await enterStage(tx, a.id, "FILING", "FILING", { outcome: partial ? "决定部分准入" : "决定准入", ...closing }, common);
  else await enterStage(tx, a.id, "REFUSED", null, { outcome: "决定不予准入", ...closing }, common);
  await audit({
    action: input.decision === "ADMIT" ? "admission.admit" : "admission.refuse",
    subjectType: "admission",
    subjectId: a.id,
    before: { status: a.status },
    after: { decision: input.decision, approvalDocNo: input.approvalDocNo, note: input.note, ...(partial ? { excludedUnits: excluded.map((o) => ({ unit: o.unitName, reason: o.reason })) } : {}) },
  });
  const outcome = input.decision === "REFUSE" ? "不予准入" : partial ? "部分准入" : "准入";
  const admittedCount = targets.length - excluded.length;
  await notifyUnits(
    tx,
    [a.applicantUnitId],
    {
      title: `准入申请「${a.title}」：${outcome}`,
      body:
        input.decision === "REFUSE"
          ? `编办决定不予准入（${input.approvalDocNo}）：${input.note}`
          : partial
            ? `编办决定准入 ${admittedCount} 个承接单位（${input.approvalDocNo}）；${exclusionNote}。报备案后生效。`
            : `编办决定准入（${input.approvalDocNo}），报备案后生效。`,
      href: `/admission/${a.id}`,
    },
    ["DEPARTMENT"],
  );
  return { id: a.id, outcome };
}

/** 备案: the admission takes effect; the duty enters each target unit's list as a new version. */
export async function fileAdmission(input: z.infer<typeof fileSchema>, { tx, user, audit }: Ctx) {
  const a = await expectStatus(tx, input.id, "FILING");
  // Units whose objection was upheld at the decision do not receive the duty.
  const targets = await tx.admissionTarget.findMany({ where: { admissionId: a.id, excluded: false }, select: { unitId: true } });
  const filedOn = dbDate(input.filedOn);
  await enterStage(
    tx,
    a.id,
    "ADMITTED",
    null,
    { outcome: "已报备案，准入生效", note: `${input.filingAuthority} ${input.filingNumber}`, actorName: user.displayName, actorUnitName: user.unitName },
    { filingNumber: input.filingNumber, filingAuthority: input.filingAuthority, filedOn, filedByName: user.displayName, admittedAt: new Date() },
  );
  await tx.localDuty.createMany({
    data: targets.map((t) => ({
      unitId: t.unitId,
      admissionId: a.id,
      departmentId: a.applicantUnitId,
      departmentName: a.applicantUnitName,
      dutyType: a.dutyType,
      name: a.title,
      nameKey: a.nameKey,
      departmentDuty: a.departmentDuty,
      localDuty: a.localDuty,
      legalBasis: a.legalBasis,
      leadResponsibility: a.leadResponsibility,
      supportResponsibility: a.supportResponsibility,
      fundingAmount: a.fundingAmount,
      fundingSource: a.fundingSource,
      admittedOn: filedOn,
    })),
  });
  const versions = [];
  for (const t of targets) versions.push(await publishLocalDutyList(tx, t.unitId, `准入「${a.title}」（${a.approvalDocNo}）`, user.displayName));
  await audit({ action: "admission.file", subjectType: "admission", subjectId: a.id, after: { filingNumber: input.filingNumber, filingAuthority: input.filingAuthority, filedOn: input.filedOn, listVersions: versions.map((v) => v.id) } });
  return { id: a.id, versions: versions.length };
}

export async function uploadAttachment(input: z.infer<typeof uploadSchema>, { tx, user, audit }: Ctx) {
  await expectStatus(tx, input.admissionId, "SUBMITTED", "RETURNED");
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const check = checkAttachment(input.file.name, bytes);
  if (!check.ok) throw new AppError("BAD_FILE", check.message, { file: check.message });
  if ((await tx.admissionAttachment.count({ where: { admissionId: input.admissionId } })) >= MAX_ATTACHMENTS) {
    throw new AppError("VALIDATION", undefined, { file: `每份申请最多 ${MAX_ATTACHMENTS} 个附件` });
  }
  const sha256 = (await import("node:crypto")).createHash("sha256").update(bytes).digest("hex");
  const row = await tx.admissionAttachment.create({
    data: { admissionId: input.admissionId, fileName: check.fileName, mime: check.mime, size: bytes.length, sha256, bytes, uploadedByName: user.displayName },
    select: { id: true, fileName: true },
  });
  await audit({ action: "admission.attach", subjectType: "admission", subjectId: input.admissionId, after: { attachmentId: row.id, fileName: check.fileName, size: bytes.length, sha256 } });
  return row;
}

export async function deleteAttachment(input: z.infer<typeof attachmentIdSchema>, { tx, audit }: Ctx) {
  const att = await tx.admissionAttachment.findUniqueOrThrow({ where: { id: input.attachmentId }, select: { id: true, admissionId: true, fileName: true, sha256: true } });
  await expectStatus(tx, att.admissionId, "SUBMITTED", "RETURNED");
  await tx.admissionAttachment.delete({ where: { id: att.id } });
  await audit({ action: "admission.detach", subjectType: "admission", subjectId: att.admissionId, before: att });
  return { admissionId: att.admissionId };
}


/** 编办 sets the 备案机关 and the appraisal's exclusion rule. */
export async function saveSettings(input: z.infer<typeof settingsSchema>, { tx, audit }: Ctx) {
  const before = await readAdmissionSettings(tx);
  const values: [string, string][] = [
    [ADMISSION_SETTINGS.filingAuthority.key, input.filingAuthority],
    [ADMISSION_SETTINGS.appraisalExclusionMonths.key, String(input.appraisalExclusionMonths)],
  ];
  for (const [key, value] of values) await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  await audit({ action: "admission.settings", subjectType: "admissionSettings", before, after: input });
  return input;
}
