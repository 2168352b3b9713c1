import crypto from "node:crypto";
import type { z } from "zod";
import type { CommandContext } from "@/lib/action";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { DispatchStatus } from "@/lib/generated/prisma/enums";
import { loadCalendarFrom } from "@/lib/calendar/load";
import { dayOfDbDate, dbDate, toDay } from "@/lib/calendar/workdays";
import { writeAudit } from "@/lib/audit/write";
import { checkAttachment } from "@/lib/admission/files";
import { notifyUnits } from "@/lib/notifications/commands";
import { STATUS_LABELS } from "./labels";
import { acceptDueDay, isOverdue, isReportLate, replyDueDay } from "./state";
import type { acceptSchema, escalateSchema, forwardSchema, handleSchema, replySchema, reportSchema, rerouteSchema } from "./schema";

type Ctx = CommandContext;

export async function dispatchSubject(tx: Tx, id: number) {
  const d = await tx.dispatch.findUnique({ where: { id }, select: { streetId: true, departmentId: true, status: true, direction: true } });
  if (!d) return false as const;
  return { type: "dispatch" as const, ...d };
}

async function nextCode(tx: Tx, now: Date) {
  const year = now.getFullYear();
  const n = (await tx.dispatch.count({ where: { code: { startsWith: `PD${year}-` } } })) + 1;
  return `PD${year}-${String(n).padStart(4, "0")}`;
}

async function event(tx: Tx, dispatchId: number, kind: string, user: Ctx["user"], note?: string | null, at = new Date()) {
  await tx.dispatchEvent.create({ data: { dispatchId, kind, note: note || null, actorName: user.displayName, actorUnitName: user.unitName, at } });
}

async function expectStatus(tx: Tx, id: number, ...statuses: DispatchStatus[]) {
  const d = await tx.dispatch.findUniqueOrThrow({ where: { id } });
  if (!statuses.includes(d.status)) throw new AppError("INVALID_STATE", `该案件当前为「${STATUS_LABELS[d.status]}」，不能进行此操作。`);
  return d;
}

async function checkDuty(tx: Tx, localDutyId: number | undefined, streetId: number) {
  if (!localDutyId) return null;
  const duty = await tx.localDuty.findFirst({ where: { id: localDutyId, active: true }, select: { id: true, unitId: true, departmentId: true, name: true } });
  if (!duty || duty.unitId !== streetId) throw new AppError("VALIDATION", undefined, { localDutyId: "请选择本街道属地管理事项清单中的事项" });
  return duty;
}

type CheckedFile = { fileName: string; mime: string; bytes: Uint8Array<ArrayBuffer> };

/** Evidence files, recognised by their first bytes; a bad one refuses the whole form, naming it. */
async function checkedFiles(list: File[]): Promise<CheckedFile[]> {
  const files: CheckedFile[] = [];
  for (const f of list) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    const c = checkAttachment(f.name, bytes);
    if (!c.ok) throw new AppError("VALIDATION", undefined, { files: `${f.name}：${c.message}` });
    files.push({ fileName: c.fileName, mime: c.mime, bytes });
  }
  return files;
}

async function storeFiles(tx: Tx, dispatchId: number, files: CheckedFile[], user: Ctx["user"]) {
  for (const f of files) {
    await tx.dispatchAttachment.create({
      data: { dispatchId, fileName: f.fileName, mime: f.mime, size: f.bytes.length, sha256: crypto.createHash("sha256").update(f.bytes).digest("hex"), bytes: f.bytes, uploadedByName: user.displayName },
    });
  }
}

