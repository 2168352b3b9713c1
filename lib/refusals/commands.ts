import type { z } from "zod";
import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notifyUnits } from "@/lib/notifications/commands";
import { dbDate } from "@/lib/calendar/workdays";
import { bestMatch, normaliseName, type DutyCandidate } from "./match";
import type { acceptSchema, refuseSchema, registerTaskSchema } from "./schema";

/**
 * Checks a task against the duties in force for the unit: those of its latest published
 * 属地管理事项清单. A duty 编办 has added but not yet published does not count yet, and one it
 * has removed still counts until the next version is published.
 */
export async function checkTask(db: Pick<Tx, "$queryRaw">, unitId: number, task: { title: string; departmentId: number | null; departmentName: string }) {
  const duties = await db.$queryRaw<DutyCandidate[]>`
    SELECT d.id, d.name, d.name_key AS "nameKey", d.department_id AS "departmentId", d.department_name AS "departmentName"
    FROM local_duty d
    WHERE d.unit_id = ${unitId}
      AND d.id IN (
        SELECT (e ->> 'id')::int
        FROM (SELECT items FROM local_duty_list_version WHERE unit_id = ${unitId} ORDER BY version_no DESC LIMIT 1) v,
             jsonb_array_elements(v.items) e)`;
  return bestMatch({ nameKey: normaliseName(task.title), departmentId: task.departmentId, departmentName: task.departmentName }, duties);
}

export async function registerTask(input: z.infer<typeof registerTaskSchema>, { tx, user, audit }: CommandContext) {
  const dept = await tx.orgUnit.findFirst({ where: { id: input.departmentId, kind: { in: ["DEPARTMENT", "BIANBAN"] } }, select: { id: true, name: true } });
  if (!dept) throw new AppError("VALIDATION", undefined, { departmentId: "请选择交办部门" });
  const match = await checkTask(tx, user.unitId, { title: input.title, departmentId: dept.id, departmentName: dept.name });
  const row = await tx.taskRegisterEntry.create({
    data: {
      unitId: user.unitId,
      departmentId: dept.id,
      departmentName: dept.name,
      title: input.title,
      nameKey: normaliseName(input.title),
      description: input.description || null,
      receivedOn: dbDate(input.receivedOn),
      checkResult: match ? "ADMITTED" : "NOT_ADMITTED",
      matchedDutyId: match?.duty.id ?? null,
      matchedDutyName: match?.duty.name ?? null,
      createdByName: user.displayName,
    },
    select: { id: true, checkResult: true, matchedDutyName: true },
  });
  await audit({ action: "refusal.register", subjectType: "taskRegisterEntry", subjectId: row.id, after: { title: input.title, department: dept.name, checkResult: row.checkResult, matched: row.matchedDutyName } });
  return row;
}

async function ownOpenTask(tx: Tx, id: number, unitId: number) {
  const t = await tx.taskRegisterEntry.findUnique({ where: { id } });
  if (!t || t.unitId !== unitId) throw new AppError("NOT_FOUND");
  if (t.status !== "REGISTERED") throw new AppError("INVALID_STATE", "该任务已处理过。");
  return t;
}

export async function refuseTask(input: z.infer<typeof refuseSchema>, { tx, user, audit }: CommandContext) {
  const t = await ownOpenTask(tx, input.id, user.unitId);
  // Re-check now: a duty admitted since registration may not be refused.
  const match = await checkTask(tx, user.unitId, { title: t.title, departmentId: t.departmentId, departmentName: t.departmentName });
  if (match) throw new AppError("INVALID_STATE", `该任务与已准入事项「${match.duty.name}」相符，不能拒绝。`);
  await tx.taskRegisterEntry.update({ where: { id: t.id }, data: { status: "REFUSED", refusalReason: input.reason, decidedAt: new Date(), decidedByName: user.displayName } });
  await audit({ action: "refusal.refuse", subjectType: "taskRegisterEntry", subjectId: t.id, before: { status: t.status }, after: { status: "REFUSED", reason: input.reason, department: t.departmentName } });
  // The department that handed the task down, and 编办, are told (the dialog says so).
  // The city 编办 and the 编办 of the unit's own district; another district's 编办 is not told.
  const bianban = await tx.orgUnit.findMany({
    where: {
      kind: "BIANBAN",
      active: true,
      OR: [{ parent: { kind: { not: "DISTRICT" } } }, { parent: { children: { some: { OR: [{ id: user.unitId }, { children: { some: { id: user.unitId } } }] } } } }],
    },
    select: { id: true },
  });
  const note = { title: `${user.unitName}拒绝了未经准入的任务「${t.title}」`, body: `交办部门：${t.departmentName}。拒绝理由：${input.reason}`, href: `/refusals?task=${t.id}` as const };
  if (t.departmentId) await notifyUnits(tx, [t.departmentId], note, ["DEPARTMENT"]);
  await notifyUnits(tx, bianban.map((u) => u.id), note);
  return { id: t.id };
}

export async function acceptTask(input: z.infer<typeof acceptSchema>, { tx, user, audit }: CommandContext) {
  const t = await ownOpenTask(tx, input.id, user.unitId);
  await tx.taskRegisterEntry.update({ where: { id: t.id }, data: { status: "ACCEPTED", decidedAt: new Date(), decidedByName: user.displayName } });
  await audit({ action: "refusal.accept", subjectType: "taskRegisterEntry", subjectId: t.id, before: { status: t.status }, after: { status: "ACCEPTED" } });
  return { id: t.id };
}