/** A street reports a case it found to the responsible department; due the day it was found. */
export async function reportCase(input: z.infer<typeof reportSchema>, { tx, user, audit }: Ctx, now = new Date()) {
  if (input.foundAt.getTime() > now.getTime() + 60_000) throw new AppError("VALIDATION", undefined, { foundAt: "发现时间不能晚于现在" });
  const dept = await tx.orgUnit.findFirst({ where: { id: input.departmentId, kind: "DEPARTMENT", active: true }, select: { id: true, name: true } });
  if (!dept) throw new AppError("VALIDATION", undefined, { departmentId: "请选择接收案件的部门" });
  await checkDuty(tx, input.localDutyId, user.unitId);
  const files = await checkedFiles(input.files);
  const calendar = await loadCalendarFrom(tx);
  const reportLate = isReportLate(input.foundAt, now);
  const acceptDueOn = acceptDueDay(now, calendar);
  const d = await tx.dispatch.create({
    data: {
      code: await nextCode(tx, now),
      direction: "UP",
      status: "REPORTED",
      streetId: user.unitId,
      departmentId: dept.id,
      localDutyId: input.localDutyId ?? null,
      title: input.title,
      location: input.location,
      description: input.description,
      foundAt: input.foundAt,
      reportedAt: now,
      reportLate,
      acceptDueOn: dbDate(acceptDueOn),
      createdByName: user.displayName,
    },
  });
  await storeFiles(tx, d.id, files, user);
  await event(tx, d.id, "report", user, reportLate ? "未在发现当日上报" : null, now);
  await notifyUnits(tx, [dept.id], { title: `${user.unitName}上报案件：${input.title}`, body: `请在 ${acceptDueOn} 前接收移交。`, href: `/dispatch/${d.id}` }, ["DEPARTMENT"]);
  await audit({ action: "dispatch.report", subjectType: "dispatch", subjectId: d.id, after: { code: d.code, title: d.title, department: dept.name, reportLate, acceptDueOn, files: files.map((f) => f.fileName) } });
  return { id: d.id, code: d.code, acceptDueOn, reportLate };
}

/** A department forwards a complaint to a street, which replies within the given working days. */
export async function forwardCase(input: z.infer<typeof forwardSchema>, { tx, user, audit }: Ctx, now = new Date()) {
  const street = await tx.orgUnit.findFirst({ where: { id: input.streetId, kind: { in: ["STREET", "TOWNSHIP"] }, active: true }, select: { id: true, name: true } });
  if (!street) throw new AppError("VALIDATION", undefined, { streetId: "请选择承办的街道（乡镇）" });
  const duty = await checkDuty(tx, input.localDutyId, street.id);
  const files = await checkedFiles(input.files);
  const calendar = await loadCalendarFrom(tx);
  const replyDueOn = replyDueDay(now, input.replyWorkdays, calendar);
  const d = await tx.dispatch.create({
    data: {
      code: await nextCode(tx, now),
      direction: "DOWN",
      status: "FORWARDED",
      streetId: street.id,
      departmentId: user.unitId,
      localDutyId: input.localDutyId ?? null,
      title: input.title,
      location: input.location,
      description: input.description,
      foundAt: now,
      reportedAt: now,
      replyDueOn: dbDate(replyDueOn),
      createdByName: user.displayName,
    },
  });
  await storeFiles(tx, d.id, files, user);
  await event(tx, d.id, "forward", user, `办理时限 ${input.replyWorkdays} 个工作日`, now);
  await notifyUnits(tx, [street.id], { title: `${user.unitName}转交投诉：${input.title}`, body: `请在 ${replyDueOn} 前办结回复。`, href: `/dispatch/${d.id}` }, ["STREET"]);
  await audit({ action: "dispatch.forward", subjectType: "dispatch", subjectId: d.id, after: { code: d.code, title: d.title, street: street.name, replyDueOn, localDuty: duty?.name ?? null, files: files.map((f) => f.fileName) } });
  return { id: d.id, code: d.code, replyDueOn };
}

export async function acceptCase(input: z.infer<typeof acceptSchema>, { tx, user, audit }: Ctx, now = new Date()) {
  const d = await expectStatus(tx, input.id, "REPORTED", "ESCALATED");
  await tx.dispatch.update({ where: { id: d.id }, data: { status: "ACCEPTED", acceptedAt: now } });
  await event(tx, d.id, "accept", user, input.note, now);
  await notifyUnits(tx, [d.streetId], { title: `${user.unitName}已接收案件：${d.title}`, body: "部门正在办理，办结后会告知。", href: `/dispatch/${d.id}` }, ["STREET"]);
  await audit({ action: "dispatch.accept", subjectType: "dispatch", subjectId: d.id, before: { status: d.status }, after: { status: "ACCEPTED", note: input.note } });
  return { id: d.id };
}

export async function handleCase(input: z.infer<typeof handleSchema>, { tx, user, audit }: Ctx, now = new Date()) {
  const d = await expectStatus(tx, input.id, "ACCEPTED");
  await tx.dispatch.update({ where: { id: d.id }, data: { status: "HANDLED", handledAt: now, result: input.result } });
  await event(tx, d.id, "handle", user, input.result, now);
  await notifyUnits(tx, [d.streetId], { title: `案件已办结：${d.title}`, body: input.result.slice(0, 200), href: `/dispatch/${d.id}` }, ["STREET"]);
  await audit({ action: "dispatch.handle", subjectType: "dispatch", subjectId: d.id, before: { status: d.status }, after: { status: "HANDLED", result: input.result } });
  return { id: d.id };
}

export async function replyCase(input: z.infer<typeof replySchema>, { tx, user, audit }: Ctx, now = new Date()) {
  const d = await expectStatus(tx, input.id, "FORWARDED");
  await tx.dispatch.update({ where: { id: d.id }, data: { status: "REPLIED", repliedAt: now, result: input.result } });
  await event(tx, d.id, "reply", user, input.result, now);
  await notifyUnits(tx, [d.departmentId], { title: `${user.unitName}已办结回复：${d.title}`, body: input.result.slice(0, 200), href: `/dispatch/${d.id}` }, ["DEPARTMENT"]);
  await audit({ action: "dispatch.reply", subjectType: "dispatch", subjectId: d.id, before: { status: d.status }, after: { status: "REPLIED", result: input.result } });
  return { id: d.id };
}

/** A street that cannot handle a forwarded case hands it up; the department accepts it like a report. */
export async function escalateCase(input: z.infer<typeof escalateSchema>, { tx, user, audit }: Ctx, now = new Date()) {
  const d = await expectStatus(tx, input.id, "FORWARDED");
  const calendar = await loadCalendarFrom(tx);
  const acceptDueOn = acceptDueDay(now, calendar);
  await tx.dispatch.update({ where: { id: d.id }, data: { status: "ESCALATED", escalatedAt: now, acceptDueOn: dbDate(acceptDueOn) } });
  await event(tx, d.id, "escalate", user, input.reason, now);
  await notifyUnits(tx, [d.departmentId], { title: `${user.unitName}无法办理，上交案件：${d.title}`, body: `请在 ${acceptDueOn} 前接收。理由：${input.reason.slice(0, 150)}`, href: `/dispatch/${d.id}` }, ["DEPARTMENT"]);
  await audit({ action: "dispatch.escalate", subjectType: "dispatch", subjectId: d.id, before: { status: d.status }, after: { status: "ESCALATED", reason: input.reason, acceptDueOn } });
  return { id: d.id, acceptDueOn };
}

/**
 * A department a case was wrongly sent to passes it to the right one, with a reason, while the
 * case still waits for its acceptance. The acceptance deadline restarts from today (3 working
 * days); the new department is told and the street informed; the old department no longer sees
 * the case (access follows the case's department).
 */
export async function rerouteCase(input: z.infer<typeof rerouteSchema>, { tx, user, audit }: Ctx, now = new Date()) {
  const d = await expectStatus(tx, input.id, "REPORTED", "ESCALATED");
  if (input.departmentId === d.departmentId) throw new AppError("VALIDATION", undefined, { departmentId: "请选择其他部门：案件已在本部门" });
  const target = await tx.orgUnit.findFirst({
    where: { id: input.departmentId, kind: "DEPARTMENT", active: true, NOT: { name: { endsWith: "人民政府" } } },
    select: { id: true, name: true },
  });
  if (!target) throw new AppError("VALIDATION", undefined, { departmentId: "请选择应当接收案件的部门" });
  const from = await tx.orgUnit.findUniqueOrThrow({ where: { id: d.departmentId }, select: { name: true } });
  const calendar = await loadCalendarFrom(tx);
  const acceptDueOn = acceptDueDay(now, calendar);
  // Only a case still at this department and step moves (a concurrent accept or re-route wins).
  const moved = await tx.dispatch.updateMany({
    where: { id: d.id, departmentId: d.departmentId, status: d.status },
    data: { departmentId: target.id, acceptDueOn: dbDate(acceptDueOn), overdueNoticeKey: null },
  });
  if (moved.count !== 1) throw new AppError("CONFLICT");
  await event(tx, d.id, "reroute", user, `由${from.name}改派${target.name}。理由：${input.reason}。接收时限重新计算，截止 ${acceptDueOn}`, now);
  await notifyUnits(tx, [target.id], { title: `${from.name}改派案件：${d.title}`, body: `请在 ${acceptDueOn} 前接收移交。改派理由：${input.reason.slice(0, 150)}`, href: `/dispatch/${d.id}` }, ["DEPARTMENT"]);
  await notifyUnits(tx, [d.streetId], { title: `案件已改派${target.name}：${d.title}`, body: `${from.name}认为该案件应由${target.name}办理。理由：${input.reason.slice(0, 150)}`, href: `/dispatch/${d.id}` }, ["STREET"]);
  await audit({
    action: "dispatch.reroute",
    subjectType: "dispatch",
    subjectId: d.id,
    before: { department: from.name, departmentId: d.departmentId, acceptDueOn: d.acceptDueOn ? dayOfDbDate(d.acceptDueOn) : null },
    after: { department: target.name, departmentId: target.id, acceptDueOn, reason: input.reason, status: d.status },
  });
  return { id: d.id, acceptDueOn, departmentName: target.name };
}

/** Who owes the overdue step (and must be reminded) and who is waiting for it (and is told). */
function overdueParties(c: { status: DispatchStatus; streetId: number; departmentId: number }) {
  return c.status === "FORWARDED"
    ? { handler: { unitId: c.streetId, role: "STREET" as const }, sender: { unitId: c.departmentId, role: "DEPARTMENT" as const }, step: "办结回复" }
    : { handler: { unitId: c.departmentId, role: "DEPARTMENT" as const }, sender: { unitId: c.streetId, role: "STREET" as const }, step: "接收移交" };
}

/**
 * Reminds the handler of every case past the due day of the step it waits for, and tells the
 * sender. Once per case and overdue step: the case keeps the step and due day it was reminded
 * about (`overdueNoticeKey`), claimed by a conditional update, so a repeated or concurrent check
 * reminds nobody twice, while a case that becomes overdue again (escalated after a late reply)
 * is reminded again. Each reminder is a case event and an audit entry of the system.
 */
export async function remindOverdueCases(tx: Tx, now = new Date()) {
  const today = toDay(now);
  const cutoff = dbDate(today);
  const cases = await tx.dispatch.findMany({
    where: { OR: [{ status: { in: ["REPORTED", "ESCALATED"] }, acceptDueOn: { lt: cutoff } }, { status: "FORWARDED", replyDueOn: { lt: cutoff } }] },
    select: { id: true, code: true, title: true, status: true, streetId: true, departmentId: true, acceptDueOn: true, replyDueOn: true, overdueNoticeKey: true, street: { select: { name: true } }, department: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  let reminded = 0;
  for (const c of cases) {
    const due = c.status === "FORWARDED" ? c.replyDueOn : c.acceptDueOn;
    if (!due || !isOverdue(c, now)) continue;
    const dueDay = dayOfDbDate(due);
    const key = `${c.status}:${dueDay}`;
    if (c.overdueNoticeKey === key) continue;
    const claimed = await tx.dispatch.updateMany({
      where: { id: c.id, status: c.status, OR: [{ overdueNoticeKey: null }, { overdueNoticeKey: { not: key } }] },
      data: { overdueNoticeKey: key },
    });
    if (!claimed.count) continue;
    const { handler, sender, step } = overdueParties(c);
    const handlerName = handler.role === "STREET" ? c.street.name : c.department.name;
    const href = `/dispatch/${c.id}` as const;
    const toHandler = await notifyUnits(tx, [handler.unitId], { title: `案件已逾期，请尽快${step}：${c.title}`, body: `${c.code} 应于 ${dueDay} 前${step}，现已逾期。`, href }, [handler.role]);
    const toSender = await notifyUnits(tx, [sender.unitId], { title: `${handlerName}逾期未${step}：${c.title}`, body: `${c.code} 应于 ${dueDay} 前${step}，已提醒对方尽快办理。`, href }, [sender.role]);
    await tx.dispatchEvent.create({ data: { dispatchId: c.id, kind: "overdue", note: `应于 ${dueDay} 前${step}，已提醒${handlerName}`, actorName: "逾期检查", actorUnitName: "系统", at: now } });
    await writeAudit(tx, null, { address: null, userAgent: null }, { action: "dispatch.overdue", subjectType: "dispatch", subjectId: c.id, after: { code: c.code, step, dueOn: dueDay, notified: toHandler + toSender } });
    reminded++;
  }
  return { reminded };
}

/** One overdue check on the application's database (server start and hourly, see lib/dispatch/overdue-schedule.ts). */
export async function runOverdueCheck(now = new Date()) {
  return prisma.$transaction((tx) => remindOverdueCases(tx, now), { timeout: 60_000, maxWait: 10_000 });
}
